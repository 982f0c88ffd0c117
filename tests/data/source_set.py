"""Hand-checked sources a reader resolves at once (issue 22): short wire-report and
political-news snippets about invented places and people, each with the document metadata it
needs, the source phrase as written, and the canonical source and kind expected for it.

``None`` as the canonical name: the phrase names no source the document resolves (an
unresolved pronoun, a poll's share with no poll named, "the newspaper" without an outlet);
its kind is then ``unnamed``. A resolved pronoun takes the kind of what it stands for. A role no name resolves ("the governor") stays the role, kind
``person``, as in the attribution set. Classes, each with cases of its own and cases it must not take:
own outlet, "it", role nouns, a document's issuer, poll shares, pronouns.
"""

from __future__ import annotations

from typing import Any

# (text, metadata for Document, source as written, canonical, kind)
Case = tuple[str, dict[str, Any], str, str | None, str]

HERALD = {"outlet": "The Northern Herald"}
DISPATCH = {"outlet": "Valdoria Dispatch"}
WIRE = {"outlet": "Ostland Press Agency"}

OWN_OUTLET: list[Case] = [
    (
        "The newspaper said the mayor of Marsk had resigned.",
        HERALD,
        "The newspaper",
        "Northern Herald",
        "outlet",
    ),
    (
        "The daily reported that 40 homes were flooded in Kettering Vale.",
        HERALD,
        "The daily",
        "Northern Herald",
        "outlet",
    ),
    (
        "The paper said the harbour would reopen on Friday.",
        DISPATCH,
        "The paper",
        "Valdoria Dispatch",
        "outlet",
    ),
    (
        "The broadcaster said its crew had been detained near Orlov.",
        DISPATCH,
        "The broadcaster",
        "Valdoria Dispatch",
        "outlet",
    ),
    (
        "This newspaper reported in March that the contract was never signed.",
        HERALD,
        "This newspaper",
        "Northern Herald",
        "outlet",
    ),
    (
        "The agency said three ferries were cancelled because of the storm.",
        WIRE,
        "The agency",
        "Ostland Press Agency",
        "outlet",
    ),
    (
        "The Herald reported that the bridge at Dunmore was closed.",
        HERALD,
        "The Herald",
        "Northern Herald",
        "outlet",
    ),
    (
        "The Dispatch has learned that the council will vote on Monday.",
        DISPATCH,
        "The Dispatch",
        "Valdoria Dispatch",
        "outlet",
    ),
    # no outlet in the metadata: unattributed, never guessed
    ("The newspaper said the mayor of Marsk had resigned.", {}, "The newspaper", None, "unnamed"),
    ("The daily reported that the mine at Esk had closed.", {}, "The daily", None, "unnamed"),
    # an outlet the document named before is the one it means
    (
        "The Kessel Courier published the letter on Sunday. The newspaper said it had verified "
        "the signatures.",
        HERALD,
        "The newspaper",
        "Kessel Courier",
        "outlet",
    ),
    # a government agency named before: "the agency" is not the wire service
    (
        "The Ostland Water Agency cut supplies to Brenn on Monday. The agency said reservoirs "
        "were at 12 percent.",
        WIRE,
        "The agency",
        "agency",
        "organization",
    ),
    # "the agency" in a newspaper's own text is no outlet of its own
    (
        "The agency said the border crossing at Vell would stay shut.",
        HERALD,
        "The agency",
        "agency",
        "organization",
    ),
]

IT: list[Case] = [
    (
        "The Ostrava Water Authority raised tariffs on Monday. It said costs had doubled.",
        {},
        "It",
        "Ostrava Water Authority",
        "organization",
    ),
    (
        "Although the Kessel Football Federation did not name the club, it said fines would "
        "follow.",
        {},
        "it",
        "Kessel Football Federation",
        "organization",
    ),
    (
        "The Brenn Miners Union called a strike on Tuesday. Talks broke down late at night. It "
        "said members would stay out until pay rose.",
        {},
        "It",
        "Brenn Miners Union",
        "organization",
    ),
    (
        "Harlow Bank cut its forecast on Thursday. It said exports would fall by 3 percent.",
        {},
        "It",
        "Harlow Bank",
        "organization",
    ),
    (
        "The Kessel Courier printed the memo in full. It said the memo was genuine.",
        {},
        "It",
        "Kessel Courier",
        "outlet",
    ),
    (
        "Valdoria's election commission rejected the complaint, and it said the count was lawful.",
        {},
        "it",
        "Valdoria's election commission",
        "organization",
    ),
    # nothing named: unattributed
    ("It said the road to Orlov had reopened.", {}, "It", None, "unnamed"),
    (
        "The storm flattened barns across the valley. It said the road to Orlov had reopened.",
        {},
        "It",
        None,
        "unnamed",
    ),
    # an organisation named long before is too far back
    (
        "The Ostrava Water Authority raised tariffs on Monday. Farmers protested in Brenn. "
        "Rain fell for a week. Prices rose again. It said costs had doubled.",
        {},
        "It",
        None,
        "unnamed",
    ),
    (
        "The flood reached Esk on Monday, and it said the mill would close.",
        {},
        "it",
        None,
        "unnamed",
    ),
]

ROLES: list[Case] = [
    (
        "Jane Roe, the Liberal candidate for governor, toured Marsk on Monday. The candidate "
        "said taxes would fall.",
        {},
        "The candidate",
        "Jane Roe",
        "person",
    ),
    (
        "The candidate of the Green Party, Tomas Vell, spoke in Brenn. The candidate said the "
        "mine should close.",
        {},
        "The candidate",
        "Tomas Vell",
        "person",
    ),
    (
        "Candidate Mira Osk opened an office in Esk. The candidate said she would cut fares.",
        {},
        "The candidate",
        "Mira Osk",
        "person",
    ),
    (
        "Peter Lund, who is running for mayor of Harlow, visited the docks. The candidate said "
        "500 jobs were at risk.",
        {},
        "The candidate",
        "Peter Lund",
        "person",
    ),
    (
        "Defence Minister Arvo Tamm flew to Orlov on Sunday. The minister said the drills would "
        "end on Friday.",
        {},
        "The minister",
        "Arvo Tamm",
        "person",
    ),
    (
        "Senator Ilse Marrow voted against the bill. The senator said it would cost 2 billion "
        "crowns.",
        {},
        "The senator",
        "Ilse Marrow",
        "person",
    ),
    (
        "President Karel Dunn signed the decree in Vell. The president said the curfew would "
        "be lifted.",
        {},
        "The president",
        "Karel Dunn",
        "person",
    ),
    (
        "Governor Tom Aske visited the flooded towns. The governor said 12 people had died.",
        {},
        "The governor",
        "Tom Aske",
        "person",
    ),
    (
        "Anna Brisk, the ministry spokesman, spoke to reporters. The spokesman said 30 people "
        "were detained.",
        {},
        "The spokesman",
        "Anna Brisk",
        "person",
    ),
    (
        "The minister met Governor Tom Aske and Senator Ilse Marrow. The senator said the talks "
        "went well.",
        {},
        "The senator",
        "Ilse Marrow",
        "person",
    ),
    # no one named with that role: the role itself, never someone else
    ("The candidate said taxes would fall.", {}, "The candidate", "candidate", "person"),
    (
        "Defence Minister Arvo Tamm flew to Orlov. The candidate said the drills were a stunt.",
        {},
        "The candidate",
        "candidate",
        "person",
    ),
    ("The governor said the dam at Esk had held.", {}, "The governor", "governor", "person"),
    (
        "Jane Roe, the Liberal candidate, toured Marsk. The minister said the visit was unhelpful.",
        {},
        "The minister",
        "minister",
        "person",
    ),
]

ISSUER: list[Case] = [
    (
        "Figures released by the Broadcasters Audience Research Board showed that 4 million "
        "people watched the debate.",
        {},
        "Figures released by the Broadcasters Audience Research Board",
        "Broadcasters Audience Research Board",
        "document",
    ),
    (
        "According to data from the Valdorian Statistics Office, exports fell 3 percent.",
        {},
        "data from the Valdorian Statistics Office",
        "Valdorian Statistics Office",
        "document",
    ),
    (
        "Statistics published by the Kessel Labour Bureau show that 9,000 jobs were lost.",
        {},
        "Statistics published by the Kessel Labour Bureau",
        "Kessel Labour Bureau",
        "document",
    ),
    (
        "A report by the Harlow Institute found that rents rose 14 percent.",
        {},
        "A report by the Harlow Institute",
        "Harlow Institute",
        "document",
    ),
    (
        "A survey conducted by the Brenn Chamber of Commerce found that 60 firms had cut staff.",
        {},
        "A survey conducted by the Brenn Chamber of Commerce",
        "Brenn Chamber of Commerce",
        "document",
    ),
    (
        "Data compiled by the Ostland Road Safety Council show that 212 people died on the roads.",
        {},
        "Data compiled by the Ostland Road Safety Council",
        "Ostland Road Safety Council",
        "document",
    ),
    (
        "A Gallup poll found that 48 percent of Valdorians trust the courts.",
        {},
        "A Gallup poll",
        "Gallup",
        "document",
    ),
    (
        "According to figures from the Marsk Health Board, 31 patients were treated.",
        {},
        "figures from the Marsk Health Board",
        "Marsk Health Board",
        "document",
    ),
    # no issuer named: the document as it is
    ("The report said the harbour wall was unsafe.", {}, "The report", "report", "document"),
    (
        "Figures released on Monday showed that 4,000 homes lost power.",
        {},
        "Figures released on Monday",
        "Figures",
        "document",
    ),
]

POLL_SHARES: list[Case] = [
    (
        "A Gallup poll released on Tuesday found support for the plan rising. Seventy-five "
        "percent of all voters said the economy was the top issue.",
        {},
        "Seventy-five percent of all voters",
        "Gallup",
        "document",
    ),
    (
        "In a poll by the Harlow Institute, 75 percent of all voters said the economy mattered "
        "most.",
        {},
        "75 percent of all voters",
        "Harlow Institute",
        "document",
    ),
    (
        "75 percent of all voters said the economy mattered most.",
        {},
        "75 percent of all voters",
        None,
        "unnamed",
    ),
    (
        "A majority of respondents said they opposed the new tax.",
        {},
        "A majority of respondents",
        None,
        "unnamed",
    ),
    (
        "Two-thirds of Republicans said they backed the bill.",
        {},
        "Two-thirds of Republicans",
        None,
        "unnamed",
    ),
    (
        "About eight in 10 voters said the country was on the wrong track.",
        {},
        "About eight in 10 voters",
        None,
        "unnamed",
    ),
    (
        "Just 9 percent of voters said they trusted the council.",
        {},
        "Just 9 percent of voters",
        None,
        "unnamed",
    ),
    ("Half of those asked said fares were too high.", {}, "Half of those asked", None, "unnamed"),
    (
        "In the Kessel Courier survey, 42 percent of respondents said they would move abroad.",
        {},
        "42 percent of respondents",
        "Kessel Courier",
        "document",
    ),
    (
        "The poll found that rents had risen. 61% of tenants said they could not pay.",
        {},
        "61% of tenants",
        None,
        "unnamed",
    ),
    # counts of people are sources, not a poll's share
    (
        "Three officials said the talks had stalled.",
        {},
        "Three officials",
        "Three officials",
        "unnamed",
    ),
    (
        "Two witnesses said the convoy came under fire near Orlov.",
        {},
        "Two witnesses",
        "Two witnesses",
        "unnamed",
    ),
]

PRONOUNS: list[Case] = [
    (
        "Marta Kell, the mayor of Esk, visited the dam. She said it would hold.",
        {},
        "She",
        "Marta Kell",
        "person",
    ),
    (
        "Tomas Vell spoke in Brenn on Monday. He said the mine should close.",
        {},
        "He",
        "Tomas Vell",
        "person",
    ),
    ("He said the road to Orlov was closed.", {}, "He", None, "unnamed"),
    ("She said 14 people were hurt.", {}, "She", None, "unnamed"),
    (
        "The governor said the levee broke at dawn. He said 12 people died.",
        {},
        "He",
        "governor",
        "person",
    ),
    (
        "Opposition lawmakers walked out on Monday, the speaker said. They said the vote was "
        "rigged.",
        {},
        "They",
        None,
        "unnamed",
    ),
    (
        "Opposition lawmakers said the count was flawed. They said the vote was rigged.",
        {},
        "They",
        "Opposition lawmakers",
        "other",
    ),
    (
        "Residents of Marsk said the water was brown. They said no one had warned them.",
        {},
        "They",
        "Residents of Marsk",
        "unnamed",
    ),
    ("They said the road was closed.", {}, "They", None, "unnamed"),
    (
        "“I saw the tanks at dawn,” Lena Orr said. “I counted 14,” she said.",
        {},
        "she",
        "Lena Orr",
        "person",
    ),
    (
        "I went to Marsk in May, and I said then that the dam would fail.",
        {"author": "Pia Strand"},
        "I",
        "Pia Strand",
        "person",
    ),
    ("I said then that the dam would fail.", {}, "I", None, "unnamed"),
    ("You said the dam would fail.", {}, "You", None, "unnamed"),
    ("We said in May that the dam would fail.", {}, "We", None, "unnamed"),
]

CASES: list[Case] = OWN_OUTLET + IT + ROLES + ISSUER + POLL_SHARES + PRONOUNS
