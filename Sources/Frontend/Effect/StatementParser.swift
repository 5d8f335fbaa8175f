import IR

/// Parses one `;`-segment of an effect: a gate, a measurement, a mid-circuit
/// measurement or a conditional gate (qorca-language.md §3.2–3.5).
struct StatementParser {
    let scope: EffectScope

    static let knownGates = "CCNOT/CCX/Toffoli, CCZ, CNOT/CX, CRx, CRy, CRz, CSWAP, CZ, H/Hadamard, I, MCX, MCZ, "
        + "RXX, RYY, RZZ, Rx, Ry, Rz, S, SWAP, T, X, Y, Z, or a single-qubit custom gate Name(qs[i])"

    /// `^if\s+`, case-insensitive, prefix match.
    static func isConditionHead(_ text: String) -> Bool {
        text.isPlainASCII ? isConditionHead(ASCIIByte.units(text)) : isConditionHead(Character.units(text))
    }

    static func isConditionHead<U: TextUnit>(_ chars: [U]) -> Bool {
        var s = TextScanner(characters: chars)
        return s.literal("if", ignoringCase: true) && s.skipRequiredWhitespace()
    }

    /// `^measure\s*\(\s*([A-Za-z0-9_]+)\[\s*(\d+)\s*\]\s*\)\s*->\s*bits\[\s*(\d+)\s*\]$`,
    /// case-insensitive, whole match.
    static func midCircuit(_ text: String) -> (register: String, qubit: String, bit: String)? {
        text.isPlainASCII ? midCircuit(ASCIIByte.units(text)) : midCircuit(Character.units(text))
    }

    static func midCircuit<U: TextUnit>(_ chars: [U]) -> (register: String, qubit: String, bit: String)? {
        var s = TextScanner(characters: chars)
        guard s.literal("measure", ignoringCase: true), s.skipWhitespace(), s.literal("("), s.skipWhitespace(),
              let register = s.run(while: TextScanner.isWord), s.literal("["), s.skipWhitespace(),
              let qubit = s.digits(), s.skipWhitespace(), s.literal("]"), s.skipWhitespace(), s.literal(")"),
              s.skipWhitespace(), s.literal("->"), s.skipWhitespace(), s.literal("bits[", ignoringCase: true),
              s.skipWhitespace(), let bit = s.digits(), s.skipWhitespace(), s.literal("]"), s.isAtEnd
        else { return nil }
        return (register, qubit, bit)
    }

    /// `^bits\[(\d+)\]\s*==\s*(\d+)$`, whole match.
    static func bitClause(_ text: String) -> (bit: String, value: String)? {
        text.isPlainASCII ? bitClause(ASCIIByte.units(text)) : bitClause(Character.units(text))
    }

    private static func bitClause<U: TextUnit>(_ chars: [U]) -> (bit: String, value: String)? {
        var s = TextScanner(characters: chars)
        guard s.literal("bits["), let bit = s.digits(), s.literal("]"), s.skipWhitespace(), s.literal("=="),
              s.skipWhitespace(), let value = s.digits(), s.isAtEnd else { return nil }
        return (bit, value)
    }

    func parse(_ segment: Segment) throws -> EffectStatement {
        segment.text.isPlainASCII ? try parse(segment, ASCIIByte.units(segment.text))
                                  : try parse(segment, Character.units(segment.text))
    }

    /// `parse(segment)` given the segment's units.
    func parse<U: TextUnit>(_ segment: Segment, _ chars: [U]) throws -> EffectStatement {
        let text = segment.text
        if Self.isConditionHead(chars) {
            return try conditional(segment, chars)
        }
        if let match = Self.midCircuit(chars), let qubit = Int(match.qubit), let bit = Int(match.bit) {
            return .midCircuitMeasure(qubit: qubit, bit: bit, location: segment.location)
        }
        if Self.containsArrow(chars, text) {
            throw EffectSyntaxError(message: "malformed mid-circuit measurement '\(text)' "
                                        + "(expected measure(qs[i]) -> bits[k])", offset: segment.offset)
        }
        guard let call = CallSyntax(chars) else {
            throw EffectSyntaxError(message: "unrecognized effect statement '\(text)' (expected a gate such as "
                                        + "H(qs[0]), a measurement, or a conditional gate)", offset: segment.offset)
        }
        let lower = call.name.lowercased()
        if lower == "measure" || lower == "m" {
            return try measurement(call, segment)
        }
        return .gate(try GateParser(scope: scope).gate(call, segment))
    }

    /// `text.contains("->")`, which a byte scan answers the same on plain ASCII.
    private static func containsArrow<U: TextUnit>(_ chars: [U], _ text: String) -> Bool {
        guard U.self == ASCIIByte.self else { return text.contains("->") }
        return zip(chars, chars.dropFirst()).contains { $0 == "-" && $1 == ">" }
    }

    // MARK: - Measurement

    private func measurement(_ call: CallSyntax, _ segment: Segment) throws -> EffectStatement {
        guard !call.arguments.isEmpty else {
            throw EffectSyntaxError(message: "\(call.name) needs at least one qubit, e.g. measure(qs[0])",
                                    offset: segment.offset)
        }
        var qubits: [Int] = []
        for argument in call.arguments {
            let operands = try QubitArgument.parse(argument.text, allowList: true, scope: scope,
                                                   offset: segment.offset + argument.offset, gate: call.name)
            for operand in operands {
                guard case .index(let i) = operand else {
                    throw EffectSyntaxError(message: "\(call.name) needs literal qubit indices, got '\(operand)'",
                                            offset: segment.offset + argument.offset)
                }
                qubits.append(i)
            }
        }
        return .measure(qubits: qubits, location: segment.location)
    }

    // MARK: - Conditional gate

    /// `if bits[i] == v [and bits[j] == w …]: GATE`.
    private func conditional<U: TextUnit>(_ segment: Segment, _ chars: [U]) throws -> EffectStatement {
        guard let colon = chars.firstIndex(of: ":") else {
            throw EffectSyntaxError(message: "conditional '\(segment.text)' is missing ':' before its gate",
                                    offset: segment.offset)
        }
        let head = U.string(chars[2..<colon])
        var conditions: [BitCondition] = []
        let parts = head.split(separator: " ", omittingEmptySubsequences: true)
        // Re-join on the `and` keyword (case-insensitive).
        var clauses: [String] = [""]
        for part in parts {
            if part.lowercased() == "and" { clauses.append("") } else { clauses[clauses.count - 1] += part }
        }
        for text in clauses {
            guard let match = Self.bitClause(text), let bit = Int(match.bit), let value = Int(match.value) else {
                throw EffectSyntaxError(message: "malformed condition '\(head.trimmingWhitespace())' "
                                            + "(expected bits[i] == v [and bits[j] == w …])", offset: segment.offset)
            }
            if let earlier = conditions.first(where: { $0.bit == bit }), earlier.value != value {
                throw EffectSyntaxError(
                    message: "conditional gate has conflicting clauses for bits[\(bit)] (declared both "
                        + "==\(earlier.value) and ==\(value)); the gate would never fire", offset: segment.offset)
            }
            conditions.append(BitCondition(bit: bit, value: value))
        }
        var lo = colon + 1
        while lo < chars.count, chars[lo].isWhitespace { lo += 1 }
        let gateSegment = segment.sub(U.string(chars[lo...]), at: lo)
        guard !gateSegment.text.isEmpty, let call = CallSyntax(gateSegment.text) else {
            throw EffectSyntaxError(message: "conditional '\(segment.text)' needs a gate after ':'",
                                    offset: gateSegment.offset)
        }
        return .conditional(conditions: conditions, gate: try GateParser(scope: scope).gate(call, gateSegment))
    }
}
