"""Generate the extra differential reference cases in Tests/Fixtures/extra-cases/.

The Python reference (polygram 0.15.0) is used as a black-box oracle: every
case is a polygramc spec (`spec.yaml`, dictionary only) plus what polygram
makes of the same dictionary:

    extra-cases/<case>/spec.yaml
    extra-cases/<case>/expected/<Name>.q.orca.md   polygram._qorca_emit.render_machine_markdown(d)
    extra-cases/<case>/expected/gram.json          d.gram(): {"labels", "re", "im", "overlap"}
    extra-cases/<case>/expected/facts.json         slugs, d.tier_separation(), bound (informative)
    extra-cases/index.json                         every case with what it exercises

Tests/VerifyTests/ExtraReferenceCaseTests.swift checks polygramc against them.

How to run (from the package root, /work/main):

    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install polygram==0.15.0 q-orca==0.9.1    # brings numpy
    /tmp/refvenv/bin/python3 Tests/Fixtures/generate_extra_cases.py

The output folder is deleted and rewritten. The generator is deterministic
(fixed seeds, `random.Random(SEED + k)` per random case, no clock, no machine
dependence): running it twice gives the same bytes.

Reading rules (the same as ../shared/reference/README.md, so polygramc reads
each spec exactly as the polygram objects below were built):

- Every number is a Python float. Floats are written as their Python repr,
  with `.0` added to a mantissa without a dot (`1.0e-07`, `5.0e-324`), so
  YAML 1.1 and YAML 1.2 parsers read back the same double. One case writes
  YAML integers on purpose (`beta: 1`); they are built as floats (1.0).
- Angle strings are only exact power-of-two multiples of pi: "pi", "π",
  "-pi", "pi/2", "-pi/2", "pi/4", "-pi/4", "pi/8", "2*pi".
- Duplicate rotations ([Ry, Ry]) are not reference cases: polygram renders
  them, but its own `d.gram()` fails (q-orca's parser says
  `encoding_bad_rotations: duplicate rotation 'Ry'`).
- `clusters` absent: the hierarchy is built from the features' clusters in
  order of first appearance. Present: used as written (order included).
- Rung5 features always spell out `amp_knobs`.
- Strings that are not plain identifiers, or that a YAML 1.1 parser would
  read as a bool/null, are written double-quoted (JSON escaping, UTF-8).
"""

from __future__ import annotations

import json
from importlib import metadata
import math
import random
import re
import shutil
import sys
from pathlib import Path

import numpy as np

from polygram import Dictionary, Feature, HEA_Rung2, MPSRung1, Rung3, Rung4, Rung5
from polygram._qorca_emit import feature_slug, render_machine_markdown

SEED = 20250615
OUT = Path(__file__).resolve().parent / "extra-cases"

# --------------------------------------------------------------------------
# Values: a float, an angle string, or a YAML integer, each with its double.


class Angle:
    """An angle-language string in the spec; `value` is the double it means."""

    TABLE = {
        "pi": math.pi,
        "π": math.pi,
        "-pi": -math.pi,
        "pi/2": math.pi / 2,
        "-pi/2": -math.pi / 2,
        "pi/4": math.pi / 4,
        "-pi/4": -math.pi / 4,
        "pi/8": math.pi / 8,
        "2*pi": 2 * math.pi,
    }

    def __init__(self, text: str):
        self.text = text
        self.value = self.TABLE[text]


class YInt:
    """A YAML integer in the spec; polygram gets float(value)."""

    def __init__(self, value: int):
        self.value = float(value)
        self.text = str(value)


def val(x) -> float:
    if isinstance(x, (Angle, YInt)):
        return x.value
    assert isinstance(x, float), f"not a float: {x!r}"
    return x


def fmt_float(x: float) -> str:
    r = repr(float(x))
    assert r not in ("inf", "-inf", "nan"), r
    if "e" in r:
        mantissa, exponent = r.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        assert exponent[0] in "+-", r
        r = f"{mantissa}e{exponent}"
    elif "." not in r:
        r += ".0"
    assert float(r) == x and math.copysign(1, float(r)) == math.copysign(1, x), r
    return r


_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def fmt_str(s: str) -> str:
    if _PLAIN.match(s) and s.lower() not in _YAML11_WORDS:
        return s
    return json.dumps(s, ensure_ascii=False)


def fmt_num(x) -> str:
    if isinstance(x, Angle):
        return json.dumps(x.text, ensure_ascii=False)
    if isinstance(x, YInt):
        return x.text
    return fmt_float(x)


def fmt_nested(x) -> str:
    if isinstance(x, list):
        return "[" + ", ".join(fmt_nested(v) for v in x) + "]"
    return fmt_num(x)


def nested_val(x):
    if isinstance(x, list):
        return [nested_val(v) for v in x]
    return val(x)


# --------------------------------------------------------------------------
# Random draws (one random.Random per random case).

ANGLE_TEXTS = list(Angle.TABLE)


def draw_angle(rng: random.Random):
    k = rng.random()
    if k < 0.40:
        return rng.uniform(-math.pi, math.pi)
    if k < 0.50:
        return round(rng.uniform(-math.pi, math.pi), rng.choice([1, 2, 3]))
    if k < 0.58:
        return rng.choice([1.0e-07, -1.0e-07, 3.0e-08, -2.5e-07])
    if k < 0.66:
        return rng.choice([rng.uniform(-1000.0, 1000.0), round(rng.uniform(-1000.0, 1000.0), 3),
                           rng.uniform(-20.0, 20.0)])
    if k < 0.72:
        return 0.0
    if k < 0.78:
        return -0.0
    if k < 0.90:
        return Angle(rng.choice(ANGLE_TEXTS))
    return rng.choice([5e-324, -5e-324, 1e-300, 2.2250738585072014e-308, 1e-05, 0.0001, 1e16, -123456.789])


def draw_beta(rng: random.Random, cluster_index: int, n_clusters: int):
    # Cluster-ish betas with some noise, sometimes a fresh angle.
    if rng.random() < 0.2:
        return draw_angle(rng)
    base = -0.5 + (cluster_index / max(1, n_clusters - 1) if n_clusters > 1 else 0.5)
    return base if rng.random() < 0.4 else base + rng.uniform(-0.1, 0.1)


NAME_STEMS = ["dog", "Bird", "oak-tree", "red fox", "Éclair", "naïve", "Ωmega", "snow_cap", "X9", "jump.2",
              "Grüße", "tone", "ПРИВЕТ-cat", "3-D view", "GEAR", "blue whale", "fish", "mixedCase", "ñandú", "ALPHA beta"]


def random_names(rng: random.Random, n: int) -> list[str]:
    names, slugs = [], set()
    i = 0
    while len(names) < n:
        stem = rng.choice(NAME_STEMS)
        sep = rng.choice(["_", "-", " ", "", "."])
        name = f"{stem}{sep}{i}"
        i += 1
        slug = feature_slug(name)
        if slug in slugs:
            continue
        names.append(name)
        slugs.add(slug)
    return names


def random_features(rng: random.Random, n: int, n_clusters: int, *, odd_names: bool = False,
                    fields=("alpha", "gamma", "phi"), p_field: float = 0.6) -> list[dict]:
    names = random_names(rng, n) if odd_names else [f"f{i}_{rng.choice(['dog', 'oak', 'red', 'fish'])}" for i in range(n)]
    clusters = [f"c{c}" + (rng.choice(["", "_x", "-grp", " set"]) if odd_names else "") for c in range(n_clusters)]
    feats = []
    for i, name in enumerate(names):
        c = rng.randrange(n_clusters) if i >= n_clusters else i   # every cluster used
        f = {"name": name, "cluster": clusters[c], "beta": draw_beta(rng, c, n_clusters)}
        for key in fields:
            if rng.random() < p_field:
                f[key] = draw_angle(rng)
        feats.append(f)
    return feats


def random_theta(rng: random.Random, shape) -> list:
    r, d, q = shape
    return [[[draw_angle(rng) for _ in range(q)] for _ in range(d)] for _ in range(r)]


def random_amp(rng: random.Random, k: int) -> list:
    return [[draw_angle(rng), draw_angle(rng)] for _ in range(k)]


# --------------------------------------------------------------------------
# Cases. Each: case id, dictionary name, encoding (string or dict), optional
# explicit clusters (list of (cluster, [members])), features, what it covers.

CASES: list[dict] = []


def case(case_id: str, name: str, encoding, features: list[dict], exercises: list[str], clusters=None):
    CASES.append({"case": case_id, "name": name, "encoding": encoding, "features": features,
                  "exercises": exercises, "clusters": clusters})


def F(name, cluster, beta, **kw):
    return {"name": name, "cluster": cluster, "beta": beta, **kw}


def hea(depth, **kw):
    return {"kind": "hea_rung2", "depth": depth, **kw}


def rng_for(k: int) -> random.Random:
    return random.Random(SEED + k)


def define_cases() -> None:
    # ---------------- MPSRung1 ----------------
    case("mps_01_single_feature", "MpsSingle", "mps_rung1",
         [F("only", "solo", -0.5)],
         ["1 feature, 1 cluster", "all defaults but beta"])
    case("mps_02_one_cluster", "MpsOneCluster", "mps_rung1",
         [F(f"member_{i}", "everyone", -0.5 + 0.1 * i, alpha=0.05 * i, phi=0.3 * i) for i in range(6)],
         ["6 features, 1 cluster (no cross-cluster pairs)"])
    case("mps_03_singleton_clusters", "MpsSingletons", "mps_rung1",
         [F(f"s{i}", f"k{i}", 0.1 * i - 0.45, gamma=-0.07 * i) for i in range(10)],
         ["10 features, 10 singleton clusters", "more features than max_features (8)"])
    case("mps_04_odd_names", "MpsOddNames", "mps_rung1",
         [F("Dog-Poodle", "Big Cats", -0.5, alpha=0.1),
          F("dog beagle", "Big Cats", -0.5),
          F("Éclair Ω 2", "Big Cats", -0.45, phi=0.25),
          F("Zebra.Mixed_Case", "Ωmega-Grp", 0.5, gamma=0.2),
          F("__under__score__", "Ωmega-Grp", 0.5),
          F("3-D view", "x-y z", 0.0, phi=-1.25),
          F("ÄÖÜ äöü ok", "x-y z", 0.25)],
         ["feature names with hyphens, spaces, dots, mixed case, digits, unicode letters",
          "cluster names with spaces, hyphens, unicode", "slugs that strip leading/trailing separators"])
    case("mps_05_yaml_lookalike_names", "MpsYamlLookalikes", "mps_rung1",
         [F("yes", "on", -0.5), F("No", "on", -0.5, phi=0.5), F("null", "off", 0.5),
          F("123", "off", 0.5, alpha=0.3), F("1e3", "True", 0.2), F("0x1F", "True", 0.2, gamma=-0.4),
          F("~tilde", "off", 0.1), F("a: b", "True", -0.1)],
         ["names and clusters a YAML 1.1 parser would read as bool/null/int/float (quoted)"])
    case("mps_06_clusters_reordered", "MpsClustersReordered", "mps_rung1",
         [F("a1", "alpha_c", -0.5), F("b1", "beta_c", 0.0, phi=0.4), F("c1", "gamma_c", 0.5),
          F("a2", "alpha_c", -0.45, alpha=0.2), F("b2", "beta_c", 0.05), F("c2", "gamma_c", 0.55, gamma=0.1)],
         ["explicit clusters mapping in an order different from feature order",
          "members listed in an order different from feature order"],
         clusters=[("gamma_c", ["c2", "c1"]), ("alpha_c", ["a2", "a1"]), ("beta_c", ["b1", "b2"])])
    case("mps_07_tiny", "MpsTiny", "mps_rung1",
         [F("t0", "tiny", 1.0e-07, alpha=-1.0e-07, gamma=5e-324, phi=-5e-324),
          F("t1", "tiny", -1.0e-07, alpha=1e-300, gamma=2.2250738585072014e-308, phi=1.0e-07),
          F("t2", "small", 1e-05, alpha=0.0001, gamma=-1e-05, phi=9.999999999999999e-05),
          F("t3", "small", 3.0e-08, phi=-2.5e-07)],
         ["tiny angles: ±1e-7, subnormal 5e-324, 1e-300, DBL_MIN", "repr switch at 1e-4 / 1e-5"])
    case("mps_08_large", "MpsLarge", "mps_rung1",
         [F("big0", "g", 1000.0, alpha=-1000.0, gamma=999.9999999999999, phi=123.456),
          F("big1", "g", -987.6543210123, alpha=500.5, gamma=-0.001, phi=-777.0),
          F("big2", "h", 314.1592653589793, alpha=1e16, gamma=-123456.789, phi=9007199254740992.0),
          F("big3", "h", 0.5, phi=4503599627370496.5)],
         ["large angles |x| up to 1e3", "repr of 1e16 and of the [2^53, 1e16) band"])
    case("mps_09_zero_negzero", "MpsZeros", "mps_rung1",
         [F("z0", "zero", 0.0, alpha=0.0, gamma=0.0, phi=0.0),
          F("z1", "zero", -0.0, alpha=-0.0, gamma=-0.0, phi=-0.0),
          F("z2", "neg", -0.0, alpha=0.0, gamma=-0.0, phi=0.0),
          F("z3", "neg", 0.5, alpha=-0.0)],
         ["zero and negative-zero angles in every field"])
    case("mps_10_angle_strings", "MpsAngleStrings", "mps_rung1",
         [F("p0", "pis", Angle("pi/2"), alpha=Angle("-pi/2"), gamma=Angle("pi/4"), phi=Angle("pi")),
          F("p1", "pis", Angle("-pi/4"), alpha=Angle("π"), gamma=Angle("-pi"), phi=Angle("2*pi")),
          F("p2", "other", Angle("pi/8"), phi=Angle("-pi/2")),
          F("p3", "other", 0.5, alpha=Angle("pi/4"), phi=Angle("π"))],
         ["angle strings pi, π, -pi, pi/2, -pi/2, pi/4, -pi/4, pi/8, 2*pi"])
    case("mps_11_phase_knobs_false", "MpsPhaseKnobsFalse", {"kind": "mps_rung1", "phase_knobs": False},
         [F("a", "x", -0.5, phi=0.7), F("b", "x", -0.5), F("c", "y", 0.5, phi=-1.1)],
         ["encoding mapping {kind: mps_rung1, phase_knobs: false} (a pure marker)"])
    case("mps_12_yaml_integers", "MpsYamlIntegers", "mps_rung1",
         [F("i0", "ints", YInt(0), alpha=YInt(1), gamma=YInt(-2), phi=YInt(3)),
          F("i1", "ints", YInt(1), phi=YInt(0)),
          F("i2", "more", YInt(-1), alpha=YInt(0), gamma=YInt(10))],
         ["YAML integers read as doubles (emitted as 0.0, 1.0, ...)"])
    for k, (nf, nc) in enumerate([(12, 5), (8, 3), (5, 2)]):
        rng = rng_for(100 + k)
        case(f"mps_{13 + k}_random_{k}", f"MpsRandom{k}", "mps_rung1",
             random_features(rng, nf, nc, odd_names=(k == 0)),
             [f"random {nf} features / {nc} clusters (seed {SEED + 100 + k})", "mixed angle kinds"])

    # ---------------- HEA_Rung2 ----------------
    base4 = [F("dog_poodle", "dogs", -0.5, alpha=0.2, gamma=-0.1, phi=0.7),
             F("dog_beagle", "dogs", -0.5, alpha=0.1),
             F("bird_hawk", "birds", 0.5, phi=0.3),
             F("bird_sparrow", "birds", 0.5, gamma=0.05, phi=-0.2)]
    case("hea_01_rx_n1_ring", "HeaRxN1", hea(1, rotations=["Rx"], n_qubits=1),
         [dict(f) for f in base4],
         ["[Rx], n_qubits 1, ring (no CNOTs), default theta (beta, gamma, phi dropped)"])
    case("hea_02_ry_n2_ring", "HeaRyN2Ring", hea(1, rotations=["Ry"], n_qubits=2, entangler="ring"),
         [dict(f) for f in base4],
         ["[Ry], n_qubits 2, ring = CNOT(0,1), CNOT(1,0)", "phi ignored without Rz, gamma dropped"])
    case("hea_03_rz_first_n3_chain", "HeaRzFirst", hea(2, rotations=["Rz"], entangler="chain"),
         [dict(f) for f in base4],
         ["[Rz] with phi != 0: phi overwrites beta at theta[0,0,1]", "chain, depth 2"])
    case("hea_04_rz_n1", "HeaRzN1", hea(2, rotations=["Rz"], n_qubits=1, tier_separation_bound=None),
         [dict(f) for f in base4],
         ["[Rz], n_qubits 1: phi overwrites alpha at theta[0,0,0]", "tier_separation_bound null"])
    case("hea_05_ryrz_n1_phi_dropped", "HeaRyRzN1", hea(1, rotations=["Ry", "Rz"], n_qubits=1),
         [dict(f) for f in base4],
         ["[Ry, Rz], n_qubits 1: Rz not first, phi dropped"])
    case("hea_06_defaults", "HeaDefaults", hea(1),
         [dict(f) for f in base4],
         ["encoding with only depth: ring, [Ry, Rz], n_qubits 3, bound 0.025", "phi at theta[1,0,1]"])
    case("hea_07_rzry_n4_d3_ring", "HeaRzRyN4", hea(3, rotations=["Rz", "Ry"], n_qubits=4, entangler="ring"),
         [dict(f) for f in base4] + [F("cat_tabby", "cats", 0.0, alpha=-0.3, gamma=0.4, phi=1.5)],
         ["[Rz, Ry] default theta: Rz first, phi overwrites beta", "n_qubits 4, depth 3, 3 clusters"])
    case("hea_08_rxrz_n2_chain", "HeaRxRzN2", hea(2, rotations=["Rx", "Rz"], n_qubits=2, entangler="chain"),
         [dict(f) for f in base4],
         ["[Rx, Rz], n_qubits 2: phi at theta[1,0,1]", "chain with 2 qubits"])
    case("hea_09_rxry_mixed_theta", "HeaRxRyMixed", hea(2, rotations=["Rx", "Ry"]),
         [dict(f) for f in base4[:2]]
         + [F("bird_hawk", "birds", 0.5, theta=[[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[-0.1, -0.2, -0.3], [Angle("pi/2"), 0.0, -0.0]]]),
            F("bird_sparrow", "birds", 0.5, phi=0.9)],
         ["[Rx, Ry] (no Rz: phi ignored)", "explicit theta mixed with default synthesis"])
    case("hea_10_rzrx_bound_zero", "HeaRzRx", hea(1, rotations=["Rz", "Rx"], n_qubits=3, tier_separation_bound=0.0),
         [dict(f) for f in base4],
         ["[Rz, Rx]: Rz first takes phi at theta[0,0,1]", "tier_separation_bound 0.0"])
    case("hea_11_rxryrz_n5_d2_chain_explicit", "HeaRxRyRzN5",
         hea(2, rotations=["Rx", "Ry", "Rz"], n_qubits=5, entangler="chain"),
         [dict(F(f"e{i}", f"k{i % 3}", 0.0), theta=random_theta(rng_for(200 + i), (3, 2, 5))) for i in range(6)],
         ["[Rx, Ry, Rz], n_qubits 5, depth 2, chain", "explicit random theta tensors"])
    case("hea_12_rzryrx_n6_d4_ring_explicit", "HeaRzRyRxN6",
         hea(4, rotations=["Rz", "Ry", "Rx"], n_qubits=6, tier_separation_bound=None),
         [dict(F(f"q{i}", f"grp{i % 2}", 0.0), theta=random_theta(rng_for(300 + i), (3, 4, 6))) for i in range(5)],
         ["[Rz, Ry, Rx], n_qubits 6, depth 4, ring", "explicit random theta tensors", "bound null"])
    case("hea_13_n7_d1_chain_null", "HeaN7Chain",
         hea(1, rotations=["Ry", "Rz"], n_qubits=7, entangler="chain", tier_separation_bound=None),
         random_features(rng_for(400), 6, 2),
         ["n_qubits 7, depth 1, chain, default theta, bound null", "random knobs"])
    case("hea_14_n8_d4_ring_explicit", "HeaN8Big",
         hea(4, rotations=["Rx", "Ry", "Rz"], n_qubits=8, entangler="ring"),
         [dict(F(f"big_{i}", f"c{i % 3}", 0.0), theta=random_theta(rng_for(500 + i), (3, 4, 8))) for i in range(6)],
         ["largest register: n_qubits 8, depth 4, 3 rotations, ring", "explicit theta"])
    case("hea_15_n8_d2_chain_default", "HeaN8Default",
         hea(2, rotations=["Ry", "Rz"], n_qubits=8, entangler="chain"),
         random_features(rng_for(600), 8, 3),
         ["n_qubits 8, default theta (padding beyond qubit 2 is zero)"])
    case("hea_16_bound_one", "HeaBoundOne", hea(1, rotations=["Ry", "Rz"], tier_separation_bound=1.0),
         [dict(f) for f in base4],
         ["tier_separation_bound 1.0 (declared, not met)"])
    case("hea_17_bound_tiny", "HeaBoundTiny", hea(3, rotations=["Ry", "Rz"], n_qubits=2, tier_separation_bound=1e-05),
         [dict(f) for f in base4],
         ["tier_separation_bound 1e-05 (scientific repr in the invariant line)", "n_qubits 2, depth 3"])
    case("hea_18_odd_names", "HeaOddNames", hea(2, rotations=["Rx", "Ry", "Rz"], n_qubits=3, tier_separation_bound=None),
         [F("Dog-Poodle", "Big Cats", -0.5, alpha=0.1, phi=0.2),
          F("Éclair Ω 2", "Big Cats", -0.45),
          F("Zebra.Mixed_Case", "Ωmega-Grp", 0.5, phi=-0.6),
          F("3-D view", "Ωmega-Grp", 0.45, gamma=0.3),
          F("naïve Straße", "x-y z", 0.0, alpha=-0.2)],
         ["odd feature/cluster names in the HEA theta table and state descriptions"])
    case("hea_19_negzero", "HeaNegZero", hea(1, rotations=["Rz", "Ry"], n_qubits=3),
         [F("n0", "a", -0.0, alpha=-0.0, gamma=-0.0, phi=-0.0),
          F("n1", "a", 0.5, phi=-0.0),
          F("n2", "b", -0.5, alpha=-0.0, phi=0.0),
          F("n3", "b", 0.25, gamma=-0.0, phi=1e-300)],
         ["-0.0 phi is not placed (phi != 0.0 is false)", "-0.0 alpha/beta/gamma kept in the theta literal",
          "tiny phi 1e-300 overwrites beta"])
    case("hea_20_explicit_extremes", "HeaExtremes", hea(1, rotations=["Ry", "Rz"], n_qubits=2, entangler="chain"),
         [F("x0", "a", 0.0, theta=[[[5e-324, -5e-324]], [[1000.0, -1000.0]]]),
          F("x1", "a", 0.0, theta=[[[Angle("pi"), Angle("-pi/2")]], [[Angle("π"), Angle("2*pi")]]]),
          F("x2", "b", 0.0, theta=[[[-0.0, 0.0]], [[1.0e-07, -1.0e-07]]]),
          F("x3", "b", 0.0, theta=[[[1e16, 9007199254740993.0 - 1.0]], [[123.456, 0.0001]]])],
         ["explicit theta with subnormals, ±1e3, angle strings, -0.0, ±1e-7, 1e16, 2^53"])
    case("hea_21_single_feature", "HeaSingle", hea(2, rotations=["Ry", "Rz"], n_qubits=3),
         [F("alone", "solo", 0.3, alpha=0.1, gamma=0.2, phi=0.4)],
         ["1 feature, 1 cluster with a declared bound"])
    case("hea_22_over_capacity", "HeaOverCapacity", hea(2, rotations=["Ry"], n_qubits=2, tier_separation_bound=None),
         random_features(rng_for(700), 7, 3),
         ["7 features on n_qubits 2 (max_features 4): rank-deficient Gram"])
    case("hea_23_clusters_reordered", "HeaClustersReordered", hea(1, rotations=["Ry", "Rz"], n_qubits=3),
         [dict(f) for f in base4] + [F("cat_tabby", "cats", 0.0, phi=0.5)],
         ["explicit clusters mapping in an order different from feature order (HEA)"],
         clusters=[("cats", ["cat_tabby"]), ("birds", ["bird_sparrow", "bird_hawk"]), ("dogs", ["dog_beagle", "dog_poodle"])])
    case("hea_24_ryrx_chain", "HeaRyRxChain", hea(2, rotations=["Ry", "Rx"], n_qubits=3, entangler="chain"),
         [dict(f) for f in base4],
         ["[Ry, Rx], chain, depth 2, default theta"])
    for k in range(3):
        rng = rng_for(800 + k)
        rots = rng.choice([["Rx"], ["Ry"], ["Rz"], ["Ry", "Rz"], ["Rz", "Ry"], ["Rx", "Ry", "Rz"], ["Rz", "Ry", "Rx"]])
        n = rng.randint(1, 6)
        depth = rng.randint(1, 4)
        ent = rng.choice(["ring", "chain"])
        bound = rng.choice([None, 0.025, 0.1, 0.5])
        enc = hea(depth, rotations=rots, n_qubits=n, entangler=ent, tier_separation_bound=bound)
        feats = random_features(rng, rng.randint(3, 8), rng.randint(1, 3), odd_names=(k == 1))
        for f in feats:
            if rng.random() < 0.4:
                f["theta"] = random_theta(rng, (len(rots), depth, n))
        case(f"hea_{25 + k}_random_{k}", f"HeaRandom{k}", enc, feats,
             [f"random HEA (seed {SEED + 800 + k}): rotations {rots}, n_qubits {n}, depth {depth}, {ent}, bound {bound}",
              "explicit theta on some features"])

    # ---------------- Rung3 ----------------
    r3base = [F("dog_poodle", "dogs", -0.5), F("dog_beagle", "dogs", -0.5, phi=0.4),
              F("bird_hawk", "birds", 0.5, alpha=0.1), F("bird_sparrow", "birds", 0.5)]
    case("r3_01_defaults", "R3Defaults", "rung3", [dict(f) for f in r3base],
         ["rung3 with default theta_amp (pi/4) and psi_aux: amp factor 1"])
    case("r3_02_knobs", "R3Knobs", "rung3",
         [dict(f, theta_amp=t, psi_aux=p) for f, (t, p) in
          zip(r3base, [(0.0, 0.0), (Angle("pi/2"), 1.3), (-0.0, -0.0), (0.3, Angle("-pi"))])],
         ["rung3 amp knobs: 0, pi/2, -0.0, angle strings"])
    case("r3_03_single_feature", "R3Single", "rung3", [F("one", "c", 0.2, theta_amp=0.6, psi_aux=-0.4)],
         ["rung3, 1 feature"])
    rng = rng_for(900)
    feats = random_features(rng, 10, 4, odd_names=True)
    for f in feats:
        if rng.random() < 0.7:
            f["theta_amp"] = draw_angle(rng)
        if rng.random() < 0.7:
            f["psi_aux"] = draw_angle(rng)
    case("r3_04_random", "R3Random", "rung3", feats,
         [f"random rung3 (seed {SEED + 900}), 10 features, odd names", "tiny/large/zero/angle-string amp knobs"])
    case("r3_05_extremes", "R3Extremes", "rung3",
         [F("e0", "a", 5e-324, theta_amp=1e-300, psi_aux=1000.0),
          F("e1", "a", -1.0e-07, theta_amp=-1000.0, psi_aux=5e-324),
          F("e2", "b", 1000.0, theta_amp=1e16, psi_aux=-1e-05)],
         ["rung3 with extreme amp knob values"])

    # ---------------- Rung4 ----------------
    case("r4_01_defaults", "R4Defaults", "rung4", [dict(f) for f in r3base],
         ["rung4, every amp knob at the Feature default (theta_amp pi/4)"])
    case("r4_02_mixed_defaults", "R4MixedDefaults", "rung4",
         [F("d0", "a", -0.5), F("d1", "a", -0.5, theta_amp=0.0),
          F("d2", "b", 0.5, theta_amp_b=0.7), F("d3", "b", 0.5, psi_amp_b=1.1, theta_amp_b=Angle("pi/4")),
          F("d4", "c", 0.1, theta_amp=0.0, psi_aux=0.0, theta_amp_b=0.0, psi_amp_b=0.0)],
         ["rung4: default theta_amp (pi/4) vs explicit 0.0", "q4 knobs only on some features"])
    rng = rng_for(1000)
    feats = random_features(rng, 9, 3)
    for f in feats:
        for key in ("theta_amp", "psi_aux", "theta_amp_b", "psi_amp_b"):
            if rng.random() < 0.7:
                f[key] = draw_angle(rng)
    case("r4_03_random", "R4Random", "rung4", feats, [f"random rung4 (seed {SEED + 1000}), 9 features"])
    case("r4_04_single_cluster_extremes", "R4Extremes", "rung4",
         [F("w0", "all", 0.0, theta_amp=-0.0, psi_aux=Angle("2*pi"), theta_amp_b=1e-300, psi_amp_b=-1000.0),
          F("w1", "all", -0.0, theta_amp=999.5, psi_aux=-0.0, theta_amp_b=Angle("pi/8"), psi_amp_b=5e-324),
          F("w2", "all", 0.3, theta_amp=1.0e-07, psi_aux=1.0e-07, theta_amp_b=-1.0e-07, psi_amp_b=0.0)],
         ["rung4, 1 cluster, extreme and negative-zero amp knobs"])

    # ---------------- Rung5 ----------------
    for k_amp, n_feat, idx in [(1, 5, 0), (2, 7, 1), (3, 9, 2), (4, 6, 3)]:
        rng = rng_for(1100 + idx)
        feats = random_features(rng, n_feat, rng.randint(1, 3), odd_names=(idx == 2))
        for f in feats:
            f["amp_knobs"] = random_amp(rng, k_amp)
        case(f"r5_{idx + 1:02d}_k{k_amp}_random", f"R5K{k_amp}Random", {"kind": "rung5", "n_amp_qubits": k_amp}, feats,
             [f"rung5 k={k_amp} (seed {SEED + 1100 + idx}), {n_feat} features, random amp_knobs"])
    case("r5_05_k1_zero_knobs", "R5K1Zero", {"kind": "rung5", "n_amp_qubits": 1},
         [dict(f, amp_knobs=[[0.0, 0.0]]) for f in r3base],
         ["rung5 k=1 with amp_knobs [[0.0, 0.0]] (the default padding): Gram equals MPS"])
    case("r5_06_k3_extremes", "R5K3Extremes", {"kind": "rung5", "n_amp_qubits": 3},
         [F("u0", "a", -0.5, amp_knobs=[[Angle("pi/2"), Angle("-pi/4")], [-0.0, 0.0], [5e-324, 1000.0]]),
          F("u1", "a", -0.5, phi=0.2, amp_knobs=[[1.0e-07, -1.0e-07], [Angle("π"), -0.0], [-1000.0, 1e-300]]),
          F("u2", "b", 0.5, amp_knobs=[[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]),
          F("u3", "b", 0.5, alpha=0.3, amp_knobs=[[1e16, Angle("2*pi")], [0.25, -0.75], [Angle("pi/8"), 3.0]])],
         ["rung5 k=3 with angle strings, -0.0, subnormals, ±1e3, 1e16 in amp_knobs"])
    case("r5_07_k2_single", "R5K2Single", {"kind": "rung5", "n_amp_qubits": 2},
         [F("lonely", "only", 0.1, amp_knobs=[[0.5, 0.25], [-0.125, 2.0]])],
         ["rung5 k=2, 1 feature"])


# --------------------------------------------------------------------------
# Writing.


def encoding_yaml(enc) -> str:
    if isinstance(enc, str):
        return enc
    parts = []
    for key, value in enc.items():
        if key == "rotations":
            parts.append(f"rotations: [{', '.join(value)}]")
        elif value is None:
            parts.append(f"{key}: null")
        elif isinstance(value, bool):
            parts.append(f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, int):
            parts.append(f"{key}: {value}")
        elif isinstance(value, float):
            parts.append(f"{key}: {fmt_float(value)}")
        else:
            parts.append(f"{key}: {value}")
    return "{" + ", ".join(parts) + "}"


FIELD_ORDER = ["beta", "alpha", "gamma", "phi", "theta_amp", "psi_aux", "theta_amp_b", "psi_amp_b"]


def feature_yaml(f: dict) -> str:
    parts = [f"name: {fmt_str(f['name'])}", f"cluster: {fmt_str(f['cluster'])}"]
    for key in FIELD_ORDER:
        if key in f:
            parts.append(f"{key}: {fmt_num(f[key])}")
    if "amp_knobs" in f:
        parts.append(f"amp_knobs: {fmt_nested(f['amp_knobs'])}")
    if "theta" in f:
        parts.append(f"theta: {fmt_nested(f['theta'])}")
    return "{" + ", ".join(parts) + "}"


def spec_yaml(c: dict) -> str:
    lines = [f"# Extra reference case {c['case']} (generate_extra_cases.py, seed {SEED}).",
             *[f"# - {e}" for e in c["exercises"]],
             "dictionary:",
             f"  name: {c['name']}",
             f"  encoding: {encoding_yaml(c['encoding'])}"]
    if c["clusters"] is not None:
        lines.append("  clusters:")
        for cluster, members in c["clusters"]:
            lines.append(f"    {fmt_str(cluster)}: [{', '.join(fmt_str(m) for m in members)}]")
    lines.append("  features:")
    for f in c["features"]:
        lines.append(f"    - {feature_yaml(f)}")
    return "\n".join(lines) + "\n"


def build_encoding(enc):
    if enc == "mps_rung1":
        return MPSRung1()
    if enc == "rung3":
        return Rung3()
    if enc == "rung4":
        return Rung4()
    kind = enc["kind"]
    params = {k: v for k, v in enc.items() if k != "kind"}
    if kind == "mps_rung1":
        return MPSRung1(**params)
    if kind == "rung5":
        return Rung5(**params)
    assert kind == "hea_rung2"
    if "rotations" in params:
        params["rotations"] = tuple(params["rotations"])
    if params.get("tier_separation_bound") is not None:
        params["tier_separation_bound"] = float(params["tier_separation_bound"])
    return HEA_Rung2(**params)


def build_dictionary(c: dict) -> Dictionary:
    features = []
    for f in c["features"]:
        kw = {}
        for key in FIELD_ORDER[1:]:
            if key in f:
                kw[key] = val(f[key])
        if "theta" in f:
            kw["theta"] = np.array(nested_val(f["theta"]), dtype=float)
        if "amp_knobs" in f:
            kw["amp_knobs"] = tuple((val(t), val(p)) for t, p in f["amp_knobs"])
        features.append(Feature(f["name"], f["cluster"], val(f["beta"]), **kw))
    if c["clusters"] is not None:
        hierarchy = {cluster: list(members) for cluster, members in c["clusters"]}
    else:
        hierarchy = {}
        for f in features:
            hierarchy.setdefault(f.cluster, []).append(f.name)
    return Dictionary(c["name"], features, hierarchy, build_encoding(c["encoding"]))


def matrix_json(m) -> str:
    return "[\n" + ",\n".join("  " + json.dumps([float(x) for x in row]) for row in m) + "]"


def write_case(c: dict) -> dict:
    d = build_dictionary(c)
    slugs = [feature_slug(f.name) for f in d.features]
    assert len(set(slugs)) == len(slugs), f"{c['case']}: slug collision {slugs}"
    folder = OUT / c["case"]
    (folder / "expected").mkdir(parents=True)
    (folder / "spec.yaml").write_text(spec_yaml(c), encoding="utf-8")
    (folder / "expected" / f"{d.name}.q.orca.md").write_text(render_machine_markdown(d), encoding="utf-8")

    g = np.asarray(d.gram(), dtype=complex)
    overlap = np.abs(g) ** 2
    gram_text = ("{" + f"\"labels\": {json.dumps([f.name for f in d.features], ensure_ascii=False)},\n"
                 + f" \"re\": {matrix_json(g.real)},\n \"im\": {matrix_json(g.imag)},\n"
                 + f" \"overlap\": {matrix_json(overlap)}" + "}\n")
    assert json.loads(gram_text)["re"] == [[float(x) for x in row] for row in g.real]
    (folder / "expected" / "gram.json").write_text(gram_text, encoding="utf-8")

    sep = d.tier_separation()
    facts = {"dictionary": d.name, "encoding": repr(d.encoding), "n_features": len(d.features),
             "n_clusters": len(d.hierarchy), "max_features": d.encoding.max_features, "slugs": slugs,
             "tier_separation": None if sep is None else float(sep)}
    if isinstance(d.encoding, HEA_Rung2):
        bound = d.encoding.tier_separation_bound
        facts["tier_separation_bound"] = bound
        if bound is not None and sep is not None:
            facts["tier_separation_bound_holds"] = bool(sep >= bound)
    (folder / "expected" / "facts.json").write_text(json.dumps(facts, indent=1, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")
    kind = c["encoding"] if isinstance(c["encoding"], str) else c["encoding"]["kind"]
    return {"case": c["case"], "dictionary": d.name, "encoding": kind, "encoding_repr": repr(d.encoding),
            "features": len(d.features), "clusters": len(d.hierarchy), "exercises": c["exercises"]}


def main() -> int:
    define_cases()
    ids = [c["case"] for c in CASES]
    assert len(set(ids)) == len(ids), "duplicate case ids"
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    index = [write_case(c) for c in sorted(CASES, key=lambda c: c["case"])]
    meta = {"generator": "Tests/Fixtures/generate_extra_cases.py", "seed": SEED,
            "reference": {"polygram": metadata.version("polygram"), "q_orca": metadata.version("q-orca"),
                          "numpy": np.__version__},
            "count": len(index), "cases": index}
    (OUT / "index.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(index)} cases to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
