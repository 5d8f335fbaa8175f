import IR
import Yams

/// Reads `experiments:` and `cancellations:` entries against the validated
/// dictionary, with polygram's constructor checks (polygram-core.md §4.1, §5.1).
struct RunsReader {
    let nodes: SpecNodes
    let dictionary: FeatureDictionary

    static let experimentKeys = ["name", "target_pair", "sweep", "measures", "assertions", "seed"]
    static let cancellationKeys = ["target_pair", "tolerance", "preserve_tiers", "optimize", "knobs", "grid_outer",
                                   "min_amp_overlap"]
    static let optimizeKeys = ["method", "max_steps"]

    // MARK: - Experiments

    /// `sweep` is optional (polygram's empty sweep `{}` gives 0-d results);
    /// `measures` defaults to overlap + gram_matrix, `assertions` to none,
    /// `seed` to 0. polygram's order of checks: target pair, measures,
    /// assertions, the tier-bound requirement, sweep keys.
    func experiment(_ node: Node, index: Int) throws -> ExperimentSpec {
        let f = try nodes.mapping(node, "experiments[\(index)]", allowed: Self.experimentKeys)
        let name = try nodes.string(try f.required("name"), "experiment name")
        let what = "experiment \(PythonString.repr(name))"
        let pair = try targetPair(try f.required("target_pair"), what)

        var measures = ExperimentSpec.defaultMeasures
        if let list = f["measures"] {
            measures = []
            for item in try nodes.sequence(list, "\(what): measures") {
                let text = try nodes.string(item, "\(what): measure")
                guard let m = ExperimentMeasure(rawValue: text) else {
                    throw nodes.error("unknown measure \(PythonString.repr(text)); supported: "
                        + PythonString.reprTuple(ExperimentMeasure.allCases.map(\.rawValue)), at: item)
                }
                measures.append(m)
            }
        }
        var assertions: [ExperimentAssertion] = []
        var boundAssertionNode: Node?
        if let list = f["assertions"] {
            for item in try nodes.sequence(list, "\(what): assertions") {
                let text = try nodes.string(item, "\(what): assertion")
                guard let a = ExperimentAssertion(rawValue: text) else {
                    throw nodes.error("unknown assertion \(PythonString.repr(text)); supported: "
                        + PythonString.reprTuple(ExperimentAssertion.allCases.map(\.rawValue)), at: item)
                }
                if a == .conceptGramTierSeparationBoundHolds, boundAssertionNode == nil { boundAssertionNode = item }
                assertions.append(a)
            }
        }
        if let item = boundAssertionNode {
            var hasBound = false
            if case .heaRung2(let p) = dictionary.encoding, p.tierSeparationBound != nil { hasBound = true }
            guard hasBound else {
                throw nodes.error("assertion 'concept_gram_tier_separation_bound_holds' requires the dictionary's "
                    + "encoding to declare a non-None tier_separation_bound; got encoding="
                    + dictionary.encoding.pythonRepr, at: item)
            }
        }
        var sweep: [SweepAxis] = []
        if let sweepNode = f["sweep"], !nodes.isNull(sweepNode) {
            guard case .mapping(let mapping) = sweepNode else {
                throw nodes.error("\(what): sweep must be a mapping of knob path to values, got "
                    + nodes.describe(sweepNode), at: sweepNode)
            }
            for (keyNode, valueNode) in mapping {
                let key = try nodes.string(keyNode, "\(what): sweep key")
                let path = try sweepPath(key, keyNode)
                let values = try axisValues(valueNode, "\(what): sweep[\(PythonString.repr(key))]")
                sweep.append(SweepAxis(path: path, key: key, values: values, location: nodes.location(keyNode)))
            }
        }
        var seed = 0
        if let seedNode = f["seed"] { seed = try nodes.integer(seedNode, "\(what): seed") }
        return ExperimentSpec(name: name, targetPair: pair, sweep: sweep, measures: measures,
                              assertions: assertions, seed: seed, location: nodes.location(node))
    }

    /// A sweep key: §1.3 grammar, identifier must be a feature (clusters are
    /// rejected, as in polygram's Experiment), theta keys need HEA and an
    /// in-range slot. amp_knobs keys are checked too (Rung5, index < k): polygram
    /// only fails on them later, inside run().
    func sweepPath(_ key: String, _ keyNode: Node) throws -> KnobPath {
        do {
            let path = try KnobPath.parse(key)
            guard dictionary.features.contains(where: { $0.name == path.identifier }) else {
                throw KnobPathError(message: "sweep key \(PythonString.repr(key)) references unknown feature "
                    + PythonString.repr(path.identifier))
            }
            try path.checkEncoding(dictionary.encoding, path: key, role: "sweep key")
            return path
        } catch let e as KnobPathError {
            throw nodes.error(e.message, at: keyNode)
        }
    }

    /// An explicit non-empty list of numbers, or `{linspace: [lo, hi, n]}` (numpy's, n ≥ 1).
    func axisValues(_ node: Node, _ what: String) throws -> [Double] {
        if case .mapping = node {
            let f = try nodes.mapping(node, what, allowed: ["linspace"])
            let argsNode = try f.required("linspace")
            let args = try nodes.sequence(argsNode, "\(what): linspace")
            guard args.count == 3 else {
                throw nodes.error("\(what): linspace takes [start, stop, num], got \(args.count) value(s)", at: argsNode)
            }
            let lo = try nodes.number(args[0], "\(what): linspace start")
            let hi = try nodes.number(args[1], "\(what): linspace stop")
            let n = try nodes.integer(args[2], "\(what): linspace num")
            guard n >= 1 else { throw nodes.error("\(what): linspace num must be >= 1; got \(n)", at: args[2]) }
            return numpyLinspace(lo, hi, n)
        }
        guard case .sequence = node else {
            throw nodes.error("\(what) must be a list of values or {linspace: [start, stop, num]}, got "
                + nodes.describe(node), at: node)
        }
        let items = try nodes.sequence(node, what)
        guard !items.isEmpty else { throw nodes.error("\(what) has no values", at: node) }
        return try items.map { try nodes.number($0, what) }
    }

    func targetPair(_ node: Node, _ what: String) throws -> [String] {
        let items = try nodes.sequence(node, "\(what): target_pair")
        guard items.count == 2 else {
            throw nodes.error("\(what): target_pair must name exactly 2 features, got \(items.count)", at: node)
        }
        var names: [String] = []
        for item in items {
            let name = try nodes.string(item, "\(what): target_pair entry")
            guard dictionary.features.contains(where: { $0.name == name }) else {
                throw nodes.error("target_pair feature \(PythonString.repr(name)) not declared in dictionary", at: item)
            }
            names.append(name)
        }
        return names
    }

    // MARK: - Cancellations

    /// Defaults are `CancellationConfig()`'s: tolerance 0.05, preserve_tiers
    /// true, optimize {method: grid, max_steps: 50}. Config validation:
    /// tolerance in [0, 1], method in (grid, scipy); max_steps must be ≥ 1.
    func cancellation(_ node: Node, index: Int) throws -> CancellationSpec {
        let what = "cancellations[\(index)]"
        let f = try nodes.mapping(node, what, allowed: Self.cancellationKeys)
        let pair = try targetPair(try f.required("target_pair"), what)
        var spec = CancellationSpec(targetPair: pair, location: nodes.location(node))
        if let t = f["tolerance"] {
            spec.tolerance = try nodes.number(t, "\(what): tolerance")
            guard spec.tolerance >= 0, spec.tolerance <= 1 else {
                throw nodes.error("tolerance must lie in [0, 1]; got \(PythonFloat.repr(spec.tolerance))", at: t)
            }
        }
        if let p = f["preserve_tiers"] { spec.preserveTiers = try nodes.bool(p, "\(what): preserve_tiers") }
        if let k = f["knobs"] {
            spec.knobs = try nodes.sequence(k, "\(what): knobs").map { try nodes.string($0, "\(what): knob path") }
        }
        if let g = f["grid_outer"] {
            let items = try nodes.sequence(g, "\(what): grid_outer")
            guard items.count == 2 else { throw nodes.error("grid_outer must be a pair [theta points, psi points]", at: g) }
            spec.gridOuter = try items.map { item in
                let value = try nodes.integer(item, "\(what): grid_outer")
                guard value >= 1 else { throw nodes.error("grid_outer entries must be >= 1; got \(value)", at: item) }
                return value
            }
        }
        if let m = f["min_amp_overlap"] {
            let value = try nodes.number(m, "\(what): min_amp_overlap")
            guard value >= 0, value <= 1 else {
                throw nodes.error("min_amp_overlap must lie in [0, 1]; got \(PythonFloat.repr(value))", at: m)
            }
            spec.minAmpOverlap = value
        }
        if let o = f["optimize"] {
            let of = try nodes.mapping(o, "\(what): optimize", allowed: Self.optimizeKeys)
            if let m = of["method"] {
                let text = try nodes.string(m, "\(what): optimize method")
                guard let method = OptimizeSpec.Method(rawValue: text) else {
                    throw nodes.error("unknown method \(PythonString.repr(text)); supported: ('grid', 'scipy')", at: m)
                }
                spec.optimize.method = method
            }
            if let s = of["max_steps"] {
                let steps = try nodes.integer(s, "\(what): max_steps")
                guard steps >= 1 else { throw nodes.error("\(what): max_steps must be >= 1; got \(steps)", at: s) }
                spec.optimize.maxSteps = steps
            }
        }
        return spec
    }
}
