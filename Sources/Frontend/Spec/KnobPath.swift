import IR

/// A `with_knob` path (polygram-core.md §1.3): `<identifier>.<knob>`, where the
/// identifier names a feature or (for cancellation knobs) a cluster.
public struct KnobPath: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case phi
        case ampKnobTheta(index: Int)
        case ampKnobPsi(index: Int)
        case thetaAmpB
        case thetaAmp
        case psiAmpB
        case psiAux
        /// `theta[r,d,q]`: rotation index, layer, qubit.
        case theta(rotation: Int, layer: Int, qubit: Int)
    }

    public var identifier: String
    public var kind: Kind

    public init(identifier: String, kind: Kind) {
        self.identifier = identifier
        self.kind = kind
    }

    /// Canonical text (`a.phi`, `a.theta[1,0,1]`, `a.amp_knobs[0].psi`).
    public var description: String {
        switch kind {
        case .phi: return "\(identifier).phi"
        case .ampKnobTheta(let i): return "\(identifier).amp_knobs[\(i)].theta"
        case .ampKnobPsi(let i): return "\(identifier).amp_knobs[\(i)].psi"
        case .thetaAmpB: return "\(identifier).theta_amp_b"
        case .thetaAmp: return "\(identifier).theta_amp"
        case .psiAmpB: return "\(identifier).psi_amp_b"
        case .psiAux: return "\(identifier).psi_aux"
        case .theta(let r, let d, let q): return "\(identifier).theta[\(r),\(d),\(q)]"
        }
    }

    /// polygram's message for a path that matches none of the patterns.
    public static func grammarMessage(_ path: String) -> String {
        "knob path \(PythonString.repr(path)) does not match expected grammar '<feature>.phi', "
            + "'<feature>.theta_amp', '<feature>.psi_aux', '<feature>.theta[r,d,q]', "
            + "or '<feature>.amp_knobs[i].{theta,psi}'"
    }

    /// Parses with polygram's regexes, in polygram's order; no whitespace is
    /// allowed anywhere and indices are ASCII digit runs (an index too large
    /// for `Int` becomes `Int.max`, which every range check then rejects).
    public static func parse(_ text: String) throws -> KnobPath {
        guard let path = parseOrNil(text) else { throw KnobPathError(message: grammarMessage(text)) }
        return path
    }

    private static func parseOrNil(_ text: String) -> KnobPath? {
        var s = Substring(text)
        guard let id = identifierPrefix(&s), s.first == "." else { return nil }
        s = s.dropFirst()
        let rest = String(s)
        switch rest {
        case "phi": return KnobPath(identifier: id, kind: .phi)
        case "theta_amp_b": return KnobPath(identifier: id, kind: .thetaAmpB)
        case "theta_amp": return KnobPath(identifier: id, kind: .thetaAmp)
        case "psi_amp_b": return KnobPath(identifier: id, kind: .psiAmpB)
        case "psi_aux": return KnobPath(identifier: id, kind: .psiAux)
        default: break
        }
        if rest.hasPrefix("amp_knobs[") {
            var t = Substring(rest.dropFirst("amp_knobs[".count))
            guard let i = index(&t), t.first == "]" else { return nil }
            t = t.dropFirst()
            if t == ".theta" { return KnobPath(identifier: id, kind: .ampKnobTheta(index: i)) }
            if t == ".psi" { return KnobPath(identifier: id, kind: .ampKnobPsi(index: i)) }
            return nil
        }
        if rest.hasPrefix("theta[") {
            var t = Substring(rest.dropFirst("theta[".count))
            guard let r = index(&t), t.first == "," else { return nil }
            t = t.dropFirst()
            guard let d = index(&t), t.first == "," else { return nil }
            t = t.dropFirst()
            guard let q = index(&t), t == "]" else { return nil }
            return KnobPath(identifier: id, kind: .theta(rotation: r, layer: d, qubit: q))
        }
        return nil
    }

    /// `[A-Za-z_][A-Za-z0-9_]*` at the start of `s`.
    private static func identifierPrefix(_ s: inout Substring) -> String? {
        guard let first = s.unicodeScalars.first, isIdentifierStart(first) else { return nil }
        var end = s.unicodeScalars.startIndex
        while end < s.unicodeScalars.endIndex, isIdentifierBody(s.unicodeScalars[end]) {
            end = s.unicodeScalars.index(after: end)
        }
        let id = String(s.unicodeScalars[..<end])
        s = Substring(s.unicodeScalars[end...])
        return id
    }

    private static func index(_ s: inout Substring) -> Int? {
        let digits = s.unicodeScalars.prefix(while: { $0.value >= 0x30 && $0.value <= 0x39 })
        guard !digits.isEmpty else { return nil }
        let text = String(String.UnicodeScalarView(digits))
        s = Substring(s.unicodeScalars.dropFirst(digits.count))
        return Int(text) ?? Int.max
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) || c == "_"
    }

    static func isIdentifierBody(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || (c.value >= 0x30 && c.value <= 0x39)
    }

    /// Whether `name` matches `^[A-Za-z_][A-Za-z0-9_]*$`.
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isIdentifierStart(first) else { return false }
        return name.unicodeScalars.allSatisfy(isIdentifierBody)
    }

    // MARK: - Resolution and encoding checks

    /// polygram's `with_knob` resolution: the indices of the features the path
    /// writes to (one feature, or every member of a cluster, in member order).
    /// `path` is the text to quote in messages (defaults to the canonical text).
    public func targets(in dictionary: FeatureDictionary, path: String? = nil) throws -> [Int] {
        let text = path ?? description
        let names = dictionary.features.map(\.name)
        if let i = names.firstIndex(of: identifier) { return [i] }
        if let cluster = dictionary.hierarchy.first(where: { $0.name == identifier }) {
            return cluster.members.compactMap { names.firstIndex(of: $0) }
        }
        let clusters = dictionary.hierarchy.map(\.name).sorted()
        throw KnobPathError(message: "knob path \(PythonString.repr(text)): identifier \(PythonString.repr(identifier)) "
            + "matches neither a feature name (have \(PythonString.reprList(names))) "
            + "nor a cluster name (have \(PythonString.reprList(clusters)))")
    }

    /// polygram's encoding checks for theta and amp_knobs paths. `role` is the
    /// message prefix: `knob path` (with_knob, cancellations) or `sweep key`
    /// (experiments). theta_amp, psi_aux, theta_amp_b and psi_amp_b are
    /// accepted on every encoding, as in `with_knob`.
    public func checkEncoding(_ encoding: Encoding, path: String? = nil, role: String = "knob path") throws {
        let head = "\(role) \(PythonString.repr(path ?? description))"
        switch kind {
        case .theta(let r, let d, let q):
            guard case .heaRung2(let p) = encoding else {
                throw KnobPathError(message: "\(head): .theta[...] paths are HEA-only; this Dictionary uses "
                    + "encoding=\(encoding.pythonRepr)")
            }
            let shape = p.thetaShape
            guard r < shape[0], d < shape[1], q < shape[2] else {
                throw KnobPathError(message: "\(head): slot (\(r), \(d), \(q)) is outside "
                    + "theta_shape=(\(shape[0]), \(shape[1]), \(shape[2])) for encoding=\(encoding.pythonRepr)")
            }
        case .ampKnobTheta(let i), .ampKnobPsi(let i):
            guard case .rung5(let k) = encoding else {
                throw KnobPathError(message: "\(head): .amp_knobs[...] paths require a Rung5 encoding; "
                    + "this Dictionary uses encoding=\(encoding.pythonRepr)")
            }
            guard i < k else {
                throw KnobPathError(message: "\(head): amp index \(i) is outside [0, \(k)) "
                    + "for encoding=\(encoding.pythonRepr)")
            }
        case .phi, .thetaAmp, .psiAux, .thetaAmpB, .psiAmpB:
            break
        }
    }
}

/// A knob path that does not parse, resolve, or fit the encoding.
public struct KnobPathError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// `numpy.linspace(lo, hi, num)` with `endpoint=True` (or `false`), bit for bit
/// (polygram-core.md §0.4, numpy 2.x `function_base.linspace`): `k*step + lo`,
/// with `step = (hi-lo)/div`; when `step == 0` numpy computes `(k/div)*delta + lo`
/// instead; with `endpoint` the last value is `hi` exactly.
public func numpyLinspace(_ lo: Double, _ hi: Double, _ num: Int, endpoint: Bool = true) -> [Double] {
    guard num > 0 else { return [] }
    let div = endpoint ? num - 1 : num
    let delta = hi - lo
    var values = [Double](repeating: 0, count: num)
    if div > 0 {
        let step = delta / Double(div)
        for k in 0..<num {
            values[k] = step == 0 ? (Double(k) / Double(div)) * delta + lo : Double(k) * step + lo
        }
    } else {
        for k in 0..<num { values[k] = Double(k) * delta + lo }
    }
    if endpoint, num > 1 { values[num - 1] = hi }
    return values
}
