import Foundation
import IR

/// The machine's qubit register size.
enum Register {
    /// Declared size: the `qubits` list field's `q<N>` items (max index + 1),
    /// else the number of `qubit`-typed fields; nil when nothing is declared.
    static func declaredSize(_ machine: Machine) -> Int? {
        if let field = machine.context.first(where: { $0.name == "qubits" && $0.type.hasPrefix("list") }),
           let text = field.defaultValue {
            let indices = qubitIndices(in: text)
            if let max = indices.max() { return max + 1 }
            var body = Substring(text)  // `text` with `[`, `]` and spaces trimmed off both ends
            while let c = body.first, "[] ".contains(c) { body.removeFirst() }
            while let c = body.last, "[] ".contains(c) { body.removeLast() }
            let items = body.split(separator: ",").filter { !$0.trimmingSpaces.isEmpty }
            if !items.isEmpty { return items.count }
        }
        let qubitFields = machine.context.filter { $0.type == "qubit" }.count
        return qubitFields > 0 ? qubitFields : nil
    }

    /// Every `q<digits>` token (`q` not preceded by an identifier character).
    static func qubitIndices(in text: String) -> [Int] {
        let chars = Array(text.utf8)
        var indices: [Int] = []
        var i = 0
        while i < chars.count {
            let isStart = chars[i] == UInt8(ascii: "q") && (i == 0 || !isIdentifierByte(chars[i - 1]))
            var j = i + 1
            var value = 0
            while isStart, j < chars.count, chars[j] >= 48, chars[j] <= 57, value < 1 << 40 {
                value = value * 10 + Int(chars[j] - 48)
                j += 1
            }
            if isStart, j > i + 1 { indices.append(value) }
            i = max(j, i + 1)
        }
        return indices
    }

    private static func isIdentifierByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }
}
