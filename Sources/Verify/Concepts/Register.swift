import Foundation
import IR

/// The machine's qubit register size.
enum Register {
    /// Declared size: the `qubits` list field's `q<N>` items (max index + 1),
    /// else the number of `qubit`-typed fields; nil when nothing is declared.
    static func declaredSize(_ machine: Machine) -> Int? {
        if let field = machine.context.first(where: { $0.name == "qubits" && $0.type.hasPrefix("list") }),
           let text = field.defaultValue {
            let indices = matches(of: "q(\\d+)", in: text).compactMap(Int.init)
            if let max = indices.max() { return max + 1 }
            let items = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                .split(separator: ",").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if !items.isEmpty { return items.count }
        }
        let qubitFields = machine.context.filter { $0.type == "qubit" }.count
        return qubitFields > 0 ? qubitFields : nil
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
