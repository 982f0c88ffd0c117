"""Check-worthiness: a linear model over a sentence's words and what claimledger found in it.

The score (0..1) says how much a sentence asserts something a checker could verify. It is
a logistic regression over two kinds of evidence:

- the sentence's words: unigrams and bigrams, lower-cased, every number folded to one
  token, weighted by sublinear TF-IDF and L2-normalised;
- signals from the parse and the other extractors: quantities, attributions, named
  actors, dates, event verbs, first and second person, imperative mood, exclamation,
  questions, future tense, obligation modals, evaluative words.

The weights are learnt by ``train/checkworthy.py`` from ClaimBuster (CC BY 4.0) and shipped
in ``models/checkworthy.json.gz`` with the training data's provenance; nothing is fetched.
The claim types are rules over the same signals; they describe the sentence's form, never
whether it is true.
"""

from claimledger.extract.checkworthy.model import (
    MODEL_FILE,
    Model,
    load_model,
    model_from_json,
    terms,
)
from claimledger.extract.checkworthy.signals import SIGNALS, signals
from claimledger.extract.checkworthy.types import (
    CLAIM_TYPES,
    NOT_CLAIM_TYPES,
    claim_types,
    is_call_to_action,
)

__all__ = [
    "CLAIM_TYPES",
    "MODEL_FILE",
    "NOT_CLAIM_TYPES",
    "SIGNALS",
    "Model",
    "claim_types",
    "is_call_to_action",
    "load_model",
    "model_from_json",
    "signals",
    "terms",
]
