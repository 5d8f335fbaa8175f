import IR

/// The single-gate recognisers of qorca-language.md §3.2, applied to a
/// parsed call. Names are case-insensitive; a call that matches no
/// recogniser is an unknown-gate error (a single-qubit `Name(qs[i])` is a
/// legal custom gate).
struct GateParser {
    let scope: EffectScope

    // Gate names by spelling, built once rather than per gate.
    static let twoQubitRotations: [String: GateKind] = ["crx": .CRx, "cry": .CRy, "crz": .CRz, "rxx": .RXX,
                                                         "ryy": .RYY, "rzz": .RZZ]
    static let twoQubitGates: [String: GateKind] = ["cnot": .CNOT, "cx": .CNOT, "cz": .CZ, "swap": .SWAP]
    static let rotations: [String: GateKind] = ["rx": .Rx, "ry": .Ry, "rz": .Rz]
    static let singleQubitGates: [String: GateKind] = ["H": .H, "X": .X, "Y": .Y, "Z": .Z, "S": .S, "T": .T, "I": .I]

    func gate(_ call: CallSyntax, _ segment: Segment) throws -> Gate {
        let name = call.name
        let args = call.arguments
        let location = segment.location
        let register = args.first.map { QubitArgument.register($0.text) } ?? "qs"
        func qubit(_ index: Int) throws -> QubitOperand {
            try QubitArgument.parse(args[index].text, allowList: false, scope: scope,
                                    offset: segment.offset + args[index].offset, gate: name)[0]
        }
        func qubits(_ range: Range<Int>) throws -> [QubitOperand] { try range.map(qubit) }
        func arity(_ expected: Int, _ what: String) throws {
            guard args.count == expected else {
                throw EffectSyntaxError(message: "\(name) requires \(what), got \(args.count) argument(s)",
                                        offset: segment.offset)
            }
        }

        let lower = name.lowercased()
        switch lower {
        case "hadamard":
            try arity(1, "1 qubit argument (qs[i] or qs[i j k])")
            let targets = try QubitArgument.parse(args[0].text, allowList: true, scope: scope,
                                                  offset: segment.offset + args[0].offset, gate: name)
            return Gate(kind: .H, targets: targets, register: register, location: location)
        case "ccx", "ccnot", "toffoli", "ccz":
            try arity(3, "3 qubit arguments (2 controls + 1 target)")
            let q = try qubits(0..<3)
            return Gate(kind: lower == "ccz" ? .CCZ : .CCNOT, targets: [q[2]], controls: [q[0], q[1]],
                        register: register, location: location)
        case "mcx", "mcz":
            let upper = name.uppercased()
            guard args.count >= 3 else {
                let alternative = upper == "MCX" ? "CCX" : "CCZ"
                throw EffectSyntaxError(
                    message: "\(upper) requires at least 3 qubit arguments (≥2 controls + 1 target), "
                        + "got \(args.count). Use \(alternative) for the 2-control case.", offset: segment.offset)
            }
            let q = try qubits(0..<args.count)
            return Gate(kind: upper == "MCX" ? .MCX : .MCZ, targets: [q[q.count - 1]], controls: Array(q.dropLast()),
                        register: register, location: location)
        case "cswap":
            try arity(3, "3 qubit arguments (1 control + 2 swap targets)")
            let q = try qubits(0..<3)
            return Gate(kind: .CSWAP, targets: [q[1], q[2]], controls: [q[0]], register: register, location: location)
        case "crx", "cry", "crz", "rxx", "ryy", "rzz":
            let kind = Self.twoQubitRotations[lower]!
            try arity(3, "2 qubit arguments and an angle: \(kind.rawValue)(qs[i], qs[j], <angle>)")
            let q = try qubits(0..<2)
            let angle = try AngleSlot.parse(args[2].text, gate: kind.rawValue, scope: scope,
                                            offset: segment.offset + args[2].offset)
            if kind == .RXX || kind == .RYY || kind == .RZZ {
                return Gate(kind: kind, targets: q, angle: angle, register: register, location: location)
            }
            return Gate(kind: kind, targets: [q[1]], controls: [q[0]], angle: angle,
                        register: register, location: location)
        case "cnot", "cx", "cz", "swap":
            let kind = Self.twoQubitGates[lower]!
            try arity(2, "2 qubit arguments")
            let q = try qubits(0..<2)
            if kind == .SWAP { return Gate(kind: .SWAP, targets: q, register: register, location: location) }
            return Gate(kind: kind, targets: [q[1]], controls: [q[0]], register: register, location: location)
        case "rx", "ry", "rz":
            let kind = Self.rotations[lower]!
            if args.count == 2, !QubitArgument.looksLikeQubit(args[0].text), QubitArgument.looksLikeQubit(args[1].text) {
                throw EffectSyntaxError(
                    message: "rotation gate \(kind.rawValue) uses angle-first argument order. The canonical form "
                        + "is qubit-first: \(kind.rawValue)(qs[N], <angle>).", offset: segment.offset)
            }
            try arity(2, "a qubit and an angle: \(kind.rawValue)(qs[i], <angle>)")
            let q = try qubit(0)
            let angle = try AngleSlot.parse(args[1].text, gate: kind.rawValue, scope: scope,
                                            offset: segment.offset + args[1].offset)
            return Gate(kind: kind, targets: [q], angle: angle, register: register, location: location)
        default:
            let upper = name.uppercased()
            let simple = Self.singleQubitGates
            let isCustomShape = name.first?.isLetter == true
            if args.count == 1, QubitArgument.looksLikeQubit(args[0].text), simple[upper] != nil || isCustomShape {
                let q = try qubit(0)
                if let kind = simple[upper] {
                    return Gate(kind: kind, targets: [q], register: register, location: location)
                }
                return Gate(kind: .custom, targets: [q], customName: upper, register: register, location: location)
            }
            if simple[upper] != nil {
                throw EffectSyntaxError(message: "\(upper) requires exactly 1 qubit argument like qs[0], "
                                            + "got '\(segment.text)'", offset: segment.offset)
            }
            throw EffectSyntaxError(message: "unknown gate '\(name)' in '\(segment.text)'; known gates: "
                                        + StatementParser.knownGates, offset: segment.offset)
        }
    }
}

/// A rotation angle slot: parsed symbolically; every name must be an angle
/// parameter of the action or a numeric context field.
enum AngleSlot {
    static func parse(_ text: String, gate: String, scope: EffectScope, offset: Int) throws -> AngleExpr {
        let expr: AngleExpr
        do {
            expr = try AngleParser.parse(text)
        } catch let error as AngleSyntaxError {
            throw EffectSyntaxError(message: "gate \(gate) has unrecognized angle '\(text)': \(error.message)",
                                    offset: offset + error.offset)
        }
        for name in expr.symbols
        where !scope.angleParameters.contains(name) && scope.contextFields[name] == nil {
            if scope.intParameters.contains(name) {
                throw EffectSyntaxError(message: "'\(name)' is an int parameter and cannot be used as an angle "
                                            + "in \(gate)", offset: offset)
            }
            let params = scope.angleParameters.isEmpty ? "none" : scope.angleParameters.joinedText(", ")
            let fields = scope.contextFields.isEmpty ? "none" : scope.contextFields.keys.sorted().joinedText(", ")
            throw EffectSyntaxError(message: "undefined parameter '\(name)' in angle '\(text)' of \(gate) "
                                        + "(angle parameters: \(params); numeric context fields: \(fields))",
                                    offset: offset)
        }
        return expr
    }
}
