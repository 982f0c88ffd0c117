"""A quantity being built: the typed record passed between the extraction steps.

Every step that finds or reshapes a figure works on a ``Candidate``; the last step turns
each one into a ``claimledger.model.Quantity``. ``rule`` names the rule that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.model import Change

# Every rule name a quantity may carry, with the module that applies it.
RULES = {
    "number": "atoms: a bare number, a count ('500 people')",
    "number_with_unit": "atoms: a number with its unit ('300 metres')",
    "currency_amount": "atoms: an amount of money ('$2.4 billion', '45 cents')",
    "percent": "atoms: a percentage ('4.5%')",
    "scientific_notation": "atoms: a number times a power of ten ('4.2×10−12 kg')",
    "age_apposition": "atoms: an age between commas after a name ('Ahmed Saleh, 34,') or "
    "after 'aged' ('aged 19 and 23')",
    "rate_per": "atoms, counted: a figure per unit ('40 litres per minute', '3,000 tests a day')",
    "range_from_to": "combine: 'range from 30,000 to 40,000', no verb of change",
    "change_from_to": "combine: 'rose from 4% to 11%'",
    "range_between": "combine: 'between 5 and 10'",
    "range_dash": "combine: '5-10'",
    "range_to": "combine: '5 to 10'",
    "range_or": "combine: 'two or three'",
    "range_slash": "combine: two amounts with their units split by a slash ('$7/$9')",
    "change_range": "combine: a range of a change ('fell by 2 to 3 points')",
    "change_by": "combine: a change after a verb of change ('rose 4%', 'fell by 3')",
    "change_signed": "combine: a change written with its sign ('+5%')",
    "fraction_of": "fractions: 'a third of', 'half of', '1/8 of'",
    "share_one_in": "fractions: 'one in five', 'two out of ten'",
    "vague_amount": "vague: 'dozens', 'hundreds of thousands'",
    "conversion": "conversions: a bracketed restatement taking its figure's bound or change",
    "level_after_change": "levels: the level a change reaches ('rose 12 sen to RM4.10')",
}


@dataclass
class Candidate:
    start: int  # offsets into the sentence text
    end: int
    value: float | None
    unit: str  # a canonical unit, "count", or "vague" for vague amounts until the end
    bound: str  # exact, range, vague, more_than, at_least, less_than, at_most, approx
    lower: float | None
    upper: float | None
    rule: str
    per: str | None = None
    change: Change | None = None
    counted_at: tuple[int, int] | None = None  # where to look for the counted noun instead

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def exact(
    start: int, end: int, value: float | None, unit: str, rule: str, per: str | None = None
) -> Candidate:
    """A figure stated exactly: its value is both bounds."""
    return Candidate(start, end, value, unit, "exact", value, value, rule, per=per)


def set_bound(q: Candidate, bound: str) -> None:
    """Bound a single figure as an approximator says: lower, upper or neither."""
    if bound in ("more_than", "at_least"):
        q.bound, q.lower, q.upper = bound, q.value, None
    elif bound in ("less_than", "at_most"):
        q.bound, q.lower, q.upper = bound, None, q.value
    else:
        q.bound, q.lower, q.upper = "approx", None, None
