/// Lowers an MPS-family dictionary (MPSRung1, Rung3, Rung4, Rung5) to the
/// concept-preparation machine polygram emits (polygram-core.md §2.1, §3.2).
enum MPSFamilyLowering {
    /// `prepare_concept`'s parameters and effect: the bond-2 staircase with the
    /// phase knob on q1.
    static let prepareConcept: ActionDecl = {
        let a = AngleExpr.symbol("a"), b = AngleExpr.symbol("b"), c = AngleExpr.symbol("c")
        let gates = [
            Gate(kind: .Ry, targets: [.index(0)], angle: a),
            Gate(kind: .CNOT, targets: [.index(1)], controls: [.index(0)]),
            Gate(kind: .Ry, targets: [.index(1)], angle: .sum([a, b])),
            Gate(kind: .Rz, targets: [.index(1)], angle: .symbol("phi")),
            Gate(kind: .CNOT, targets: [.index(2)], controls: [.index(1)]),
            Gate(kind: .Ry, targets: [.index(2)], angle: .sum([b, c])),
        ]
        let parameters = ["a", "b", "c", "phi"].map { ActionDecl.Parameter(name: $0, type: .angle) }
        return ActionDecl(name: "prepare_concept",
                          signature: "(qs, a: angle, b: angle, c: angle, phi: angle) -> qs",
                          parameters: parameters, returnType: "qs",
                          effectText: effectText(gates), statements: gates.map(EffectStatement.gate))
    }()

    static func lower(_ dictionary: FeatureDictionary) throws -> Machine {
        let slugs = try dictionary.features.map { try slug($0.name) }
        var machine = Machine(name: dictionary.name, location: dictionary.location)
        machine.summary = [summary(dictionary)]
        machine.context = [ContextField(name: "qubits", type: "list<qubit>", defaultValue: "[q0, q1, q2]")]
        machine.events = slugs.map { EventDecl(name: "prepare_\($0)") } + [EventDecl(name: "measure_done")]

        machine.states = [StateDecl(name: "idle", isInitial: true, description: "Concept register in `|000>`.")]
        var preparations: [Transition] = []
        var measurements: [Transition] = []
        for (feature, slug) in zip(dictionary.features, slugs) {
            let arguments = zip(["a", "b", "c", "phi"], [feature.alpha, feature.beta, feature.gamma, feature.phi])
                .map { ActionArgument(parameter: $0.0, value: .angle($0.1), text: PythonFloat.repr($0.1)) }
            var label = "prepare_concept("
            for (i, argument) in arguments.enumerated() { label += (i == 0 ? "" : ", ") + argument.text }
            label += ")"
            machine.states.append(StateDecl(
                name: "prepared_\(slug)",
                description: "`|\(feature.name)>` prepared via `\(label)`. Cluster: \(feature.cluster).",
                location: feature.location))
            preparations.append(Transition(
                source: "idle", event: "prepare_\(slug)", target: "prepared_\(slug)",
                action: ActionCall(name: "prepare_concept", label: label, arguments: arguments),
                location: feature.location))
            measurements.append(Transition(source: "prepared_\(slug)", event: "measure_done", target: "done"))
        }
        machine.states.append(StateDecl(name: "done", isFinal: true, description: "Measurement collapsed the register."))
        machine.transitions = preparations + measurements
        machine.actions = [prepareConcept]
        machine.verificationRules = ["unitarity", "mps_bond_2_with_phase_knob"].map {
            VerificationRule(kind: $0, description: nil, text: $0)
        }
        machine.ampBranch = ampBranch(dictionary, slugs: slugs)
        return machine
    }

    /// The paragraph under the machine heading (label and note per encoding).
    static func summary(_ dictionary: FeatureDictionary) -> String {
        let counts = "(\(dictionary.features.count) features, \(dictionary.hierarchy.count) clusters)."
        let ignored = "is captured in the `## amp branch` section below; q-orca's gram path ignores that section "
            + "and returns the MPSRung1-equivalent gram on (α, β, γ, φ). Polygram's `Dictionary.gram()` applies the"
        switch dictionary.encoding {
        case .rung3:
            return "Polygram-generated rung-3 MPS-substrate dictionary \(counts) The rung-3 Bell-pattern amp branch "
                + "on q3/q4 \(ignored) amp factor on top per `polygram.encoding.rung3_amp_overlap`."
        case .rung4:
            return "Polygram-generated rung-4 MPS-substrate dictionary \(counts) The rung-4 product-amp branch "
                + "on q3/q4 \(ignored) product-amp factor on top per `polygram.encoding.rung4_amp_overlap`."
        case .rung5(let k):
            return "Polygram-generated rung-5 MPS-substrate (k=\(k) amp qubits) dictionary \(counts) The rung-5 "
                + "product-amp branch on q3..q\(3 + k - 1) (\(k) independent single-qubit amps) \(ignored) "
                + "\(k)-fold product-amp factor on top per `polygram.encoding.rung5_amp_overlap`."
        default:
            return "Polygram-generated rung-1 MPS dictionary \(counts)"
        }
    }

    static func ampBranch(_ dictionary: FeatureDictionary, slugs: [String]) -> AmpBranchTable? {
        let columns: [String]
        let knobs: (Feature) -> [AmpKnob]
        switch dictionary.encoding {
        case .rung3:
            columns = ["concept", "theta_amp", "psi_aux"]
            knobs = { [AmpKnob(theta: $0.thetaAmp, psi: $0.psiAux)] }
        case .rung4:
            columns = ["concept", "theta_amp", "psi_aux", "theta_amp_b", "psi_amp_b"]
            knobs = { [AmpKnob(theta: $0.thetaAmp, psi: $0.psiAux), AmpKnob(theta: $0.thetaAmpB, psi: $0.psiAmpB)] }
        case .rung5(let k):
            columns = ["concept"] + (0..<k).flatMap { ["theta_\($0)", "psi_\($0)"] }
            knobs = { $0.ampKnobs }
        default:
            return nil
        }
        let rows = zip(dictionary.features, slugs).map { feature, slug in
            AmpBranchTable.Row(concept: slug, knobs: knobs(feature), location: feature.location)
        }
        return AmpBranchTable(columns: columns, rows: rows)
    }
}
