import Analysis
import Frontend
import IR

/// Resolves `dictionary: {sae: {checkpoint, features, …}}` specs with the SAE
/// import polygram's `from_sae_lens` performs (the same import `analyze` uses).
enum SAESpecResolver {
    static func resolve(_ source: SAESource) throws -> FeatureDictionary {
        let records = source.path.hasSuffix(".safetensors")
            ? try SAELoader.load(path: source.path)
            : try ToySAE.load(path: source.path)
        let importer = SAEImport(assignGamma: source.assignGamma, nClusters: source.nClusters)
        return try importer.run(records: records, featureIDs: source.featureIDs, file: source.path).0
    }
}
