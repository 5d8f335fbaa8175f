import IR

/// A qubit argument `REG[i]` (or `REG[i j k]` / `REG[i, j]` where a list is
/// allowed). An index is an integer literal or an `int` parameter.
enum QubitArgument {
    /// Whether `text` has the shape `REG[…]`.
    static func looksLikeQubit(_ text: String) -> Bool {
        text.isPlainASCII ? looksLikeQubit(ASCIIByte.units(text)) : looksLikeQubit(Character.units(text))
    }

    private static func looksLikeQubit<U: TextUnit>(_ chars: [U]) -> Bool {
        guard let open = chars.firstIndex(of: "["), open > 0, chars.last == "]" else { return false }
        return chars[..<open].allSatisfy(TokenScanner.isIdentifierChar)
    }

    static func register(_ text: String) -> String {
        String(text[..<(text.firstIndex(ofASCII: "[") ?? text.endIndex)])
    }

    static func parse(_ text: String, allowList: Bool, scope: EffectScope, offset: Int,
                      gate: String) throws -> [QubitOperand] {
        text.isPlainASCII
            ? try parse(ASCIIByte.units(text), text, allowList: allowList, scope: scope, offset: offset, gate: gate)
            : try parse(Character.units(text), text, allowList: allowList, scope: scope, offset: offset, gate: gate)
    }

    private static func parse<U: TextUnit>(_ chars: [U], _ text: String, allowList: Bool, scope: EffectScope,
                                           offset: Int, gate: String) throws -> [QubitOperand] {
        guard looksLikeQubit(chars) else {
            throw EffectSyntaxError(message: "\(gate) expects a qubit argument like qs[0], got '\(text)'",
                                    offset: offset)
        }
        let inner = chars[(chars.firstIndex(of: "[")! + 1)..<(chars.count - 1)]
        // Items are separated by one comma or by spaces: "0,,1", ",0" and "0," are not lists.
        if inner.contains(","), inner.split(separator: ",", omittingEmptySubsequences: false)
            .contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw EffectSyntaxError(message: "empty item in qubit list '\(text)'", offset: offset)
        }
        let tokens = inner.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        guard !tokens.isEmpty else {
            throw EffectSyntaxError(message: "empty qubit subscript in '\(text)'", offset: offset)
        }
        if tokens.count > 1, !allowList {
            throw EffectSyntaxError(message: "\(gate) takes one qubit per argument, got '\(text)'", offset: offset)
        }
        return try tokens.map { units in
            let token = U.string(units)
            if units.allSatisfy({ $0.isASCII && $0.isNumber }), let i = Int(token) { return .index(i) }
            let isIdentifier = units.first.map { $0.isLetter || $0 == "_" } == true
                && units.allSatisfy(TokenScanner.isIdentifierChar)
            guard isIdentifier else {
                throw EffectSyntaxError(message: "invalid subscript '\(token)' in '\(text)' (bare integer literal "
                                            + "or int parameter name required; arithmetic is not supported)",
                                        offset: offset)
            }
            guard scope.intParameters.contains(token) else {
                let declared = scope.intParameters.isEmpty ? "none" : scope.intParameters.joinedText(", ")
                throw EffectSyntaxError(message: "unbound identifier '\(token)' in qubit subscript "
                                            + "(declared int parameters: \(declared))", offset: offset)
            }
            return .parameter(token)
        }
    }
}
