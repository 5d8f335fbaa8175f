"""Reference whole process for the animals 1-D sweep of 40 points: run it and
write what polygram writes for an experiment (CSV, summary, machine)."""
import os
import sys

import numpy as np
from polygram import Experiment

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from animals import dictionary  # noqa: E402


def main(output_dir):
    experiment = Experiment("AnimalsInterference", dictionary(), ("dog_poodle", "bird_hawk"),
                            {"bird_hawk.phi": np.linspace(0, np.pi, 40)},
                            measures=["overlap", "gram_matrix", "schmidt_rank"],
                            assertions=["hierarchical_ordering_preserved"])
    result = experiment.run()
    os.makedirs(output_dir, exist_ok=True)
    result.to_csv(os.path.join(output_dir, "result.csv"))
    result.write_summary(os.path.join(output_dir, "summary.md"))
    experiment.materialize(output_dir)
