import Foundation
import XCTest
@testable import Frontend

/// Each hand-written scanner in Frontend against the regex it replaced, on
/// hand-written edge cases and on a few thousand deterministic random strings
/// built from the pattern's tokens (`PatternOracle`).
///
/// Deliberate differences, all Unicode-only and avoided by the generators:
/// `\d` is ASCII `0-9` (the regexes take any Unicode decimal digit), `\w` is
/// ASCII `[A-Za-z0-9_]`, case-insensitive literals fold ASCII letters only (so
/// e.g. the Kelvin sign is no `k`), and ICU patterns are read per Character
/// rather than per UTF-16 unit (a combining mark after a delimiter differs).
final class PatternScannerTests: XCTestCase {
    typealias O = PatternOracle

    static let space = [" ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}"]
    static let operators = ["≈", "=", "==", "!=", "<=", ">=", "<", ">", "+=", "-=", "!", "->"]

    // MARK: - Guards (ICU)

    func testGuardFidelity() {
        let edge = [
            "fidelity(|0>, |1>)**2 >= 0.9", "fidelity(|0>,|1>)**2≈0.5", "fidelity( |psi> , |phi> ) ** 2 == .5",
            "fidelity(|0>, |1>)**2 >= ", "fidelity(|>, |1>)**2 >= 0.9", "fidelity(|0>, |1>)**3 >= 0.9",
            "fidelity(|0>, |1>)**2 => 0.9", "fidelity(|0>, |1>)**2 >=0.9.9x", "Fidelity(|0>, |1>)**2 >= 0.9",
            "fidelity(|0\n>, |1>)**2 <\n5.", "fidelity(||>, |a|b>)**2 != 1", "fidelity(|0>, |1>)** 2 < 1",
            "fidelity(|0>, |1>)**2 = 1", "fidelity(|0>>, |1>)**2 < 1", " fidelity(|0>, |1>)**2 < 1", "",
        ]
        let tokens = ["fidelity(", "(", ")", "|", ">", "0", "1", "psi", ",", "**", "*", "2", ".", "5", "'"]
            + Self.space + Self.operators
        let seeds = ["fidelity(|0>, |1>)**2 >= 0.9", "fidelity( |psi> ,|phi>)** 2≈.5", "fidelity(|0>,|1>)**2<1"]
        O.assertSame("fidelity", O.samples(edge, tokens: tokens, seeds: seeds), {
            GuardConditionParser.fidelity($0).map { [$0.ket1, $0.ket2, $0.op, $0.value] }
        }, O.icu(#"^fidelity\(\s*(\|[^>]+>)\s*,\s*(\|[^>]+>)\s*\)\s*\*\*\s*2\s*(≈|==|!=|<=|>=|<|>)\s*([\d.]+)"#))
    }

    func testGuardProbability() {
        let edge = [
            "prob('01') > 0.5", "prob_collapse('1')=1", "prob_collapse ('1') = 1", "prob_collapse('1') == .5",
            "prob_('1') = 1", "prob('') = 1", "prob('0'1') = 1", "prob( '01' ) ≈ 0.25", "prob('01') => 1",
            "prob('01') = ", "prob('0\n1') <\n0.5", "Prob('01') > 0.5", "prob_collapse_collapse('1') = 1",
            "prob('01') >= 0.5.5 extra", "prob('01')", "",
        ]
        let tokens = ["prob", "_collapse", "(", ")", "'", "0", "1", "_", ".", "5", "x"] + Self.space + Self.operators
        let seeds = ["prob('01') > 0.5", "prob_collapse('1') = 1", "prob( '0' )≈.25"]
        O.assertSame("probability", O.samples(edge, tokens: tokens, seeds: seeds), {
            GuardConditionParser.probability($0).map { [$0.bitstring, $0.op, $0.value] }
        }, O.icu(#"^prob(?:_collapse)?\(\s*'([^']+)'\s*\)\s*(≈|==|=|!=|<=|>=|<|>)\s*([\d.]+)"#))
    }

    func testGuardComparison() {
        let edge = [
            "x == 5", "ctx.count >= 3", "a.b.c != foo bar", "x==", "x == ", "x ==  \n", "x == \n", "x ==\n5",
            "x == 5\n", "x == 5\n\n", "x == 5\r\n", "x == 5\r", "x == 5\u{0B}", "x == \u{0C}", "x == a\nb",
            "x ≈ 0.5", "_x < 1", "1x < 2", "x = 5", "x =< 5", "x.<5", "x\t>\t 7 ", "x > \n 7", "x >\n", "",
            "x == \n\n", "x ==  ", "x == 5 \n", "x >=", "x >= ", "x<=\n", "x !=", "x !==", "x ≈≈", "x <<",
        ]
        let tokens = ["x", "ctx", ".", "_", "a1", "5", "foo", "bar"] + Self.space + Self.operators
        let seeds = ["x == 5", "ctx.count >= 3", "a.b != foo bar", "x ≈ 0.5"]
        O.assertSame("comparison", O.samples(edge, tokens: tokens, seeds: seeds), {
            GuardConditionParser.comparison($0).map { [$0.path, $0.op, $0.value] }
        }, O.icu(#"^([a-zA-Z_][\w.]*)\s*(==|!=|<=|>=|<|>|≈)\s*(.+)$"#))
    }

    // MARK: - Invariants (Swift Regex)

    func testInvariantEntanglement() {
        let edge = [
            "entanglement(q0, q1) = True", "ENTANGLEMENT(Q0,Q1)=TRUE", "entanglement( q12 , q3 )= true extra",
            "entanglement(q0, q1) = False", "entanglement(q0, q1) == True", "entanglement(q, q1) = True",
            "entanglement(0, 1) = True", "entanglement(q0 q1) = True", "entanglement(q0, q1 = True", "",
            "entanglement(q0,\nq1)\n=\nTrue", "entanglement(q0, q1) = Tru", " entanglement(q0, q1) = True",
        ]
        let tokens = ["entanglement(", "(", ")", "q", "Q", "0", "12", ",", "=", "True", "TRUE", "tru", "e", "x"]
            + Self.space
        let seeds = ["entanglement(q0, q1) = True", "Entanglement( Q2 ,q3 )=true"]
        O.assertSame("entanglement", O.samples(edge, tokens: tokens, seeds: seeds), {
            InvariantForms.entanglement($0).map { [$0.0, $0.1] }
        }, O.swift(#"^entanglement\(\s*q(\d+)\s*,\s*q(\d+)\s*\)\s*=\s*True"#, .prefix, ignoresCase: true))
    }

    func testInvariantSchmidtRank() {
        let edge = [
            "schmidt_rank(q0, q1) >= 2", "SCHMIDT_RANK(Q0,Q1)>2", "schmidt_rank(q0, q1) == 1 and more",
            "schmidt_rank(q0, q1) = 2", "schmidt_rank(q0, q1) => 2", "schmidt_rank(q0, q1) >= x",
            "schmidt_rank(q0, q1) <= 2", "schmidt_rank(q0, q1) < 2", "schmidt_rank(q0, q1) <", "",
        ]
        let tokens = ["schmidt_rank(", ")", "q", "Q", "0", "1", "12", ",", "x"] + Self.space + Self.operators
        let seeds = ["schmidt_rank(q0, q1) >= 2", "Schmidt_Rank( q1 ,Q2 )<3"]
        O.assertSame("schmidtRank", O.samples(edge, tokens: tokens, seeds: seeds), {
            InvariantForms.schmidtRank($0).map { [$0.0, $0.1, $0.op, $0.value] }
        }, O.swift(#"^schmidt_rank\(\s*q(\d+)\s*,\s*q(\d+)\s*\)\s*(>=|>|<=|<|==)\s*(\d+)"#, .prefix, ignoresCase: true))
    }

    func testInvariantResource() {
        let edge = [
            "gate_count <= 10", "depth=3", "cx_count == 2", "t_count < 1", "logical_qubits >= 4 ", "depth = 3 x",
            "Depth = 3", "depth => 3", "depth = ", "depth = 3.5", "depth", "gate_counts <= 1", "depth\n=\n3\n", "",
        ]
        let tokens = ["gate_count", "depth", "cx_count", "t_count", "logical_qubits", "3", "10", ".", "x"]
            + Self.space + Self.operators
        let seeds = ["gate_count <= 10", "depth=3", "t_count < 1"]
        O.assertSame("resource", O.samples(edge, tokens: tokens, seeds: seeds), {
            InvariantForms.resource($0).map { [$0.metric, $0.op, $0.value] }
        }, O.swift(#"^(gate_count|depth|cx_count|t_count|logical_qubits)\s*(>=|<=|==|=|<|>)\s*(\d+)\s*$"#, .whole))
    }

    func testInvariantTierSeparation() {
        let edge = [
            "concept_gram_tier_separation >= 0.5", "concept_gram_tier_separation=.5", "concept_gram_tier_separation = 5.",
            "concept_gram_tier_separation = 5", "concept_gram_tier_separation = 1.2.3", "concept_gram_tier_separation = .",
            "concept_gram_tier_separation = ..5", "concept_gram_tier_separation = 0.5 ", "concept_gram_tier_separation =",
            "concept_gram_tier_separation = 0.5 x", "concept_gram_tier_separation = 00.50", "concept_gram_tier_separation 1",
            "concept_gram_tier_separation = 5..", "",
        ]
        let tokens = ["concept_gram_tier_separation", "0", "5", ".", "x", "e"] + Self.space + Self.operators
        let seeds = ["concept_gram_tier_separation >= 0.5", "concept_gram_tier_separation=.25"]
        O.assertSame("tierSeparation", O.samples(edge, tokens: tokens, seeds: seeds), {
            InvariantForms.tierSeparation($0).map { [$0.op, $0.value] }
        }, O.swift(#"^concept_gram_tier_separation\s*(>=|<=|==|=|<|>)\s*([0-9]*\.?[0-9]+)\s*$"#, .whole))
    }

    // MARK: - Guard cells (Swift Regex)

    func testGuardCellTrailingComparison() {
        let edge = [
            "g >= 0.5", "g>=0.5", "g", "g >=", "g 0.5", "g >= 0.5 ", "g ≈ .5", "g<=1 x", "a >1 >2", "a > 1 2",
            ">1", " >1", "g !! 3", "g = 5.", "g == 5\n", "g\n>\n5", "", "g >= a5", "1>2>3",
        ]
        let tokens = ["g", "x", "1", "5", "."] + Self.space + Self.operators
        let seeds = ["g >= 0.5", "name<=1", "a ≈ .5"]
        let regex = try! Regex(#"\s*[≈=!<>]+[\d.]+\s*$"#)
        O.assertSame("trailingComparison", O.samples(edge, tokens: tokens, seeds: seeds), {
            MachineBuilder.trailingComparison(in: $0).map { [String($0)] }
        }, { text in
            text.firstMatch(of: regex).map { [String(text.distance(from: text.startIndex, to: $0.range.lowerBound))] }
        })
    }

    // MARK: - Effect statements (Swift Regex)

    func testConditionHead() {
        let edge = ["if x", "IF\tx", "If\n", "if", "ifx", " if x", "iF  ", "i f", ""]
        let tokens = ["if", "IF", "If", "i", "f", "x"] + Self.space
        O.assertSame("conditionHead", O.samples(edge, tokens: tokens, seeds: ["if bits[0] == 1: X(qs[0])"]), {
            O.flag(StatementParser.isConditionHead($0))
        }, O.swift(#"^if\s+"#, .prefix, ignoresCase: true))
    }

    func testMidCircuitMeasure() {
        let edge = [
            "measure(qs[0]) -> bits[1]", "MEASURE ( qs [0] ) -> BITS[ 1 ]", "measure(qs[ 0 ])->bits[1]",
            "measure(qs[0]) -> bits[1] ", "measure(qs[0]) => bits[1]", "measure(qs[a]) -> bits[1]",
            "measure(q_1[10])\n->\nbits[2]", "measure([0]) -> bits[1]", "measure(qs[0]) -> bit[1]",
            "measure(qs[0] -> bits[1]", "measure(qs[0]) -> bits[1]]", "measure(qs[-1]) -> bits[1]", "",
        ]
        let tokens = ["measure", "MEASURE", "(", ")", "qs", "q_1", "[", "]", "0", "12", "->", "-", ">", "bits", "BITS"]
            + Self.space
        let seeds = ["measure(qs[0]) -> bits[1]", "Measure( q [ 2 ] )->Bits[ 3 ]"]
        O.assertSame("midCircuit", O.samples(edge, tokens: tokens, seeds: seeds), {
            StatementParser.midCircuit($0).map { [$0.register, $0.qubit, $0.bit] }
        }, O.swift(#"^measure\s*\(\s*([A-Za-z0-9_]+)\[\s*(\d+)\s*\]\s*\)\s*->\s*bits\[\s*(\d+)\s*\]$"#, .whole,
                   ignoresCase: true))
    }

    func testBitClause() {
        let edge = [
            "bits[0]==1", "bits[0] == 1", "bits[ 0]==1", "bits[0]==", "bits[0]=1", "Bits[0]==1", "bits[0]==1 ",
            "bits[10]\t==\t22", "bits[0]==1x", "bits[]==1", "",
        ]
        let tokens = ["bits[", "bits", "[", "]", "0", "1", "22", "==", "=", "x"] + Self.space
        O.assertSame("bitClause", O.samples(edge, tokens: tokens, seeds: ["bits[0]==1", "bits[12] == 3"]), {
            StatementParser.bitClause($0).map { [$0.bit, $0.value] }
        }, O.swift(#"^bits\[(\d+)\]\s*==\s*(\d+)$"#, .whole))
    }

    // MARK: - Context updates (both dialects)

    static let mutationTokens = ["ctx", ".", "ctx.", "x", "_a1", "theta", "[", "]", "-", "0", "12", "=", "==", "+=",
                                 "-=", "+", "5", "2.5", "e", "eta", ";", "!", "<"] + space
    static let mutationSeeds = ["iteration += 1", "ctx.outcome = 10", "theta[0] -= eta", "x[ -1 ] = 2.5e3",
                                "  ctx.a=b  ", "x == 5"]

    func testLooksLikeMutation() {
        let edge = [
            "x = 1", "x == 1", "x =", "x=", "x+=", "x -= 1", "ctx.x = 1", "ctx.=1", "ctx.x == 1", "ctx = 1",
            "x[0] = 1", "x[ -2 ] += 1", "x[] = 1", "x[0]== 1", "x[a] = 1", "1x = 1", " \n x\t= 1", "x != 1",
            "x <= 1", "ctx.ctx.x = 1", "x.y = 1", "", "=",
        ]
        O.assertSame("looksLikeMutation", O.samples(edge, tokens: Self.mutationTokens, seeds: Self.mutationSeeds), {
            O.flag(ContextUpdateGrammar.looksLikeMutation($0))
        }, O.swift(#"^\s*(?:ctx\.)?[A-Za-z_][A-Za-z0-9_]*(?:\[\s*-?\d+\s*\])?\s*(?:=(?!=)|\+=|-=)"#, .prefix))
    }

    func testMutation() {
        let edge = [
            "x = 1", "x == 5", "x = = 5", "ctx.=1", "ctx.x = 1", "ctx = 1", "x += 2.5", "x -= y", "x =",
            "x = 1 ", " x = 1", "x = a b", "x = a\nb", "x = a \n", "x = \n a", "x[ -1 ] = 2", "x[0]=1", "x[] = 1",
            "x = 5.", "x = .5", "x =\t\u{0B}5\u{0C}", "x = 5\r\n", "x = 5\r\nb", "ctx.ctx.x = 1", "x.y = 1", "",
        ]
        let pattern = #"^\s*(?:ctx\.)?([A-Za-z_][A-Za-z0-9_]*)(?:\[\s*(-?\d+)\s*\])?\s*(=|\+=|-=)\s*(\S.*?)\s*$"#
        O.assertSame("mutation", O.samples(edge, tokens: Self.mutationTokens, seeds: Self.mutationSeeds), {
            ContextUpdateGrammar.mutation($0).map { [$0.field, $0.index, $0.op, $0.rhs] }
        }, O.swift(pattern, .whole), O.icu(pattern))
    }

    static let conditionalTokens = ["if", "IF", "bits", "Bits", "[", "]", "0", "1", "2", "==", "=", ":", "x", "+=",
                                    ";", "else", "else:", " "] + space
    static let conditionalSeeds = ["if bits[0] == 1: a += 1; else: a -= 1", "IF  bits[ 1 ]==0 :x=1",
                                   "if bits[0]==1:\nx = 1"]

    func testConditionalReaderDialect() {
        let edge = [
            "if bits[0] == 1: a += 1", "if bits[ 0 ] == 1: a", "IF BITS[0]==0:", "if bits[0] == 2: a", "if bits[0] = 1: a",
            "ifbits[0] == 1: a", "if bits[0] == 1 a", "if bits[0] == 1:\n a\nb", "if\nbits[0]==1:x", "if bits[0]==1",
            "if bits[01] == 1: x", "if bits[0] == 11: x", "",
        ]
        O.assertSame("conditional(reader)", O.samples(edge, tokens: Self.conditionalTokens, seeds: Self.conditionalSeeds), {
            ContextUpdateGrammar.conditional($0, spacedIndex: true).map { [$0.bit, $0.value, $0.body] }
        }, O.swift(#"^if\s+bits\[\s*(\d+)\s*\]\s*==\s*([01])\s*:\s*(.*)$"#, .whole, ignoresCase: true,
                   dotMatchesNewlines: true))
    }

    func testConditionalVerifierDialect() {
        let edge = [
            "if bits[0] == 1: a += 1", "if bits[ 0 ] == 1: a", "IF BITS[0]==0:", "if bits[0] == 1:\n a\nb\n",
            "if bits[0]==1:\r\n", "if\tbits[3]==0 : ;", "",
        ]
        O.assertSame("conditional(verifier)", O.samples(edge, tokens: Self.conditionalTokens, seeds: Self.conditionalSeeds), {
            ContextUpdateGrammar.conditional($0, spacedIndex: false).map { [$0.bit, $0.value, $0.body] }
        }, O.icu(#"^if\s+bits\[(\d+)\]\s*==\s*([01])\s*:\s*(.*)$"#, [.caseInsensitive, .dotMatchesLineSeparators]))
    }

    static let elseTokens = ["else", "else:", ":", " ", "a", "1", "_", ".", "'", ",", ";", "x = 1", "Else", "\""] + space
    static let elseEdge = [
        "a += 1; else: a -= 1", "x=1 else:y=1", "x=1;else :", "x.else: y", "1.else: y", "x:else: y", "x'else: y",
        "_else: y", "1else: y", "elsewhere: y", "else", "else :\n y", "a.1else: y", ".else: y", "a..else: y",
        "xelse: else: y", "x;else:", "Else: y", "a,else: y", "\"else: y", "",
    ]
    static let elseSeeds = ["a += 1; else: a -= 1", "x = 1 else : y = 2", "q.else: x"]

    func testElseSplitUnicodeWordBoundary() {
        let regex = try! Regex(#"\belse\s*:\s*"#)
        O.assertSame("splitElse(unicode)", O.samples(Self.elseEdge, tokens: Self.elseTokens, seeds: Self.elseSeeds), {
            ContextUpdateGrammar.splitElse($0, wordBoundary: .unicode).map { [$0.then, $0.else] }
        }, { body in
            body.firstMatch(of: regex).map { [String(body[..<$0.range.lowerBound]), String(body[$0.range.upperBound...])] }
        })
    }

    func testElseSplitSimpleWordBoundary() {
        let regex = try! NSRegularExpression(pattern: #"\belse\s*:\s*"#)
        O.assertSame("splitElse(simple)", O.samples(Self.elseEdge, tokens: Self.elseTokens, seeds: Self.elseSeeds), {
            ContextUpdateGrammar.splitElse($0, wordBoundary: .simple).map { [$0.then, $0.else] }
        }, { body in
            let ns = body as NSString
            return regex.firstMatch(in: body, range: NSRange(location: 0, length: ns.length)).map {
                [ns.substring(to: $0.range.location), ns.substring(from: $0.range.location + $0.range.length)]
            }
        })
    }

    func testLiterals() {
        let edge = ["1", "-1", "--1", "1.5", "-1.5e-3", "1e5", "1E+5", "1.", ".5", "1.5.5", "1e", "1e+", "a1", "_", "a_1",
                    "1a", "", "-", "1 ", " 1", "1\n", "x\n", "1.5e3\n"]
        let tokens = ["-", "+", "1", "23", ".", "e", "E", "a", "_", "x"] + Self.space
        let samples = O.samples(edge, tokens: tokens, seeds: ["-12.5e+3", "42", "theta_1"])
        O.assertSame("intLiteral", samples, { O.flag(ContextUpdateGrammar.isIntLiteral($0)) },
                     O.swift(#"^-?\d+$"#, .whole))
        let float = O.swift(#"^-?\d+(\.\d+)?([eE][+-]?\d+)?$"#, .whole)
        O.assertSame("floatLiteral", samples, { O.flag(ContextUpdateGrammar.isFloatLiteral($0)) },
                     { O.flag(float($0) != nil) })
        O.assertSame("identifier", samples, { O.flag(ContextUpdateGrammar.isIdentifier($0)) },
                     O.swift(#"^[A-Za-z_][A-Za-z0-9_]*$"#, .whole))
        // The verifier's ICU versions differ only by `$` also matching before a final line
        // break; a mutation's right-hand side never ends in whitespace.
        let rhsSamples = samples.filter { $0.last.map { !$0.isWhitespace } ?? true }
        O.assertSame("intLiteral(icu)", rhsSamples, { O.flag(ContextUpdateGrammar.isIntLiteral($0)) },
                     O.icu(#"^-?\d+$"#))
        let floatICU = O.icu(#"^-?\d+(\.\d+)?([eE][+-]?\d+)?$"#)
        O.assertSame("floatLiteral(icu)", rhsSamples, { O.flag(ContextUpdateGrammar.isFloatLiteral($0)) },
                     { O.flag(floatICU($0) != nil) })
        O.assertSame("identifier(icu)", rhsSamples, { O.flag(ContextUpdateGrammar.isIdentifier($0)) },
                     O.icu(#"^[A-Za-z_][A-Za-z0-9_]*$"#))
    }
}
