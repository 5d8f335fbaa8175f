import Foundation
import Frontend
import IR

/// A classical context update as the verifier reads it (qorca-language.md
/// §3.6): `iteration += 1`, `ctx.outcome = 10`, `theta[0] -= eta`,
/// `if bits[0] == 1: a += 1; else: a -= 1`. The reader has already validated
/// the text; this parser only recovers its structure.
struct ContextUpdate: Hashable {
    struct Mutation: Hashable {
        enum Value: Hashable {
            case int(Int)
            case float(Double)
            case field(String)
        }
        /// The field name, `ctx.` dropped.
        var field: String
        var index: Int?
        /// `=`, `+=` or `-=`.
        var op: String
        var value: Value
    }

    /// `bits[bit] == value` for the conditional form.
    var condition: BitCondition?
    var thenMutations: [Mutation]
    var elseMutations: [Mutation]

    var mutations: [Mutation] { thenMutations + elseMutations }

    /// nil when `text` is not a well-formed context update. The verifier's
    /// grammar takes no spaces inside `bits[i]` and a simple `\b`
    /// (`ContextUpdateGrammar`).
    static func parse(_ raw: String) -> ContextUpdate? {
        let text = raw.trimmingSpacesAndNewlines
        if let c = ContextUpdateGrammar.conditional(text, spacedIndex: false), let bit = Int(c.bit),
           let value = Int(c.value) {
            var thenPart = c.body, elsePart = ""
            if let split = ContextUpdateGrammar.splitElse(c.body, wordBoundary: .simple) {
                (thenPart, elsePart) = split
            }
            while let last = thenPart.last, last == ";" || last.isWhitespace { thenPart.removeLast() }
            guard let thenMutations = sequence(thenPart), !thenMutations.isEmpty,
                  let elseMutations = sequence(elsePart) else { return nil }
            return ContextUpdate(condition: BitCondition(bit: bit, value: value), thenMutations: thenMutations, elseMutations: elseMutations)
        }
        guard let mutations = sequence(text), !mutations.isEmpty else { return nil }
        return ContextUpdate(condition: nil, thenMutations: mutations, elseMutations: [])
    }

    private static func sequence(_ text: String) -> [Mutation]? {
        var result: [Mutation] = []
        for piece in text.split(separator: ";") {
            let trimmed = piece.trimmingSpaces
            guard !trimmed.isEmpty else { continue }
            guard let m = ContextUpdateGrammar.mutation(trimmed) else { return nil }
            let rhs = m.rhs
            let value: Mutation.Value
            if ContextUpdateGrammar.isIntLiteral(rhs), let i = Int(rhs) {
                value = .int(i)
            } else if ContextUpdateGrammar.isFloatLiteral(rhs), let d = Double(rhs) {
                value = .float(d)
            } else if ContextUpdateGrammar.isIdentifier(rhs) {
                value = .field(rhs)
            } else {
                return nil
            }
            let index: Int?
            if let text = m.index { guard let i = Int(text), i >= 0 else { return nil }; index = i } else { index = nil }
            result.append(Mutation(field: m.field, index: index, op: m.op, value: value))
        }
        return result
    }
}
