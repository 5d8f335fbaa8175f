import Foundation

/// A tiny interpreter for the ISO-style EBNF files in `grammars/`: it loads the
/// productions themselves and derives random sentences from them, so the
/// sentence tests follow the grammar files rather than a transcription.
///
/// Supported notation (all the `.ebnf` files use): `name = … ;`, `,` sequence,
/// `|` alternation, `[ … ]` option, `{ … }` repetition, `( … )` grouping,
/// `"…"` terminals and `(* … *)` comments. Comments carry semantic side
/// conditions (e.g. "INT /= 0", "IDENT must be an int parameter"); those are
/// honoured by the hooks the tests install, never by editing the productions.
indirect enum EBNF: CustomStringConvertible, Sendable {
    case terminal(String)
    case ref(String)
    case seq([EBNF])
    case alt([EBNF])
    case opt(EBNF)
    case rep(EBNF)

    var description: String {
        switch self {
        case .terminal(let t): return "\"\(t)\""
        case .ref(let r): return r
        case .seq(let items): return items.map(\.description).joined(separator: " , ")
        case .alt(let items): return "( " + items.map(\.description).joined(separator: " | ") + " )"
        case .opt(let inner): return "[ \(inner) ]"
        case .rep(let inner): return "{ \(inner) }"
        }
    }
}

struct EBNFGrammar: Sendable {
    var rules: [String: EBNF] = [:]
    /// Rule names in file order.
    var names: [String] = []

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    static var grammarsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("grammars")
    }

    /// Loads and merges the named files (later files may refer to earlier ones).
    static func load(_ files: [String]) throws -> EBNFGrammar {
        var grammar = EBNFGrammar()
        for file in files {
            let text = try String(contentsOf: grammarsDirectory.appendingPathComponent(file), encoding: .utf8)
            var parser = EBNFTextParser(text: text)
            for (name, body) in try parser.parseRules() {
                if grammar.rules[name] != nil { throw LoadError(description: "\(file): rule \(name) defined twice") }
                grammar.rules[name] = body
                grammar.names.append(name)
            }
        }
        return grammar
    }

    /// Every rule name referenced but not defined (lexical primitives such as LETTER).
    var undefinedReferences: Set<String> {
        var result = Set<String>()
        func walk(_ node: EBNF) {
            switch node {
            case .terminal: break
            case .ref(let r): if rules[r] == nil { result.insert(r) }
            case .seq(let items), .alt(let items): items.forEach(walk)
            case .opt(let inner), .rep(let inner): walk(inner)
            }
        }
        rules.values.forEach(walk)
        return result
    }

    /// Minimal derivation height per rule (fix point), used to close off recursion.
    func minimalHeights() -> [String: Int] {
        var heights: [String: Int] = [:]
        var changed = true
        func height(_ node: EBNF) -> Int {
            switch node {
            case .terminal: return 0
            case .ref(let r): return rules[r] == nil ? 1 : (heights[r].map { $0 == Int.max ? Int.max : $0 + 1 } ?? Int.max)
            case .seq(let items): return items.map(height).max() ?? 0
            case .alt(let items): return items.map(height).min() ?? 0
            case .opt, .rep: return 0
            }
        }
        for name in names { heights[name] = Int.max }
        while changed {
            changed = false
            for name in names {
                let h = height(rules[name]!)
                if h < heights[name]! { heights[name] = h; changed = true }
            }
        }
        return heights
    }

    func height(_ node: EBNF, _ heights: [String: Int]) -> Int {
        switch node {
        case .terminal: return 0
        case .ref(let r): return rules[r] == nil ? 1 : (heights[r].map { $0 == Int.max ? Int.max : $0 + 1 } ?? Int.max)
        case .seq(let items): return items.map { height($0, heights) }.max() ?? 0
        case .alt(let items): return items.map { height($0, heights) }.min() ?? 0
        case .opt, .rep: return 0
        }
    }
}

/// Recursive-descent reader of the EBNF notation.
struct EBNFTextParser {
    enum Token: Equatable {
        case ident(String)
        case string(String)
        case punct(Character)
    }

    private var tokens: [Token] = []
    private var position = 0

    init(text: String) {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == ")") { i += 1 }
                i += 2
                continue
            }
            if c == "\"" {
                var j = i + 1
                while j < chars.count, chars[j] != "\"" { j += 1 }
                tokens.append(.string(String(chars[(i + 1)..<j])))
                i = j + 1
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                tokens.append(.ident(String(chars[i..<j])))
                i = j
                continue
            }
            tokens.append(.punct(c))
            i += 1
        }
    }

    private var peek: Token? { position < tokens.count ? tokens[position] : nil }

    private mutating func expect(_ c: Character) throws {
        guard peek == .punct(c) else {
            throw EBNFGrammar.LoadError(description: "expected '\(c)' at token \(position), got \(String(describing: peek))")
        }
        position += 1
    }

    mutating func parseRules() throws -> [(String, EBNF)] {
        var rules: [(String, EBNF)] = []
        while let token = peek {
            guard case .ident(let name) = token else {
                throw EBNFGrammar.LoadError(description: "expected a rule name at token \(position), got \(token)")
            }
            position += 1
            try expect("=")
            let body = try alternation()
            try expect(";")
            rules.append((name, body))
        }
        return rules
    }

    private mutating func alternation() throws -> EBNF {
        var items = [try sequence()]
        while peek == .punct("|") {
            position += 1
            items.append(try sequence())
        }
        return items.count == 1 ? items[0] : .alt(items)
    }

    private mutating func sequence() throws -> EBNF {
        var items = [try factor()]
        while peek == .punct(",") {
            position += 1
            items.append(try factor())
        }
        return items.count == 1 ? items[0] : .seq(items)
    }

    private mutating func factor() throws -> EBNF {
        guard let token = peek else { throw EBNFGrammar.LoadError(description: "unexpected end of grammar") }
        position += 1
        switch token {
        case .ident(let name):
            return .ref(name)
        case .string(let text):
            return .terminal(text)
        case .punct("["):
            let inner = try alternation()
            try expect("]")
            return .opt(inner)
        case .punct("{"):
            let inner = try alternation()
            try expect("}")
            return .rep(inner)
        case .punct("("):
            let inner = try alternation()
            try expect(")")
            return inner
        default:
            throw EBNFGrammar.LoadError(description: "unexpected \(token) at token \(position - 1)")
        }
    }
}

/// Deterministic PRNG (SplitMix64), so every run sees the same sentences.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One token of a derived sentence, with the rules it came from (innermost last).
struct GrammarToken {
    var text: String
    var rule: String
    var inAngle: Bool
    var lexical: Bool
}

/// Random derivation over an `EBNFGrammar`. Upper-case rules are lexical
/// (their pieces are glued into one token); all others are syntactic.
final class SentenceGenerator {
    let grammar: EBNFGrammar
    var rng: SplitMix64
    var maxDepth: Int
    private let heights: [String: Int]
    /// Rule overrides for side conditions written as comments; return nil to
    /// fall back to the production.
    var hooks: [String: (SentenceGenerator) -> [GrammarToken]?] = [:]
    /// Productions replaced because the grammar file is wrong (each documented at its use).
    var errata: [String: EBNF] = [:]
    /// Names of the rules entered, outermost first, for the current derivation.
    private(set) var stack: [String] = []
    /// Every rule entered, in order (reset by `generate`).
    var trace: [String] = []

    init(grammar: EBNFGrammar, seed: UInt64, maxDepth: Int = 8) {
        self.grammar = grammar
        self.rng = SplitMix64(seed: seed)
        self.maxDepth = maxDepth
        self.heights = grammar.minimalHeights()
    }

    static func isLexical(_ name: String) -> Bool {
        name.allSatisfy { $0.isUppercase || $0 == "_" }
    }

    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
    func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    var inAngle: Bool { stack.contains("angle_expr") }
    func within(_ rule: String) -> Bool { stack.contains(rule) }

    func token(_ text: String, lexical: Bool = false) -> GrammarToken {
        GrammarToken(text: text, rule: stack.last ?? "", inAngle: inAngle, lexical: lexical)
    }

    /// Derives one sentence from `rule`, as tokens.
    func generate(_ rule: String) -> [GrammarToken] {
        trace = []
        stack = []
        var out: [GrammarToken] = []
        expand(rule, depth: 0, into: &out)
        return out
    }

    func expand(_ rule: String, depth: Int, into out: inout [GrammarToken]) {
        stack.append(rule)
        trace.append(rule)
        defer { stack.removeLast() }
        if let hook = hooks[rule], let tokens = hook(self) {
            out += tokens
            return
        }
        guard let body = errata[rule] ?? grammar.rules[rule] else {
            fatalError("no production or hook for \(rule)")
        }
        if Self.isLexical(rule) {
            var pieces: [GrammarToken] = []
            walk(body, depth: depth, into: &pieces)
            out.append(GrammarToken(text: pieces.map(\.text).joined(), rule: rule, inAngle: inAngle, lexical: true))
        } else {
            walk(body, depth: depth, into: &out)
        }
    }

    private func walk(_ node: EBNF, depth: Int, into out: inout [GrammarToken]) {
        let closing = depth >= maxDepth
        switch node {
        case .terminal(let text):
            out.append(token(text))
        case .ref(let name):
            expand(name, depth: depth + 1, into: &out)
        case .seq(let items):
            for item in items { walk(item, depth: depth, into: &out) }
        case .alt(let items):
            var candidates = items
            if closing {
                let best = items.map { grammar.height($0, heights) }.min()!
                candidates = items.filter { grammar.height($0, heights) == best }
            }
            walk(pick(candidates), depth: depth, into: &out)
        case .opt(let inner):
            if !closing, chance(0.5) { walk(inner, depth: depth, into: &out) }
        case .rep(let inner):
            var n = 0
            while !closing, n < 3, chance(0.45) {
                walk(inner, depth: depth, into: &out)
                n += 1
            }
        }
    }
}

extension Character {
    var isWordCharacter: Bool { isASCII && (isLetter || isNumber || self == "_") }
}
