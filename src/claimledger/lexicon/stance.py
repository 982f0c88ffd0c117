"""Nouns and adjectives that carry an attributed content or stance ("the claim that",
"critical of")."""

from __future__ import annotations

# Adjectives that hold a stance after "be", "seem", "remain" or "feel": "officials are
# confident that the line will hold", "the ministry was critical of the deal", "Kyiv is
# ready to talk". Their content is a that-clause, a prepositional object or an infinitive.
ADJECTIVE_CUES = frozenset(
    """critical supportive skeptical sceptical wary confident concerned worried optimistic
    pessimistic hopeful sure certain convinced aware afraid fearful proud happy unhappy
    upset angry furious frustrated disappointed pleased grateful thankful appreciative
    opposed committed eager keen reluctant determined adamant dismissive suspicious
    doubtful enthusiastic comfortable uncomfortable ready willing unwilling hostile
    sympathetic fond outspoken vocal upbeat bullish bearish cautious unclear divided
    satisfied dissatisfied alarmed troubled puzzled delighted glad sorry""".split()
)
ADJECTIVE_PREPS = frozenset("of about for on with over to against at by".split())

# Nouns that carry an attributed content ("the claim that ...", "his criticism of ...").
NOUN_CUES = frozenset(
    """claim assertion suggestion argument belief fear worry concern sense view hope promise
    pledge warning allegation accusation insistence notion idea position message response
    demand proposal decision statement announcement admission acknowledgment
    acknowledgement assessment conclusion prediction expectation theory charge criticism
    complaint denial report rumor rumour speculation word news sign indication
    confidence doubt call vow threat testimony contention impression perception
    recognition praise condemnation endorsement support rejection
    opposition forecast estimate""".split()
)
# Nouns that are cues only as the object of a light verb ("made the point that", "gave an
# assurance that", "issued an appeal for"), besides the noun cues above.
LIGHT_VERB_NOUNS = NOUN_CUES | frozenset(
    """point case assurance appeal plea remark comment note declaration notice alert
    guarantee communique communiqué ultimatum""".split()
)
# The prepositions that open a light-verb noun's content ("a warning about", "an appeal for").
LIGHT_VERB_PREPS = frozenset("about of against for over".split())
NOUN_OF_CUES = frozenset(
    """criticism praise condemnation endorsement support rejection opposition denunciation
    defense defence accusation allegation""".split()
)
