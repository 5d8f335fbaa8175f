import Analysis
import Frontend
import IR

/// Resolves `dictionary: {sae: {checkpoint, features, …}}` specs with the
/// `from_sae_lens` import (module Analysis), passing the spec's encoding so
/// phase and amp knobs are assigned, and refusing selections above the
/// encoding's `max_features` (a spec compiles one flat machine).
enum SAESpecResolver {
    static func resolve(_ source: SAESource) throws -> FeatureDictionary {
        // A line on a TTY while a full-width checkpoint loads and imports.
        let progress = SAEProgress.callback()
        defer { SAEProgress.clear(progress) }
        let records = source.path.hasSuffix(".safetensors")
            ? try SAELoader.load(path: source.path, progress: progress)
            : try ToySAE.load(path: source.path)
        var options = FromSAELensOptions()
        options.progress = progress
        options.encoding = source.encoding
        options.assignGamma = source.assignGamma
        options.nClusters = source.nClusters
        options.clustered = false
        do {
            let (result, _) = try FromSAELens.run(records: records, featureIDs: source.featureIDs, options: options)
            guard let dictionary = result.flat else {
                throw InputError("the SAE import produced a clustered dictionary; a spec compiles one flat machine",
                                 at: source.location)
            }
            return dictionary
        } catch let error as PolygramError {
            throw InputError(error.message, at: source.location)
        }
    }
}
