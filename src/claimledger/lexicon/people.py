"""People: the roles and titles that name a person ("the minister", "Defence Minister
Rustem Umerov")."""

from __future__ import annotations

# Heads of source phrases that name one person by role ("the bank's governor").
PERSON_ROLE_HEADS = frozenset(
    """governor minister president premier chancellor secretary spokesman spokeswoman
    spokesperson ambassador envoy general commander colonel major captain officer director
    chief head mayor senator lawmaker deputy adviser advisor prosecutor judge king queen prince
    leader chairman chairwoman chair ceo founder negotiator diplomat doctor surgeon witness
    resident mother father priest imam rabbi candidate nominee""".split()
)

# Further role words of sources that are not heads of a named person's phrase on their own
# ("official", "analyst"); with PERSON_ROLE_HEADS, the words a source's role is read from.
ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson official minister aide analyst expert economist "
    "researcher professor strategist commissioner representative envoy observer "
    "investigator".split()
)
ROLE_HEADS = PERSON_ROLE_HEADS | ROLE_WORDS

# Role titles written before a name that are not part of it ("Defence Minister Rustem
# Umerov"); all of them are PERSON_ROLE_HEADS.
ROLE_TITLES = frozenset(
    "minister president premier chancellor secretary spokesman spokeswoman ambassador envoy "
    "general commander governor mayor senator chief director head leader chairman candidate "
    "nominee".split()
)

# Titles and their abbreviations that a person's name can start with ("Gen.", "Sen.",
# "Prime Minister"), in the order the title pattern tries them.
NAME_TITLES = tuple(
    "mr mrs ms dr prof gen lt col maj capt sgt sen rep gov pres president minister general "
    "colonel major captain sergeant senator commander chief spokesman spokeswoman spokesperson "
    "secretary ambassador judge justice mayor governor prime deputy".split()
)
