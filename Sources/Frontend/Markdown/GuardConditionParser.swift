import Foundation
import IR

/// q-orca's guard grammar (qorca-language.md §2.7), rules tried in order.
enum GuardConditionParser {
    private static let fidelity = try! NSRegularExpression(
        pattern: #"^fidelity\(\s*(\|[^>]+>)\s*,\s*(\|[^>]+>)\s*\)\s*\*\*\s*2\s*(≈|==|!=|<=|>=|<|>)\s*([\d.]+)"#)
    private static let probability = try! NSRegularExpression(
        pattern: #"^prob(?:_collapse)?\(\s*'([^']+)'\s*\)\s*(≈|==|=|!=|<=|>=|<|>)\s*([\d.]+)"#)
    private static let comparison = try! NSRegularExpression(
        pattern: #"^([a-zA-Z_][\w.]*)\s*(==|!=|<=|>=|<|>|≈)\s*(.+)$"#)

    static func parse(_ raw: String) -> GuardCondition {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text == "true" { return .literal(true) }
        if text == "false" { return .literal(false) }
        if let g = groups(fidelity, text), let value = Double(g[3]) {
            return .fidelity(g[0], g[1], op: g[2], value: value)
        }
        if let g = groups(probability, text), let value = Double(g[2]) {
            return .probability(bitstring: g[0], value: value)
        }
        if let g = groups(comparison, text) {
            return .compare(path: g[0].components(separatedBy: "."), op: g[1],
                            value: g[2].trimmingCharacters(in: .whitespaces))
        }
        return .unrecognized
    }

    private static func groups(_ regex: NSRegularExpression, _ text: String) -> [String]? {
        let ns = text as NSString
        guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (1..<match.numberOfRanges).map { ns.substring(with: match.range(at: $0)) }
    }
}
