"""Reference whole process for the animals 2-D sweep 24×24: run it and write
what polygram writes for an experiment (CSV, summary, machine)."""
import os
import sys

import numpy as np
from polygram import Experiment

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from animals import dictionary  # noqa: E402


def main(output_dir):
    experiment = Experiment("AnimalsPhaseGrid", dictionary(), ("dog_poodle", "bird_hawk"),
                            {"dog_poodle.phi": np.linspace(0, 2 * np.pi, 24),
                             "bird_hawk.phi": np.linspace(0, 2 * np.pi, 24)},
                            assertions=["hierarchical_ordering_preserved", "target_pair_destructive_at_endpoint"])
    result = experiment.run()
    os.makedirs(output_dir, exist_ok=True)
    result.to_csv(os.path.join(output_dir, "result.csv"))
    result.write_summary(os.path.join(output_dir, "summary.md"))
    experiment.materialize(output_dir)
