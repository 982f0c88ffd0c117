"""Named entities from spaCy's NER, each with a canonical name.

Canonical names come from the alias tables in ``lexicon`` and, for people, from the fullest
earlier mention in the same document ("Umerov" -> "Rustem Umerov").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from claimledger.lexicon import (
    ACTOR_ALIASES,
    NAME_TITLES,
    OUTLET_ALIASES,
    OUTLET_NAME_WORDS,
    ROLE_TITLES,
)
from claimledger.model import Entity
from claimledger.nlp.parsed import as_sent

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})
_TITLES = re.compile(r"^(?:(?:" + "|".join(NAME_TITLES) + r")\.?\s+)+", re.IGNORECASE)


def normalise(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip())
    name = re.sub(r"(?:'s|’s|'|’)$", "", name)
    return re.sub(r"^(?:the|The)\s+", "", name)


def canonical_name(name: str, label: str | None = None) -> str:
    """The canonical form of an actor, outlet or place name."""
    base = normalise(name)
    key = base.lower()
    for table in (OUTLET_ALIASES, ACTOR_ALIASES):
        if key in table:
            return table[key]
        if f"the {key}" in table:
            return table[f"the {key}"]
    if label == "PERSON":
        base = _TITLES.sub("", base)
    return base


_OUTLET_WORDS = re.compile(r"\b(?:" + "|".join(OUTLET_NAME_WORDS) + r")\b")


def is_outlet(name: str) -> bool:
    """A known news outlet, or a proper name that ends like one ("the Northern Herald")."""
    key = normalise(name).lower()
    if key in OUTLET_ALIASES or f"the {key}" in OUTLET_ALIASES:
        return True
    base = normalise(name)
    words = base.split()
    return bool(words) and all(w[:1].isupper() for w in words) and bool(_OUTLET_WORDS.search(base))


def person_name(ent: Any) -> str:
    """A PERSON entity with the given names the small model leaves out of it on the left
    ("Defence Minister Rustem Umerov": the entity is "Umerov"; the name "Rustem Umerov")."""
    doc = ent.doc
    start = ent.start
    while start > 0:
        t = doc[start - 1]
        if (
            t.tag_ == "NNP"
            and t.dep_ == "compound"
            and t.ent_type_ in ("", "PERSON")
            and not _TITLES.match(t.text + " ")
            and t.lower_ not in ROLE_TITLES
        ):
            start -= 1
        else:
            break
    return doc[start : ent.end].text if start < ent.start else str(ent.text)


def metadata_name(value: object) -> str | None:
    """A document's outlet or author as a name: its text without control and invisible
    format characters (zero-width spaces, bidi controls), trimmed; None for a value that is
    missing or empty once they are gone, so "the newspaper" never resolves to a blank."""
    if value is None:
        return None
    text = "".join(ch for ch in str(value) if unicodedata.category(ch) not in ("Cc", "Cf"))
    text = " ".join(text.split())
    return text or None


class PersonRegistry:
    """Full names of people seen so far in a document, to resolve later short mentions
    ("Umerov", "he", "the minister"), with the role and affiliation the document gave them;
    and what else a later source refers back to (``recent``: the organisation "it" is, the
    group "they" are, the poll a share comes from, the outlet "the newspaper" is), with the
    document's own outlet and author from its metadata."""

    def __init__(self, outlet: str | None = None, author: str | None = None) -> None:
        self.full_names: list[str] = []
        self.roles: dict[str, tuple[str | None, str | None]] = {}
        # roles a mention gave a person outside any source ("Jane Roe, the candidate, ...")
        self.named_roles: dict[str, str] = {}
        # the latest person cited as a source, named or by role ("the colonel"): "he" next
        self.last_source: str | None = None
        # what was named last, by what it is ("org", "group", "poll", "outlet", "study"):
        # (sentence index, canonical name, source kind)
        self.recent: dict[str, tuple[int, str, str]] = {}
        self.outlet, self.author = metadata_name(outlet), metadata_name(author)

    def describe(self, full_name: str, role: str | None, affiliation: str | None) -> None:
        """Record what the document says ``full_name`` is; a later mention keeps it."""
        old_role, old_aff = self.roles.get(full_name, (None, None))
        self.roles[full_name] = (role or old_role, affiliation or old_aff)
        if full_name in self.full_names:
            self.full_names.remove(full_name)
        self.full_names.append(full_name)

    def role_of(self, full_name: str) -> tuple[str | None, str | None]:
        return self.roles.get(full_name, (None, None))

    def by_role(self, role_words: str) -> str | None:
        """The latest person whose role ends with the head of ``role_words`` ("the
        minister", "the defence minister" -> the last minister named)."""
        words = role_words.lower().split()
        if not words:
            return None
        for full in reversed(self.full_names):
            given = self.roles.get(full, (None, None))[0] or self.named_roles.get(full)
            role = (given or "").lower().split()
            if role and role[-1] == words[-1] and all(w in role for w in words[:-1]):
                return full
        return None

    def resolve(self, name: str) -> str:
        clean = canonical_name(name, "PERSON")
        parts = clean.split()
        if len(parts) >= 2:
            if clean not in self.full_names:
                self.full_names.append(clean)
            return clean
        for full in reversed(self.full_names):
            if (
                full.split()[-1].lower() == clean.lower()
                or full.split()[0].lower() == clean.lower()
            ):
                return full
        return clean

    def known(self, name: str) -> bool:
        """True when ``name`` is a short form of a full name already seen."""
        clean = canonical_name(name, "PERSON")
        return len(clean.split()) == 1 and self.resolve(clean) != clean

    def last(self) -> str | None:
        return self.full_names[-1] if self.full_names else None


def extract_entities(
    sent: Any, doc_id: str, offset: int, sentence_index: int, people: PersonRegistry
) -> list[Entity]:
    """Entities of one spaCy sentence; ``offset`` is the document offset of its parsed chunk."""
    out = []
    for ent in as_sent(sent).ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        text = ent.text
        start = ent.start_char  # offsets are into the parsed chunk; ``offset`` is its start
        canonical = (
            people.resolve(person_name(ent))
            if ent.label_ == "PERSON"
            else canonical_name(text, ent.label_)
        )
        out.append(
            Entity(
                doc_id=doc_id,
                start=offset + start,
                end=offset + start + len(text),
                text=text,
                label=ent.label_,
                canonical=canonical,
                sentence_index=sentence_index,
            )
        )
    return out
