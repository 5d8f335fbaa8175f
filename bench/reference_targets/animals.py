"""The animals dictionary of golden/animals/animals.yaml, for the reference
whole-process targets (`polygram run <target>.py --output-dir DIR`)."""
from polygram import Dictionary, Feature, MPSRung1


def dictionary():
    features = [Feature("dog_poodle", "dogs", -0.5), Feature("dog_beagle", "dogs", -0.5),
                Feature("bird_hawk", "birds", 0.5), Feature("bird_sparrow", "birds", 0.5)]
    return Dictionary("AnimalsInterference", features,
                      {"dogs": ["dog_poodle", "dog_beagle"], "birds": ["bird_hawk", "bird_sparrow"]}, MPSRung1())
