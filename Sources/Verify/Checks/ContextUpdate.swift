import Foundation
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

    private static let conditional = try! NSRegularExpression(
        pattern: #"^if\s+bits\[(\d+)\]\s*==\s*([01])\s*:\s*(.*)$"#, options: [.caseInsensitive, .dotMatchesLineSeparators])
    private static let elseSplit = try! NSRegularExpression(pattern: #"\belse\s*:\s*"#)
    private static let mutation = try! NSRegularExpression(
        pattern: #"^\s*(?:ctx\.)?([A-Za-z_][A-Za-z0-9_]*)(?:\[\s*(-?\d+)\s*\])?\s*(=|\+=|-=)\s*(\S.*?)\s*$"#)
    private static let intLiteral = try! NSRegularExpression(pattern: #"^-?\d+$"#)
    private static let floatLiteral = try! NSRegularExpression(pattern: #"^-?\d+(\.\d+)?([eE][+-]?\d+)?$"#)
    private static let identifier = try! NSRegularExpression(pattern: #"^[A-Za-z_][A-Za-z0-9_]*$"#)

    /// nil when `text` is not a well-formed context update.
    static func parse(_ raw: String) -> ContextUpdate? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let g = groups(conditional, text), let bit = Int(g[0]), let value = Int(g[1]) {
            let body = g[2]
            var thenPart = body, elsePart = ""
            let ns = body as NSString
            if let split = elseSplit.firstMatch(in: body, range: NSRange(location: 0, length: ns.length)) {
                thenPart = ns.substring(to: split.range.location)
                elsePart = ns.substring(from: split.range.location + split.range.length)
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
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let g = groups(mutation, trimmed) else { return nil }
            let rhs = g[3]
            let value: Mutation.Value
            if groups(intLiteral, rhs) != nil, let i = Int(rhs) {
                value = .int(i)
            } else if groups(floatLiteral, rhs) != nil, let d = Double(rhs) {
                value = .float(d)
            } else if groups(identifier, rhs) != nil {
                value = .field(rhs)
            } else {
                return nil
            }
            let index: Int?
            if g[1].isEmpty { index = nil } else { guard let i = Int(g[1]), i >= 0 else { return nil }; index = i }
            result.append(Mutation(field: g[0], index: index, op: g[2], value: value))
        }
        return result
    }

    /// Capture groups (unmatched ones as ""), or nil without a match.
    private static func groups(_ regex: NSRegularExpression, _ text: String) -> [String]? {
        let ns = text as NSString
        guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (1..<max(1, match.numberOfRanges)).map {
            let r = match.range(at: $0)
            return r.location == NSNotFound ? "" : ns.substring(with: r)
        }
    }
}
