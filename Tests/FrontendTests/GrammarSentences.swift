import Foundation
import IR
@testable import Frontend

/// Sentence generators for grammars/angle.ebnf and grammars/effect.ebnf, driven
/// by the productions loaded from the files, plus the hooks that implement the
/// side conditions the files state in comments.
enum GrammarSentences {
    static let angleGrammar: EBNFGrammar = try! EBNFGrammar.load(["angle.ebnf"])
    static let effectGrammar: EBNFGrammar = try! EBNFGrammar.load(["angle.ebnf", "effect.ebnf"])

    /// Erratum for angle.ebnf. The file says `angle_expr = term , { ( "+" | "-" ) , term }`
    /// with `term = [ sign ] , atom`, which derives `a - -b`; but its own comment
    /// (split points never follow + - * / () and the parser (and AngleParserTests:
    /// `"a - -b"` must throw) make the operator the later term's one stripped sign.
    /// The production that matches the documented behaviour is
    /// `term , { ( "+" | "-" ) , atom }` (a FLOAT atom may still carry its own sign).
    static let angleExprErratum: EBNF = .seq([
        .ref("term"), .rep(.seq([.alt([.terminal("+"), .terminal("-")]), .ref("atom")])),
    ])

    // MARK: - Names (chosen so no IDENT is also a FLOAT/pi/exponent spelling)

    /// Identifiers never starting with e/E (`2e - 1` would read `2e` as an
    /// exponent mantissa), never `pi`/`inf`/`nan` (those are FLOAT or pi forms).
    static let angleNames = ["a", "b", "theta", "gamma_1", "_phi", "x2", "Beta", "pi_half", "piano", "nanx"]

    // MARK: - Rendering

    /// Joins tokens with random whitespace where the grammar allows it
    /// ("Whitespace is allowed between any two tokens" / "between tokens,
    /// including between a gate name and ( and inside [ ]").
    /// `bracketSpace(rule)` says whether whitespace may follow `[` / precede `]`
    /// in that rule.
    static func render(_ tokens: [GrammarToken], using gen: SentenceGenerator,
                       bracketSpace: (String) -> Bool = { _ in true }) -> String {
        var text = ""
        var previous: GrammarToken?
        for token in tokens {
            defer { previous = token; text += token.text }
            guard let left = previous, let l = left.text.last, let r = token.text.first else { continue }
            if left.text == "ctx." { continue }                         // one lexeme in the regexes
            if token.text == "[" { continue }                           // REG[ / bits[ kept together
            if left.text == "[" || token.text == "]" {
                if bracketSpace(token.text == "]" ? token.rule : left.rule), gen.chance(0.3) { text += " " }
                continue
            }
            if l.isWordCharacter && r.isWordCharacter {
                // Two words need a separator, except INT followed by IDENT/pi in an angle (`2pi`, `3a`).
                if left.inAngle, left.text.allSatisfy(\.isNumber), gen.chance(0.5) { continue }
                text += gen.chance(0.15) ? "  " : " "
                continue
            }
            if gen.chance(0.35) { text += gen.chance(0.2) ? "  " : " " }
        }
        return text
    }

    // MARK: - Angle generator

    static func angleGenerator(seed: UInt64, names: [String] = angleNames,
                               grammar: EBNFGrammar = angleGrammar) -> SentenceGenerator {
        let gen = SentenceGenerator(grammar: grammar, seed: seed, maxDepth: 7)
        gen.errata["angle_expr"] = angleExprErratum
        installAngleHooks(gen, names: names)
        return gen
    }

    static func installAngleHooks(_ gen: SentenceGenerator, names: [String]) {
        gen.hooks["IDENT"] = { g in
            guard g.inAngle else { return nil }
            return [g.token(g.pick(names), lexical: true)]
        }
        // "pi" , "/" , INT with INT /= 0 (and IDENT "/" INT: see testIdentDividedByZero).
        gen.hooks["INT"] = { g in
            let n = g.chance(0.8) ? g.int(1...12) : g.int(13...99_999)
            let text = g.chance(0.05) ? "0\(n)" : "\(n)"
            return [g.token(text, lexical: true)]
        }
        gen.hooks["DIGIT"] = { g in [g.token(String(g.int(0...9)), lexical: true)] }
        // The brief asks for inf-free decimals: keep FLOAT's first alternative only.
        gen.hooks["FLOAT"] = { g in
            guard case .alt(let alternatives) = g.grammar.rules["FLOAT"]! else { return nil }
            var pieces: [GrammarToken] = []
            let sub = SentenceGenerator(grammar: g.grammar, seed: g.rng.next(), maxDepth: 6)
            sub.hooks["DIGIT"] = g.hooks["DIGIT"]
            sub.hooks["EXPONENT"] = g.hooks["EXPONENT"]
            sub.errata["__float"] = alternatives[0]
            pieces = sub.generate("__float")
            return [g.token(pieces.map(\.text).joined(), lexical: true)]
        }
        // Exponent digits kept to 1–2 so every literal stays finite.
        gen.hooks["EXPONENT"] = { g in
            let sign = g.pick(["", "+", "-"])
            return [g.token(g.pick(["e", "E"]) + sign + String(g.int(0...99)), lexical: true)]
        }
    }

    /// A random bit-exact binding for every angle name.
    static func bindings(_ names: [String], seed: UInt64) -> [String: Double] {
        var rng = SplitMix64(seed: seed)
        var result: [String: Double] = [:]
        for name in names { result[name] = Double.random(in: -4...4, using: &rng) }
        return result
    }

    // MARK: - Effect generator

    struct EffectScopeSpec {
        var angleParameters: [String] = ["a", "theta", "gamma_1"]
        var intParameters: [String] = ["k", "j"]
        var contextFields: [String: Double] = ["piano": 0.3, "Beta": -1.25]
        var namedEffects: [String] = ["prepare_bell", "legacy_fx"]
        var registerSize = 6

        var scope: EffectScope {
            EffectScope(parameters: angleParameters.map { .init(name: $0, type: .angle) }
                            + intParameters.map { .init(name: $0, type: .int) },
                        contextFields: contextFields, namedEffects: Set(namedEffects))
        }
        var angleNames: [String] { angleParameters + contextFields.keys.sorted() }
    }

    static let knownGateNames: Set<String> = [
        "hadamard", "ccx", "ccnot", "toffoli", "ccz", "mcx", "mcz", "cswap", "crx", "cry", "crz", "rxx", "ryy", "rzz",
        "cnot", "cx", "cz", "swap", "rx", "ry", "rz", "h", "x", "y", "z", "s", "t", "i", "measure", "m",
    ]
    static let customGateNames = ["SDG", "Reset", "sx", "U3_x", "Foo9", "tdg"]
    static let mutationFields = ["count", "iteration", "theta_k", "acc"]

    static func randomCase(_ text: String, _ g: SentenceGenerator) -> String {
        guard g.chance(0.3) else { return text }
        return String(text.map { g.chance(0.5) ? Character($0.uppercased()) : Character($0.lowercased()) })
    }

    static func effectGenerator(seed: UInt64, spec: EffectScopeSpec) -> SentenceGenerator {
        let gen = SentenceGenerator(grammar: effectGrammar, seed: seed, maxDepth: 9)
        gen.errata["angle_expr"] = angleExprErratum
        installAngleHooks(gen, names: spec.angleNames)
        let angleIdent = gen.hooks["IDENT"]!
        var usedBits = 0
        gen.hooks["IDENT"] = { g in
            if g.inAngle { return angleIdent(g) }
            if g.within("mutation") { return [g.token(g.pick(mutationFields), lexical: true)] }
            return [g.token("some_name", lexical: true)]   // named_effect without a table: discarded
        }
        gen.hooks["REG"] = { g in [g.token("qs", lexical: true)] }
        // index = INT | IDENT, IDENT an int parameter; measure takes literal indices only.
        gen.hooks["index"] = { g in
            if !g.within("measure"), !spec.intParameters.isEmpty, g.chance(0.25) {
                return [g.token(g.pick(spec.intParameters), lexical: true)]
            }
            return [g.token(String(g.int(0...(spec.registerSize - 1))), lexical: true)]
        }
        // cond: the same bit twice with different values is an error, so every bit is fresh.
        gen.hooks["cond"] = { g in
            usedBits += 1
            return ["bits", "[", String(usedBits % 40), "]", "==", String(g.int(0...3))].map { g.token($0) }
        }
        // NAME ( q ): H X Y Z S T I (any case) or a custom single-qubit gate.
        gen.hooks["NAME"] = { g in
            let name = g.chance(0.7) ? randomCase(g.pick(["H", "X", "Y", "Z", "S", "T", "I"]), g)
                : g.pick(customGateNames)
            return [g.token(name, lexical: true)]
        }
        gen.hooks["named_effect"] = { g in
            guard !spec.namedEffects.isEmpty else { return nil }
            return [g.token(g.pick(spec.namedEffects), lexical: true)]
        }
        return gen
    }

    /// One derived effect segment with what the parser should make of it.
    struct SegmentSample {
        var text: String
        /// conditional_gate, midcircuit, measure, gate or named_effect.
        var form: String
        /// Lower-cased gate name for gate / conditional_gate.
        var gateName: String?
    }

    static let segmentForms = ["conditional_gate", "midcircuit", "measure", "gate", "named_effect"]

    static func segment(_ gen: SentenceGenerator, namedEffects: Bool) -> SegmentSample {
        while true {
            var tokens = gen.generate("segment")
            guard let form = gen.trace.first(where: segmentForms.contains) else { continue }
            if form == "named_effect", !namedEffects { continue }
            var gateName: String?
            if form == "gate" || form == "conditional_gate" {
                let start = form == "gate" ? 0 : (tokens.firstIndex { $0.text == ":" }! + 1)
                // Gate names are case-insensitive (effect.ebnf header).
                if !(tokens[start].lexical) { tokens[start].text = randomCase(tokens[start].text, gen) }
                gateName = tokens[start].text.lowercased()
            }
            return SegmentSample(text: render(tokens, using: gen), form: form, gateName: gateName)
        }
    }

    /// The bracket policy for a whole-cell context update: see testContextUpdateBracketWhitespace.
    static func contextUpdate(_ gen: SentenceGenerator) -> String {
        let tokens = gen.generate("context_update")
        return render(tokens, using: gen, bracketSpace: { $0 != "context_update" })
    }

    static func expectedKind(_ name: String) -> GateKind {
        switch name {
        case "hadamard", "h": return .H
        case "ccx", "ccnot", "toffoli": return .CCNOT
        case "ccz": return .CCZ
        case "mcx": return .MCX
        case "mcz": return .MCZ
        case "cswap": return .CSWAP
        case "crx": return .CRx
        case "cry": return .CRy
        case "crz": return .CRz
        case "rxx": return .RXX
        case "ryy": return .RYY
        case "rzz": return .RZZ
        case "cnot", "cx": return .CNOT
        case "cz": return .CZ
        case "swap": return .SWAP
        case "rx": return .Rx
        case "ry": return .Ry
        case "rz": return .Rz
        case "x": return .X
        case "y": return .Y
        case "z": return .Z
        case "s": return .S
        case "t": return .T
        case "i": return .I
        default: return .custom
        }
    }

    // MARK: - Angle helpers

    static func sameBits(_ x: Double, _ y: Double) -> Bool {
        x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
    }

    /// Whether the tree has a node whose `description` is `FLOAT*IDENT` /
    /// `IDENT/FLOAT` (outside the angle language: see testScaledAndDividedPrintInLanguage).
    static func hasScaledOrDivided(_ expr: AngleExpr) -> Bool {
        switch expr {
        case .number, .symbol: return false
        case .scaled, .divided: return true
        case .negated(let inner), .parenthesized(let inner): return hasScaledOrDivided(inner)
        case .sum(let terms): return terms.contains(where: hasScaledOrDivided)
        }
    }

    /// `DIGIT _ DIGITS e±`: a FLOAT with `_` in the mantissa right before a signed
    /// exponent (see testUnderscoreMantissaWithSignedExponent).
    static func hasUnderscoreMantissaSignedExponent(_ text: String) -> Bool {
        text.contains(try! Regex(#"\d_[\d.]*[eE][+-]"#))
    }
}
