"""Reference whole process for the animals cancellation grid 50×50: run it and
materialize the result (optimized machine, summary, trajectory CSV)."""
import os
import sys
import warnings

from polygram import Cancellation

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from animals import dictionary  # noqa: E402


def main(output_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = Cancellation(dictionary(), ("dog_poodle", "bird_hawk"), tolerance=0.05, preserve_tiers=True,
                              optimize={"method": "grid", "max_steps": 50}).run()
    os.makedirs(output_dir, exist_ok=True)
    result.materialize(output_dir)
