"""Word lists the extractors share, one module per concept. Written for claimledger; plain
data, no logic. Every list is importable from here as well as from its module."""

from __future__ import annotations

from claimledger.lexicon.casualties import (
    CASUALTY_VERB_FORMS,
    CASUALTY_WORD_STEMS,
    EVENT_VERB_LEMMAS,
)
from claimledger.lexicon.function_words import (
    ENGLISH_FUNCTION_WORDS,
    FIRST_SECOND_PERSON,
    PRONOUN_KINDS,
    RELATIVE_PRONOUNS,
)
from claimledger.lexicon.organisations import (
    ACTOR_ALIASES,
    ORG_HEADS,
)
from claimledger.lexicon.outlets import (
    OUTLET_ALIASES,
    OUTLET_NAME_WORDS,
)
from claimledger.lexicon.people import (
    NAME_TITLES,
    PERSON_ROLE_HEADS,
    ROLE_HEADS,
    ROLE_TITLES,
    ROLE_WORDS,
)
from claimledger.lexicon.places import (
    DEMONYMS,
)
from claimledger.lexicon.sections import (
    SECTION_LABELS,
)
from claimledger.lexicon.sources import (
    DOCUMENT_SOURCE_HEADS,
    ISSUING_VERBS,
    OWN_OUTLET_NOUNS,
    POLL_NOUNS,
    POLL_SHARE_WORDS,
    UNNAMED_SOURCE_HEADS,
)
from claimledger.lexicon.speech import (
    AS_ONLY_CUE_VERBS,
    ASKING_VERBS,
    BELIEF_VERBS,
    CLAUSE_CUE_VERBS,
    CUE_ADVERBS,
    CUE_LEMMA_FIXES,
    CUE_LEMMAS,
    FINDING_VERBS,
    FORECAST_VERBS,
    HEARSAY_ADVERBS,
    INFINITIVE_CUE_VERBS,
    LIGHT_VERBS,
    LINKING_VERBS,
    OBJECT_CUE_VERBS,
    PREP_CUES,
    PROJECTED_NOT_FORECAST,
    QUOTED_AS_VERBS,
    RAISING_CUE_VERBS,
    SAY_OBJECT_VERBS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
    XCOMP_CUE_VERBS,
)
from claimledger.lexicon.stance import (
    ADJECTIVE_CUES,
    ADJECTIVE_PREPS,
    LIGHT_VERB_NOUNS,
    LIGHT_VERB_PREPS,
    NOUN_CUES,
    NOUN_OF_CUES,
)
from claimledger.lexicon.time import (
    TEMPORAL_WORDS,
)

__all__ = [
    "ACTOR_ALIASES",
    "ADJECTIVE_CUES",
    "ADJECTIVE_PREPS",
    "ASKING_VERBS",
    "AS_ONLY_CUE_VERBS",
    "BELIEF_VERBS",
    "CASUALTY_VERB_FORMS",
    "CASUALTY_WORD_STEMS",
    "CLAUSE_CUE_VERBS",
    "CUE_ADVERBS",
    "CUE_LEMMAS",
    "CUE_LEMMA_FIXES",
    "DEMONYMS",
    "DOCUMENT_SOURCE_HEADS",
    "ENGLISH_FUNCTION_WORDS",
    "EVENT_VERB_LEMMAS",
    "FINDING_VERBS",
    "FIRST_SECOND_PERSON",
    "FORECAST_VERBS",
    "HEARSAY_ADVERBS",
    "INFINITIVE_CUE_VERBS",
    "ISSUING_VERBS",
    "LIGHT_VERBS",
    "LIGHT_VERB_NOUNS",
    "LIGHT_VERB_PREPS",
    "LINKING_VERBS",
    "NAME_TITLES",
    "NOUN_CUES",
    "NOUN_OF_CUES",
    "OBJECT_CUE_VERBS",
    "ORG_HEADS",
    "OUTLET_ALIASES",
    "OUTLET_NAME_WORDS",
    "OWN_OUTLET_NOUNS",
    "PERSON_ROLE_HEADS",
    "POLL_NOUNS",
    "POLL_SHARE_WORDS",
    "PREP_CUES",
    "PROJECTED_NOT_FORECAST",
    "PRONOUN_KINDS",
    "QUOTED_AS_VERBS",
    "RAISING_CUE_VERBS",
    "RELATIVE_PRONOUNS",
    "ROLE_HEADS",
    "ROLE_TITLES",
    "ROLE_WORDS",
    "SAY_OBJECT_VERBS",
    "SECTION_LABELS",
    "SPEECH_VERBS",
    "TEMPORAL_WORDS",
    "UNNAMED_SOURCE_HEADS",
    "WEAK_SPEECH_VERBS",
    "XCOMP_CUE_VERBS",
]
