import Foundation
import IR
import Yams

/// Typed access to Yams nodes, every failure an `InputError` at the node.
///
/// Conventions (README §1 "Numbers"): a number is a YAML/JSON int or float, or
/// a string in the angle language (`AngleParser`, `π` allowed, no bindings).
/// Every number becomes a Double exactly as Python's `float()` would read it
/// (ints go through their decimal text, so `-16` is -16.0 and `-0` is 0.0).
/// Non-finite values (`.inf`, `.nan`, `"1e999"`) are errors.
struct SpecNodes {
    let file: String

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ message: String, at node: Node) -> InputError {
        InputError(message, at: location(node))
    }

    // MARK: - Shapes

    /// Human description of a node for "expected X, got Y" messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s):
            switch tagName(node) {
            case .null: return "null"
            case .bool: return "boolean \(s.string)"
            case .int: return "integer \(s.string)"
            case .float: return "number \(s.string)"
            case .str: return "string \(PythonString.repr(s.string))"
            default: return "\(PythonString.repr(s.string))"
            }
        }
    }

    /// The node's resolved tag (`Tag.name` is internal to Yams; `rawValue` is its text).
    /// Specs are composed with Yams's `.basic` resolver, so an untagged plain
    /// value is still implicit (empty raw tag) and `YAMLImplicitTag` decides
    /// it as Yams's default resolver would. Mapping keys were hashed (and so
    /// resolved, to str) by Yams's duplicate-key check while composing.
    func tagName(_ node: Node) -> Tag.Name {
        if case .scalar(let s) = node, s.tag.rawValue.isEmpty { return YAMLImplicitTag.of(s.string) }
        return Tag.Name(rawValue: node.tag.rawValue)
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar = node, tagName(node) == .null { return true }
        return false
    }

    /// A mapping whose keys are strings, in file order, checked against `allowed`.
    func mapping(_ node: Node, _ what: String, allowed: [String]) throws -> Fields {
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping, got \(describe(node))", at: node)
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode, tagName(keyNode) == .str else {
                throw error("\(what): keys must be strings, got \(describe(keyNode))", at: keyNode)
            }
            guard allowed.contains(key.string) else {
                throw error("unknown key \(PythonString.repr(key.string)) in \(what); allowed keys: "
                    + allowed.joinedText(", "), at: keyNode)
            }
            pairs.append((key.string, keyNode, value))
        }
        return Fields(node: node, what: what, pairs: pairs, nodes: self)
    }

    func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard case .sequence(let seq) = node else {
            throw error("\(what) must be a list, got \(describe(node))", at: node)
        }
        return Array(seq)
    }

    // MARK: - Scalars

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let s) = node, tagName(node) == .str else {
            var message = "\(what) must be a string, got \(describe(node))"
            if case .scalar = node { message += " (quote it to use it as a name)" }
            throw error(message, at: node)
        }
        return s.string
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        guard case .scalar(let s) = node, tagName(node) == .bool, let value = Bool.construct(from: s) else {
            throw error("\(what) must be true or false, got \(describe(node))", at: node)
        }
        return value
    }

    /// A YAML/JSON integer literal (numpy and polygram reject floats here).
    func integer(_ node: Node, _ what: String) throws -> Int {
        guard case .scalar(let s) = node, tagName(node) == .int else {
            throw error("\(what) must be an integer, got \(describe(node))", at: node)
        }
        let text = withoutUnderscores(s.string)
        if let value = Int(text) ?? Int.construct(from: s) { return value }
        throw error("\(what): integer \(s.string) is out of range", at: node)
    }

    /// A number or an angle-language string, as a finite Double.
    func number(_ node: Node, _ what: String) throws -> Double {
        guard case .scalar(let s) = node else {
            throw error("\(what) must be a number, got \(describe(node))", at: node)
        }
        let value: Double
        switch tagName(node) {
        case .int:
            value = try intAsDouble(s, node, what)
        case .float:
            value = try floatAsDouble(s, node, what)
        case .str:
            value = try angle(s.string, node, what)
        default:
            throw error("\(what) must be a number or an angle string, got \(describe(node))", at: node)
        }
        guard value.isFinite else {
            throw error("non-finite angle: \(what) is \(PythonFloat.repr(value)) (from \(s.string))", at: node)
        }
        return value
    }

    private func intAsDouble(_ s: Node.Scalar, _ node: Node, _ what: String) throws -> Double {
        let text = withoutUnderscores(s.string)
        // Plain decimal: Python's float(int(text)), correctly rounded; -0 is 0.
        if isPlainDecimalInteger(text), let value = Double(text) { return value == 0 ? 0.0 : value }
        // 0x / 0o / 0b / sexagesimal forms, as YAML 1.1 (Yams) reads them.
        if let value = Int.construct(from: s) { return Double(value) }
        throw error("\(what): cannot read integer \(s.string)", at: node)
    }

    /// YAML's digit separators dropped (the standard library's filter: no
    /// Foundation bridging on the path of every number in a spec).
    private func withoutUnderscores(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "_")) ? String(text.filter { $0 != "_" }) : text
    }

    private func floatAsDouble(_ s: Node.Scalar, _ node: Node, _ what: String) throws -> Double {
        let lower = s.string.lowercased()
        if [".inf", "+.inf", "-.inf", ".nan", "+.nan", "-.nan"].contains(lower) {
            throw error("non-finite angle: \(what) is \(s.string)", at: node)
        }
        let text = withoutUnderscores(s.string)
        if !text.containsText(":"), let value = Double(text) { return value }
        if let value = Double.construct(from: s) { return value }
        throw error("\(what): cannot read number \(s.string)", at: node)
    }

    private func isPlainDecimalInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return body == "0" || body.first != "0"   // a leading 0 is YAML 1.1 octal
    }

    /// An angle-language string evaluated with no bindings.
    private func angle(_ text: String, _ node: Node, _ what: String) throws -> Double {
        let expr: AngleExpr
        do {
            expr = try AngleParser.parse(text, allowPiGlyph: true)
        } catch let e as AngleSyntaxError {
            throw error("\(what): \(e.message)", at: node)
        }
        do {
            return try expr.evaluate()
        } catch let e as UnboundSymbol {
            throw error("\(what): unknown name \(PythonString.repr(e.name)) in angle \(PythonString.repr(text)); "
                + "only numbers and pi forms are allowed in spec files", at: node)
        }
    }
}

/// The string-keyed entries of one mapping node.
struct Fields {
    let node: Node
    let what: String
    let pairs: [(key: String, keyNode: Node, value: Node)]
    let nodes: SpecNodes

    subscript(_ key: String) -> Node? {
        pairs.first(where: { $0.key == key })?.value
    }

    func keyNode(_ key: String) -> Node? {
        pairs.first(where: { $0.key == key })?.keyNode
    }

    func required(_ key: String) throws -> Node {
        guard let value = self[key] else {
            throw nodes.error("\(what) is missing required key \(PythonString.repr(key))", at: node)
        }
        return value
    }
}
