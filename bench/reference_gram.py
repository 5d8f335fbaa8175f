"""Times the reference (pip polygram==0.15.0) on the workloads polygramc-bench
runs, printing one `name seconds` line per workload.

Usage: python3 bench/reference_gram.py REPEATS
"""
import random
import sys
import time

from polygram import Dictionary, Feature, MPSRung1


def random_mps_dictionary(seed):
    rng = random.Random(seed)
    features = [
        Feature(f"f{i}", f"c{i % 2}", rng.uniform(-3, 3), alpha=rng.uniform(-3, 3),
                gamma=rng.uniform(-3, 3), phi=rng.uniform(-3, 3))
        for i in range(8)
    ]
    hierarchy = {"c0": [f.name for f in features[0::2]], "c1": [f.name for f in features[1::2]]}
    return Dictionary("Random8", features, hierarchy, MPSRung1())


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    dictionaries = [random_mps_dictionary(seed) for seed in range(repeats)]
    start = time.perf_counter()
    for d in dictionaries:
        d.gram()
    print(f"gram_8_mps_x{repeats} {time.perf_counter() - start:.6f}")




def hea_gram(n_qubits=16, n_features=128, depth=4, seed=7):
    """HEA Gram with random knobs: issue 3's workload."""
    import numpy as np
    from polygram import HEA_Rung2
    rng = np.random.default_rng(seed)
    enc = HEA_Rung2(depth=depth, n_qubits=n_qubits)
    features = [Feature(f"f{i}", f"c{i % 4}", 0.0, theta=rng.uniform(-np.pi, np.pi, enc.theta_shape))
                for i in range(n_features)]
    hierarchy = {f"c{k}": [f.name for f in features[k::4]] for k in range(4)}
    d = Dictionary("HEABench", features, hierarchy, enc)
    start = time.perf_counter()
    d.gram()
    print(f"hea_gram_{n_qubits}q_{n_features}f_d{depth} {time.perf_counter() - start:.6f}")


def animals_sweeps():
    """The animals experiments of golden/animals/animals.yaml, timed in the reference."""
    import numpy as np
    from polygram import Experiment
    features = [Feature("dog_poodle", "dogs", -0.5), Feature("dog_beagle", "dogs", -0.5),
                Feature("bird_hawk", "birds", 0.5), Feature("bird_sparrow", "birds", 0.5)]
    d = Dictionary("AnimalsInterference", features,
                   {"dogs": ["dog_poodle", "dog_beagle"], "birds": ["bird_hawk", "bird_sparrow"]}, MPSRung1())
    one = Experiment("AnimalsInterference", d, ("dog_poodle", "bird_hawk"),
                     {"bird_hawk.phi": np.linspace(0, np.pi, 40)},
                     measures=["overlap", "gram_matrix", "schmidt_rank"], assertions=["hierarchical_ordering_preserved"])
    two = Experiment("AnimalsPhaseGrid", d, ("dog_poodle", "bird_hawk"),
                     {"dog_poodle.phi": np.linspace(0, 2 * np.pi, 24), "bird_hawk.phi": np.linspace(0, 2 * np.pi, 24)},
                     assertions=["hierarchical_ordering_preserved", "target_pair_destructive_at_endpoint"])
    for name, experiment in (("sweep_1d_40", one), ("sweep_2d_24x24", two)):
        start = time.perf_counter()
        experiment.run()
        print(f"{name} {time.perf_counter() - start:.6f}")
    import warnings
    from polygram import Cancellation
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        Cancellation(d, ("dog_poodle", "bird_hawk"), tolerance=0.05, preserve_tiers=True,
                     optimize={"method": "grid", "max_steps": 50}).run()
    print(f"cancellation_grid_50x50 {time.perf_counter() - start:.6f}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "hea":
        hea_gram()
    elif len(sys.argv) > 2 and sys.argv[2] == "sweeps":
        animals_sweeps()
    else:
        main()
