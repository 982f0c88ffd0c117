"""Short documents in wire, statement and advocacy style about invented places (Varnek,
Orlesk, Eastmark, Tovrin, Drusk, Kelmar, Pelsk, Mirova, Halvik, Belmora: names the gazetteer
lacks, so places compare by their text), with invented figures, and what linking must make of
them: the groups of figures that state one measure, and for pairs of figures the relation
``compare`` must give (``consistent``, ``update``, ``contradiction``, or None where they are
not one measure), each with the class of case it stands for.

A figure is named ``"doc:text"``: the document's name and the figure's text as extraction
gives it (unique within its document)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkDoc:
    name: str
    published: str
    text: str


DOCS: tuple[LinkDoc, ...] = (
    # A: one strike, one day, several sources (a daily count)
    LinkDoc(
        "a1",
        "2026-03-10",
        "19 civilians were killed in Varnek on Tuesday, the regional health ministry said. "
        "Rescue teams were still searching the rubble.",
    ),
    LinkDoc(
        "a2",
        "2026-03-10",
        "4 civilians were killed in Varnek on Tuesday, the army said in a statement, "
        "blaming the damage on a misfired interceptor.",
    ),
    LinkDoc(
        "a3",
        "2026-03-11",
        "At least 19 civilians were killed in Varnek on Tuesday, officials said.",
    ),
    LinkDoc(
        "a4",
        "2026-03-11",
        "Between 15 and 25 civilians were killed in Varnek on Tuesday, a rights group said, "
        "citing hospital records.",
    ),
    LinkDoc(
        "a5",
        "2026-03-11",
        "Nineteen people were killed in Varnek on Tuesday, the hospital director said. "
        "At least 7 children were killed in Varnek on Tuesday, she added.",
    ),
    LinkDoc(
        "a6",
        "2026-03-11",
        "4 civilians were killed in Varnek on Wednesday, the regional health ministry said.",
    ),
    LinkDoc(
        "a7",
        "2026-03-10",
        "Four civilians were killed in Tovrin on Tuesday, the army said.",
    ),
    LinkDoc(
        "a8",
        "2026-03-11",
        "Dozens were killed in Varnek on Tuesday, a local activist wrote online.",
    ),
    # B: soldiers wounded near Orlesk on Monday; another day, another town, a part and a whole
    LinkDoc(
        "b1",
        "2026-03-09",
        "Twelve soldiers were wounded near Orlesk on Monday, the defence ministry said.",
    ),
    LinkDoc(
        "b2",
        "2026-03-10",
        "30 soldiers were wounded near Orlesk on Monday, a military blogger claimed.",
    ),
    LinkDoc(
        "b3",
        "2026-03-10",
        "Eight soldiers were wounded near Orlesk on Tuesday, the defence ministry said.",
    ),
    LinkDoc(
        "b4",
        "2026-03-10",
        "Twelve soldiers were wounded near Kelmar on Monday, the defence ministry said.",
    ),
    LinkDoc(
        "b5",
        "2026-03-10",
        "Five people were wounded near Orlesk on Monday, local officials said.",
    ),
    LinkDoc(
        "b6",
        "2026-03-10",
        "Up to 15 soldiers were wounded near Orlesk on Monday, the brigade said.",
    ),
    LinkDoc(
        "b7",
        "2026-03-12",
        "Eight soldiers were wounded near Orlesk on Wednesday, the defence ministry said.",
    ),
    # C: people displaced in Eastmark since January (a cumulative count)
    LinkDoc(
        "c1",
        "2026-03-02",
        "About 100,000 people have been displaced in Eastmark since January, "
        "the UN refugee agency said.",
    ),
    LinkDoc(
        "c2",
        "2026-03-09",
        "Some 150,000 people have been displaced in Eastmark since January, the UN said "
        "on Monday, as fighting spread to the south.",
    ),
    LinkDoc(
        "c3",
        "2026-03-12",
        "80,000 people have been displaced in Eastmark since January, "
        "a government spokesman said, accusing aid agencies of inflating the figures.",
    ),
    LinkDoc(
        "c4",
        "2026-03-12",
        "More than 140,000 people have fled their homes in Eastmark since January, "
        "an aid agency said.",
    ),
    LinkDoc(
        "c5",
        "2026-03-12",
        "Some 30,000 people have been displaced in Eastmark since March 1, the UN said.",
    ),
    LinkDoc(
        "c6",
        "2026-03-12",
        "About 150,000 people have been displaced in Tovrin since January, the UN said.",
    ),
    # D: a death toll that rises (and once falls)
    LinkDoc(
        "d1",
        "2026-03-03",
        "The death toll in Halvik rose to 23 on Tuesday, the health ministry said.",
    ),
    LinkDoc(
        "d2",
        "2026-03-06",
        "The death toll in Halvik has risen to 31, officials said on Friday.",
    ),
    LinkDoc(
        "d3",
        "2026-03-08",
        "The death toll in Halvik stood at 27 on Sunday, the army said.",
    ),
    LinkDoc(
        "d4",
        "2026-03-06",
        "The death toll in Kelmar has risen to 12, officials said on Friday.",
    ),
    LinkDoc(
        "d5",
        "2026-03-06",
        "At least 30 people have been killed in Halvik so far, a medical charity said on Friday.",
    ),
    # E: money per day and per month
    LinkDoc(
        "e1",
        "2026-03-04",
        "The war in Belmora is costing $150 million per day, the finance ministry said.",
    ),
    LinkDoc(
        "e2",
        "2026-03-04",
        "The war in Belmora is costing $4.5 billion a month, an opposition economist said.",
    ),
    LinkDoc(
        "e3",
        "2026-03-04",
        "The war in Belmora is costing $1.05 billion a week, a think tank estimated.",
    ),
    LinkDoc(
        "e4",
        "2026-03-04",
        "The war in Belmora is costing only $50 million per day, a government adviser said.",
    ),
    LinkDoc(
        "e5",
        "2026-03-11",
        "The war in Belmora is now costing $200 million per day, the finance ministry said.",
    ),
    LinkDoc(
        "e6",
        "2026-03-04",
        "The war in Mirova is costing $150 million per day, the central bank said.",
    ),
    LinkDoc(
        "e7",
        "2026-03-04",
        "The war in Belmora has cost $2 billion since January, the finance ministry said.",
    ),
    # F: arrests after a protest, with vague amounts
    LinkDoc(
        "f1",
        "2026-03-07",
        "More than 300 people were detained in Drusk on Saturday, a rights group said.",
    ),
    LinkDoc(
        "f2",
        "2026-03-08",
        "Dozens were detained in Drusk on Saturday, police said.",
    ),
    LinkDoc(
        "f3",
        "2026-03-08",
        "Hundreds were detained in Drusk on Saturday, witnesses said.",
    ),
    LinkDoc(
        "f4",
        "2026-03-08",
        "About 45 people were arrested in Drusk on Saturday, the interior ministry said.",
    ),
    LinkDoc(
        "f5",
        "2026-03-09",
        "More than 300 people were detained in Drusk on Sunday, a rights group said.",
    ),
    # G: aid trucks, per day and per month
    LinkDoc(
        "g1",
        "2026-03-11",
        "Nearly 20 aid trucks arrived in Orlesk on Wednesday, the UN said.",
    ),
    LinkDoc(
        "g2",
        "2026-03-11",
        "17 aid trucks arrived in Orlesk on Wednesday, the border authority said.",
    ),
    LinkDoc(
        "g3",
        "2026-03-12",
        "Only 6 aid trucks arrived in Orlesk on Wednesday, an aid group said.",
    ),
    LinkDoc(
        "g4",
        "2026-03-12",
        "Some 40 aid trucks a day are arriving in Pelsk, the UN said.",
    ),
    LinkDoc(
        "g5",
        "2026-03-12",
        "About 1,200 aid trucks a month are arriving in Pelsk, the border authority said.",
    ),
    LinkDoc(
        "g6",
        "2026-03-12",
        "250 aid trucks have arrived in Pelsk since March 1, the UN said.",
    ),
    LinkDoc(
        "g7",
        "2026-03-12",
        "35 aid trucks arrived in Pelsk on Wednesday, the border authority said.",
    ),
    # H: houses destroyed so far, journalists detained in a month
    LinkDoc(
        "h1",
        "2026-03-05",
        "Some 2,000 houses have been destroyed in Mirova so far, the housing ministry said.",
    ),
    LinkDoc(
        "h2",
        "2026-03-12",
        "2,400 houses have been destroyed in Mirova so far, the housing ministry said.",
    ),
    LinkDoc(
        "h3",
        "2026-03-03",
        "In February, 14 journalists were detained in Pelsk, a media watchdog said.",
    ),
    LinkDoc(
        "h4",
        "2026-03-04",
        "In February, 14 journalists were detained in Pelsk, the union of journalists said.",
    ),
    LinkDoc(
        "h5",
        "2026-02-03",
        "In January, 9 journalists were detained in Pelsk, a media watchdog said.",
    ),
    LinkDoc(
        "h6",
        "2026-03-05",
        "In February, 3 journalists were detained in Pelsk, the interior ministry said.",
    ),
    # I: figures that are no measure to link
    LinkDoc(
        "i1",
        "2026-03-05",
        "The 45-year-old mayor of Varnek has held the post since 2019. "
        "The 3rd brigade left Varnek in 2025.",
    ),
    LinkDoc(
        "i2",
        "2026-03-05",
        "Turnout in Pelsk was 61% on Sunday, the election commission said.",
    ),
)

# The groups of figures that state one measure of one place and time (bucket): each must be
# a group of exactly these members.
GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "civilians killed in Varnek on Tuesday",
        frozenset({"a1:19", "a2:4", "a3:At least 19", "a4:Between 15 and 25"}),
    ),
    ("people killed in Varnek on Tuesday", frozenset({"a5:Nineteen", "a8:Dozens"})),
    ("soldiers wounded near Orlesk on Monday", frozenset({"b1:Twelve", "b2:30", "b6:Up to 15"})),
    (
        "people displaced in Eastmark since January",
        frozenset({"c1:About 100,000", "c2:Some 150,000", "c3:80,000", "c4:More than 140,000"}),
    ),
    (
        "people killed in Halvik, a toll",
        frozenset({"d1:23", "d2:31", "d3:27", "d5:At least 30"}),
    ),
    (
        "the war's cost in Belmora per day",
        frozenset(
            {
                "e1:$150 million per day",
                "e2:$4.5 billion a month",
                "e3:$1.05 billion a week",
                "e4:$50 million per day",
                "e5:$200 million per day",
            }
        ),
    ),
    (
        "people detained in Drusk on Saturday",
        frozenset({"f1:More than 300", "f2:Dozens", "f3:Hundreds", "f4:About 45"}),
    ),
    ("aid trucks in Orlesk on Wednesday", frozenset({"g1:Nearly 20", "g2:17", "g3:6"})),
    ("aid trucks per day in Pelsk", frozenset({"g4:Some 40", "g5:About 1,200"})),
    ("houses destroyed in Mirova so far", frozenset({"h1:Some 2,000", "h2:2,400"})),
    ("journalists detained in Pelsk in February", frozenset({"h3:14", "h4:14", "h6:3"})),
)

# Classes of pairs; each relation case names one.
SAME_DAY_DISAGREE = "same place and day, disjoint intervals"
SAME_DAY_AGREE = "same place and day, overlapping intervals"
BOUND_AND_INSIDE = "a bound and a figure inside it"
VAGUE = "a vague amount against a figure"
PART_WHOLE = "a part against its whole"
OTHER_PLACE = "different places"
OTHER_DAY = "different days of a daily measure"
OTHER_PERIOD = "different periods"
OTHER_START = "cumulative counts from different starts"
RATE_EQUIVALENT = "a rate and its per-week or per-month equivalent"
RATE_VS_TOTAL = "a rate against a total or a daily count"
CUMULATIVE_RISE = "a cumulative count that grows"
CUMULATIVE_FALL = "a cumulative count that falls"
RATE_CHANGE = "a rate at a later date"

# (figure, figure, the relation compare must give, the class of the case)
RELATIONS: tuple[tuple[str, str, str | None, str], ...] = (
    ("a1:19", "a2:4", "contradiction", SAME_DAY_DISAGREE),
    ("a2:4", "a3:At least 19", "contradiction", SAME_DAY_DISAGREE),
    ("a2:4", "a4:Between 15 and 25", "contradiction", SAME_DAY_DISAGREE),
    ("b1:Twelve", "b2:30", "contradiction", SAME_DAY_DISAGREE),
    ("b2:30", "b6:Up to 15", "contradiction", SAME_DAY_DISAGREE),
    ("e1:$150 million per day", "e4:$50 million per day", "contradiction", SAME_DAY_DISAGREE),
    ("g1:Nearly 20", "g3:6", "contradiction", SAME_DAY_DISAGREE),
    ("g2:17", "g3:6", "contradiction", SAME_DAY_DISAGREE),
    ("h3:14", "h6:3", "contradiction", SAME_DAY_DISAGREE),
    ("h4:14", "h6:3", "contradiction", SAME_DAY_DISAGREE),
    ("e2:$4.5 billion a month", "e4:$50 million per day", "contradiction", SAME_DAY_DISAGREE),
    ("e3:$1.05 billion a week", "e4:$50 million per day", "contradiction", SAME_DAY_DISAGREE),
    ("h3:14", "h4:14", "consistent", SAME_DAY_AGREE),
    ("a1:19", "a3:At least 19", "consistent", BOUND_AND_INSIDE),
    ("a1:19", "a4:Between 15 and 25", "consistent", BOUND_AND_INSIDE),
    ("a3:At least 19", "a4:Between 15 and 25", "consistent", BOUND_AND_INSIDE),
    ("b1:Twelve", "b6:Up to 15", "consistent", BOUND_AND_INSIDE),
    ("g1:Nearly 20", "g2:17", "consistent", BOUND_AND_INSIDE),
    ("c2:Some 150,000", "c4:More than 140,000", "consistent", BOUND_AND_INSIDE),
    ("d2:31", "d5:At least 30", "consistent", BOUND_AND_INSIDE),
    ("f1:More than 300", "f3:Hundreds", "consistent", BOUND_AND_INSIDE),
    ("f2:Dozens", "f4:About 45", "consistent", VAGUE),
    ("a5:Nineteen", "a8:Dozens", "contradiction", VAGUE),
    ("f1:More than 300", "f2:Dozens", "contradiction", VAGUE),
    ("f2:Dozens", "f3:Hundreds", "contradiction", VAGUE),
    ("f3:Hundreds", "f4:About 45", "contradiction", VAGUE),
    ("f1:More than 300", "f4:About 45", "contradiction", SAME_DAY_DISAGREE),
    ("a1:19", "a5:Nineteen", "consistent", PART_WHOLE),
    ("a2:4", "a5:Nineteen", "consistent", PART_WHOLE),
    ("a5:At least 7", "a5:Nineteen", "consistent", PART_WHOLE),
    ("b1:Twelve", "b5:Five", "contradiction", PART_WHOLE),
    ("b2:30", "b5:Five", "contradiction", PART_WHOLE),
    ("b6:Up to 15", "b5:Five", "consistent", PART_WHOLE),
    ("a1:19", "a7:Four", None, OTHER_PLACE),
    ("a2:4", "a7:Four", None, OTHER_PLACE),
    ("b1:Twelve", "b4:Twelve", None, OTHER_PLACE),
    ("b2:30", "b4:Twelve", None, OTHER_PLACE),
    ("c2:Some 150,000", "c6:About 150,000", None, OTHER_PLACE),
    ("c3:80,000", "c6:About 150,000", None, OTHER_PLACE),
    ("d2:31", "d4:12", None, OTHER_PLACE),
    ("e1:$150 million per day", "e6:$150 million per day", None, OTHER_PLACE),
    ("e4:$50 million per day", "e6:$150 million per day", None, OTHER_PLACE),
    ("g1:Nearly 20", "g4:Some 40", None, OTHER_PLACE),
    ("a1:19", "a6:4", None, OTHER_DAY),
    ("a3:At least 19", "a6:4", None, OTHER_DAY),
    ("b1:Twelve", "b3:Eight", None, OTHER_DAY),
    ("b2:30", "b3:Eight", None, OTHER_DAY),
    ("b3:Eight", "b7:Eight", None, OTHER_DAY),
    ("f1:More than 300", "f5:More than 300", None, OTHER_DAY),
    ("f2:Dozens", "f5:More than 300", None, OTHER_DAY),
    ("h3:14", "h5:9", None, OTHER_PERIOD),
    ("h6:3", "h5:9", None, OTHER_PERIOD),
    ("c1:About 100,000", "c5:Some 30,000", None, OTHER_START),
    ("c3:80,000", "c5:Some 30,000", None, OTHER_START),
    ("e1:$150 million per day", "e2:$4.5 billion a month", "consistent", RATE_EQUIVALENT),
    ("e1:$150 million per day", "e3:$1.05 billion a week", "consistent", RATE_EQUIVALENT),
    ("e2:$4.5 billion a month", "e3:$1.05 billion a week", "consistent", RATE_EQUIVALENT),
    ("g4:Some 40", "g5:About 1,200", "consistent", RATE_EQUIVALENT),
    ("e1:$150 million per day", "e7:$2 billion", None, RATE_VS_TOTAL),
    ("g4:Some 40", "g6:250", None, RATE_VS_TOTAL),
    ("g4:Some 40", "g7:35", None, RATE_VS_TOTAL),
    ("g5:About 1,200", "g6:250", None, RATE_VS_TOTAL),
    ("c1:About 100,000", "c2:Some 150,000", "update", CUMULATIVE_RISE),
    ("c1:About 100,000", "c4:More than 140,000", "update", CUMULATIVE_RISE),
    ("d1:23", "d2:31", "update", CUMULATIVE_RISE),
    ("d1:23", "d3:27", "update", CUMULATIVE_RISE),
    ("d1:23", "d5:At least 30", "update", CUMULATIVE_RISE),
    ("h1:Some 2,000", "h2:2,400", "update", CUMULATIVE_RISE),
    ("c2:Some 150,000", "c3:80,000", "contradiction", CUMULATIVE_FALL),
    ("c1:About 100,000", "c3:80,000", "contradiction", CUMULATIVE_FALL),
    ("d2:31", "d3:27", "contradiction", CUMULATIVE_FALL),
    ("d3:27", "d5:At least 30", "contradiction", CUMULATIVE_FALL),
    ("c3:80,000", "c4:More than 140,000", "contradiction", SAME_DAY_DISAGREE),
    ("e1:$150 million per day", "e5:$200 million per day", "update", RATE_CHANGE),
    ("e2:$4.5 billion a month", "e5:$200 million per day", "update", RATE_CHANGE),
    ("e4:$50 million per day", "e5:$200 million per day", "update", RATE_CHANGE),
)

# Figures that state no measure worth linking (an age, a year, an ordinal, a share without
# its subject, money that is not a rate); a figure listed here may also be left out by
# extraction itself.
UNLINKED: tuple[str, ...] = (
    "i1:45-year-old",
    "i1:2019",
    "i1:3rd",
    "i1:2025",
    "i2:61%",
    "e7:$2 billion",
)

# Classes of pairs that must never be a contradiction.
NEVER_CONTRADICTED = (OTHER_PLACE, OTHER_DAY, RATE_EQUIVALENT, BOUND_AND_INSIDE)
