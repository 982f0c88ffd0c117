"""Time expressions, hand-checked against the calendar, for ``claimledger.extract.times``.

Each case: (sentence, document date or None, future-tense hint, [expected record, ...]); a
record is (time_text, time_start, time_end, time_kind, time_anchor). Invented wire-report,
statement and advocacy sentences about made-up places.

Document dates used (weekday in brackets):
A 2024-03-07 (Thu), B 2024-05-14 (Tue), C 2025-01-02 (Thu), D 2024-02-29 (Thu, leap day),
E 2023-12-31 (Sun), F 2025-06-30 (Mon).
"""

from __future__ import annotations

T = tuple[str, str | None, str | None, str, str | None]
Case = tuple[str, str | None, bool, list[T]]

A, B, C, D, E, F = (
    "2024-03-07",
    "2024-05-14",
    "2025-01-02",
    "2024-02-29",
    "2023-12-31",
    "2025-06-30",
)

WIRE: list[Case] = [
    # weekdays: the most recent such day on or before the document's date
    (
        "Shelling hit Varnek on Tuesday, the regional governor said.",
        A,
        False,
        [("on Tuesday", "2024-03-05", "2024-03-05", "day", A)],
    ),
    (
        "The Tolvian defence ministry said on Thursday that two drones were downed.",
        A,
        False,
        [("on Thursday", A, A, "day", A)],
    ),
    (
        "Officials in Brask said Friday the road had reopened.",
        A,
        False,
        [("Friday", "2024-03-01", "2024-03-01", "day", A)],
    ),
    (
        "Three people were wounded late on Monday night in Kessa.",
        A,
        False,
        [("on Monday night", "2024-03-04", "2024-03-04", "day", A)],
    ),
    (
        "The convoy was attacked last Thursday near Ostrel.",
        A,
        False,
        [("last Thursday", "2024-02-29", "2024-02-29", "day", A)],
    ),
    (
        "Talks resumed last Wednesday in the border town.",
        A,
        False,
        [("last Wednesday", "2024-03-06", "2024-03-06", "day", A)],
    ),
    (
        "Police in Brask said on Tuesday they had arrested four men.",
        B,
        False,
        [("on Tuesday", B, B, "day", B)],
    ),
    (
        "The strike on Sunday killed no one, the army said.",
        B,
        False,
        [("on Sunday", "2024-05-12", "2024-05-12", "day", B)],
    ),
    (
        "Turnout in Sunday's vote was low, the commission said.",
        B,
        False,
        [("Sunday", "2024-05-12", "2024-05-12", "day", B)],
    ),
    (
        "Officials said Wednesday's attack was the worst this year.",
        B,
        False,
        [
            ("Wednesday", "2024-05-08", "2024-05-08", "day", B),
            ("this year", "2024-01-01", "2024-12-31", "period", B),
        ],
    ),
    (
        "Since Monday, 300 people have left Ostrel.",
        B,
        False,
        [("Since Monday", "2024-05-13", B, "since", B)],
    ),
    (
        "The monitors counted 12 drones last Tuesday.",
        B,
        False,
        [("last Tuesday", "2024-05-07", "2024-05-07", "day", B)],
    ),
    (
        "The agency said on Monday that aid had resumed.",
        C,
        False,
        [("on Monday", "2024-12-30", "2024-12-30", "day", C)],
    ),
    ("On Sunday the militia withdrew from Kessa.", E, False, [("On Sunday", E, E, "day", E)]),
    (
        "On Friday, the agency said, 14 trucks entered Varnek.",
        F,
        False,
        [("On Friday", "2025-06-27", "2025-06-27", "day", F)],
    ),
    (
        "The offensive began on Saturday night, residents said.",
        F,
        False,
        [("on Saturday night", "2025-06-28", "2025-06-28", "day", F)],
    ),
    (
        "The statement, issued on Wednesday, condemned the arrests.",
        B,
        False,
        [("on Wednesday", "2024-05-08", "2024-05-08", "day", B)],
    ),
    (
        "In a statement on Friday, the Eastmark Front said 20 fighters had joined.",
        B,
        False,
        [("on Friday", "2024-05-10", "2024-05-10", "day", B)],
    ),
    (
        "Monday marked 100 days since the siege began.",
        B,
        False,
        [("Monday", "2024-05-13", "2024-05-13", "day", B)],
    ),
    ("The tribunal sat from 9 a.m. on Tuesday.", B, False, [("on Tuesday", B, B, "day", B)]),
    (
        "The border was closed on Thursday morning, the guards said.",
        D,
        False,
        [("on Thursday morning", D, D, "day", D)],
    ),
    (
        "A shell struck the school on Wednesday afternoon.",
        D,
        False,
        [("on Wednesday afternoon", "2024-02-28", "2024-02-28", "day", D)],
    ),
    # days named by words
    (
        "Yesterday the council voted to extend the curfew.",
        A,
        False,
        [("Yesterday", "2024-03-06", "2024-03-06", "day", A)],
    ),
    (
        "The blast was heard overnight across Lundra.",
        A,
        False,
        [("overnight", "2024-03-06", A, "period", A)],
    ),
    (
        "This morning the sirens sounded twice in Varnek.",
        A,
        False,
        [("This morning", A, A, "day", A)],
    ),
    ("The sirens sounded twice this afternoon.", B, False, [("this afternoon", B, B, "day", B)]),
    (
        "The sirens sounded late last night in the old town.",
        B,
        False,
        [("late last night", "2024-05-13", "2024-05-13", "day", B)],
    ),
    (
        "Two soldiers were killed yesterday morning near Halvar.",
        C,
        False,
        [("yesterday morning", "2025-01-01", "2025-01-01", "day", C)],
    ),
    (
        "Officials said today that the bridge had been repaired.",
        E,
        False,
        [("today", E, E, "day", E)],
    ),
    (
        "Earlier today the militia released five hostages.",
        F,
        False,
        [("Earlier today", F, F, "day", F)],
    ),
    (
        "Drones attacked the grid overnight, cutting power to Kessa.",
        E,
        False,
        [("overnight", "2023-12-30", E, "period", E)],
    ),
    # calendar weeks, months and years
    (
        "Ceasefire monitors reported 40 violations last week.",
        A,
        False,
        [("last week", "2024-02-26", "2024-03-03", "period", A)],
    ),
    (
        "The port handled fewer ships this week than last month.",
        A,
        False,
        [
            ("this week", "2024-03-04", "2024-03-10", "period", A),
            ("last month", "2024-02-01", "2024-02-29", "period", A),
        ],
    ),
    (
        "The ministry said it had spent 12 million on repairs this year.",
        A,
        False,
        [("this year", "2024-01-01", "2024-12-31", "period", A)],
    ),
    (
        "Last year was the deadliest since 2014, the group said.",
        C,
        False,
        [
            ("Last year", "2024-01-01", "2024-12-31", "period", C),
            ("since 2014", "2014-01-01", C, "since", C),
        ],
    ),
    (
        "Last month the border crossings were closed.",
        C,
        False,
        [("Last month", "2024-12-01", "2024-12-31", "period", C)],
    ),
    (
        "Last week the council met twice.",
        C,
        False,
        [("Last week", "2024-12-23", "2024-12-29", "period", C)],
    ),
    ("This week the port reopened.", E, False, [("This week", "2023-12-25", E, "period", E)]),
    (
        "The airport was shut for three days last week.",
        B,
        False,
        [("last week", "2024-05-06", "2024-05-12", "period", B)],
    ),
    (
        "Earlier this month, the camp grew to 3,000 people.",
        A,
        False,
        [("Earlier this month", "2024-03-01", A, "period", A)],
    ),
    (
        "Earlier this week, monitors reported heavy shelling.",
        B,
        False,
        [("Earlier this week", "2024-05-13", B, "period", B)],
    ),
    (
        "Earlier this year the ministry counted 18 attacks on clinics.",
        B,
        False,
        [("Earlier this year", "2024-01-01", B, "period", B)],
    ),
    (
        "Late last year the militia seized the depot.",
        A,
        False,
        [("Late last year", "2023-09-01", "2023-12-31", "approximate", A)],
    ),
    (
        "The dam was breached early last month, engineers said.",
        B,
        False,
        [("early last month", "2024-04-01", "2024-04-10", "approximate", B)],
    ),
    (
        "Exports slumped in the second half of last year.",
        A,
        False,
        [("in the second half of last year", "2023-07-01", "2023-12-31", "period", A)],
    ),
    (
        "The first half of the year saw 200 incidents.",
        F,
        False,
        [("The first half of the year", "2025-01-01", F, "period", F)],
    ),
    (
        "Since the beginning of the year, exports have halved.",
        B,
        False,
        [("Since the beginning of the year", "2024-01-01", B, "since", B)],
    ),
    (
        "Talks stalled at the end of last month.",
        B,
        False,
        [("at the end of last month", "2024-04-21", "2024-04-30", "approximate", B)],
    ),
    # rolling periods
    (
        "Food prices in Eastmark rose 40% over the past year.",
        A,
        False,
        [("over the past year", "2023-03-07", A, "period", A)],
    ),
    (
        "The agency said 1,200 people crossed the border in the past 24 hours.",
        A,
        False,
        [("in the past 24 hours", "2024-03-06", A, "period", A)],
    ),
    (
        "In the last three months, 15 aid workers were detained.",
        A,
        False,
        [("In the last three months", "2023-12-07", A, "period", A)],
    ),
    (
        "Over the past decade the valley lost half its people.",
        C,
        False,
        [("Over the past decade", "2015-01-02", C, "period", C)],
    ),
    (
        "Over the past year, 50 schools were damaged.",
        D,
        False,
        [("Over the past year", "2023-02-28", D, "period", D)],
    ),
    (
        "The regime has jailed 400 activists over the past five years.",
        F,
        False,
        [("over the past five years", "2020-06-30", F, "period", F)],
    ),
    (
        "During the past two weeks, 30 shells landed in Brask.",
        F,
        False,
        [("During the past two weeks", "2025-06-16", F, "period", F)],
    ),
    (
        "For the past 48 hours the town has had no water.",
        B,
        False,
        [("For the past 48 hours", "2024-05-12", B, "period", B)],
    ),
    # ago
    (
        "The bridge at Morrow Valley was destroyed two weeks ago.",
        A,
        False,
        [("two weeks ago", "2024-02-22", "2024-02-22", "approximate", A)],
    ),
    (
        "The hospital was hit 10 days ago, staff said.",
        A,
        False,
        [("10 days ago", "2024-02-26", "2024-02-26", "day", A)],
    ),
    (
        "Two days ago, a drone struck the depot.",
        B,
        False,
        [("Two days ago", "2024-05-12", "2024-05-12", "day", B)],
    ),
    (
        "A year ago the town had 40,000 residents.",
        B,
        False,
        [("A year ago", "2023-05-14", "2023-05-14", "approximate", B)],
    ),
    (
        "The grain deal expired three months ago.",
        B,
        False,
        [("three months ago", "2024-02-14", "2024-02-14", "approximate", B)],
    ),
    (
        "Nearly two years ago, the bridge was rebuilt.",
        F,
        False,
        [("Nearly two years ago", "2023-06-30", "2023-06-30", "approximate", F)],
    ),
    (
        "The outbreak began roughly a month ago.",
        F,
        False,
        [("roughly a month ago", "2025-05-30", "2025-05-30", "approximate", F)],
    ),
    (
        "Five days ago the checkpoint at Ostrel was abandoned.",
        C,
        False,
        [("Five days ago", "2024-12-28", "2024-12-28", "day", C)],
    ),
    # weekends
    (
        "The region was quiet at the weekend, monitors said.",
        A,
        False,
        [("at the weekend", "2024-03-02", "2024-03-03", "period", A)],
    ),
    (
        "Fighting eased over the weekend.",
        A,
        False,
        [("over the weekend", "2024-03-02", "2024-03-03", "period", A)],
    ),
    (
        "The talks were held in Eastmark at the weekend.",
        B,
        False,
        [("at the weekend", "2024-05-11", "2024-05-12", "period", B)],
    ),
    (
        "At the weekend the port reopened.",
        E,
        False,
        [("At the weekend", "2023-12-30", E, "period", E)],
    ),
    (
        "Last weekend the militia withdrew from the ridge.",
        F,
        False,
        [("Last weekend", "2025-06-28", "2025-06-29", "period", F)],
    ),
    # months and days without a year: the most recent on or before the document's date
    (
        "Aid deliveries have fallen since January, the agency said.",
        A,
        False,
        [("since January", "2024-01-01", A, "since", A)],
    ),
    (
        "Some 200 families left Halvar in February.",
        A,
        False,
        [("in February", "2024-02-01", "2024-02-29", "period", A)],
    ),
    (
        "The dam was damaged in December, engineers said.",
        A,
        False,
        [("in December", "2023-12-01", "2023-12-31", "period", A)],
    ),
    (
        "The strike took place in late March, according to the monitors.",
        A,
        False,
        [("in late March", "2023-03-21", "2023-03-31", "approximate", A)],
    ),
    (
        "Residents said the shelling began in early March.",
        A,
        False,
        [("in early March", "2024-03-01", "2024-03-10", "approximate", A)],
    ),
    (
        "Varnek has been under curfew since March 1.",
        A,
        False,
        [("since March 1", "2024-03-01", A, "since", A)],
    ),
    (
        "The March 3 attack killed no one, officials said.",
        A,
        False,
        [("March 3", "2024-03-03", "2024-03-03", "day", A)],
    ),
    (
        "Tolvia reported 18 incidents in April.",
        B,
        False,
        [("in April", "2024-04-01", "2024-04-30", "period", B)],
    ),
    (
        "In May alone, the agency registered 900 arrivals.",
        B,
        False,
        [("In May", "2024-05-01", "2024-05-31", "period", B)],
    ),
    (
        "The commission met in mid-April.",
        B,
        False,
        [("in mid-April", "2024-04-11", "2024-04-20", "approximate", B)],
    ),
    (
        "May 9 parades were cancelled in Ostrel.",
        B,
        False,
        [("May 9", "2024-05-09", "2024-05-09", "day", B)],
    ),
    (
        "Activists said 50 people had been held since late April.",
        B,
        False,
        [("since late April", "2024-04-21", B, "since", B)],
    ),
    (
        "The attack on December 28 killed three soldiers, the army said.",
        C,
        False,
        [("on December 28", "2024-12-28", "2024-12-28", "day", C)],
    ),
    (
        "In December, 400 people were evacuated from Lundra.",
        C,
        False,
        [("In December", "2024-12-01", "2024-12-31", "period", C)],
    ),
    ("The border was closed on February 29.", D, False, [("on February 29", D, D, "day", D)]),
    (
        "The strike on January 3 was reported by local media.",
        E,
        False,
        [("on January 3", "2023-01-03", "2023-01-03", "day", E)],
    ),
    (
        "Since June 1, 60 people have been detained.",
        F,
        False,
        [("Since June 1", "2025-06-01", F, "since", F)],
    ),
    (
        "The truce held June 1-3, observers said.",
        F,
        False,
        [("June 1-3", "2025-06-01", "2025-06-03", "period", F)],
    ),
    (
        "The checkpoint was closed until Friday.",
        A,
        False,
        [("until Friday", None, "2024-03-01", "until", A)],
    ),
    ("By Sunday, the fires were out.", F, False, [("By Sunday", None, "2025-06-29", "until", F)]),
    (
        "Since last year the region has lost two hospitals.",
        B,
        False,
        [("Since last year", "2023-01-01", B, "since", B)],
    ),
    (
        "After 2021 the number of attacks fell.",
        F,
        False,
        [("After 2021", "2022-01-01", F, "since", F)],
    ),
    (
        "Our movement has fought for justice since 1998.",
        F,
        False,
        [("since 1998", "1998-01-01", F, "since", F)],
    ),
    (
        "The blockade has lasted since 2022.",
        A,
        False,
        [("since 2022", "2022-01-01", A, "since", A)],
    ),
    (
        "Last March the dam was shelled twice.",
        A,
        False,
        [("Last March", "2023-03-01", "2023-03-31", "period", A)],
    ),
    (
        "This March has been the wettest on record in Brask.",
        A,
        False,
        [("This March", "2024-03-01", "2024-03-31", "period", A)],
    ),
]

FUTURE: list[Case] = [
    # the future-tense hint: the first such day or month on or after the document's date
    (
        "The leaders will meet on Tuesday in Eastmark.",
        A,
        True,
        [("on Tuesday", "2024-03-12", "2024-03-12", "day", A)],
    ),
    ("The vote will take place on Thursday.", A, True, [("on Thursday", A, A, "day", A)]),
    (
        "The ministers will meet next Tuesday.",
        A,
        True,
        [("next Tuesday", "2024-03-12", "2024-03-12", "day", A)],
    ),
    (
        "The border will remain closed until Friday.",
        A,
        True,
        [("until Friday", None, "2024-03-08", "until", A)],
    ),
    ("Elections are due in June.", A, True, [("in June", "2024-06-01", "2024-06-30", "period", A)]),
    (
        "The summit is scheduled for March 20.",
        A,
        True,
        [("for March 20", "2024-03-20", "2024-03-20", "day", A)],
    ),
    (
        "The curfew will be lifted next week.",
        A,
        True,
        [("next week", "2024-03-11", "2024-03-17", "period", A)],
    ),
    (
        "The report will be published next month.",
        A,
        True,
        [("next month", "2024-04-01", "2024-04-30", "period", A)],
    ),
    (
        "Growth is forecast to slow next year.",
        A,
        True,
        [("next year", "2025-01-01", "2025-12-31", "period", A)],
    ),
    (
        "The aid convoy is expected tomorrow.",
        A,
        True,
        [("tomorrow", "2024-03-08", "2024-03-08", "day", A)],
    ),
    (
        "Talks will continue at the weekend.",
        A,
        True,
        [("at the weekend", "2024-03-09", "2024-03-10", "period", A)],
    ),
    (
        "The minister will visit Kessa in late March.",
        A,
        True,
        [("in late March", "2024-03-21", "2024-03-31", "approximate", A)],
    ),
    (
        "In May the council may meet again.",
        A,
        True,
        [("In May", "2024-05-01", "2024-05-31", "period", A)],
    ),
    (
        "Early next year a new census is due.",
        A,
        True,
        [("Early next year", "2025-01-01", "2025-04-30", "approximate", A)],
    ),
    (
        "The government of Tolvia expects growth later this year.",
        A,
        True,
        [("later this year", A, "2024-12-31", "period", A)],
    ),
    (
        "Talks are due to resume next Tuesday.",
        B,
        True,
        [("next Tuesday", "2024-05-21", "2024-05-21", "day", B)],
    ),
    (
        "The governor promised new shelters later this month.",
        B,
        True,
        [("later this month", B, "2024-05-31", "period", B)],
    ),
    (
        "The ministry said it would finish the wall by the end of the month.",
        B,
        True,
        [("by the end of the month", None, "2024-05-31", "until", B)],
    ),
    (
        "The committee will meet again in the first quarter of next year.",
        B,
        True,
        [("in the first quarter of next year", "2025-01-01", "2025-03-31", "period", B)],
    ),
    (
        "The embassy said the curfew would end at midnight on Friday.",
        B,
        True,
        [("on Friday", "2024-05-17", "2024-05-17", "day", B)],
    ),
    (
        "Officials may announce the figures on Monday.",
        B,
        True,
        [("on Monday", "2024-05-20", "2024-05-20", "day", B)],
    ),
    (
        "Talks will resume in March.",
        C,
        True,
        [("in March", "2025-03-01", "2025-03-31", "period", C)],
    ),
    (
        "This month, the ministry will publish its figures.",
        C,
        True,
        [("This month", "2025-01-01", "2025-01-31", "period", C)],
    ),
    (
        "Next year the government plans new elections.",
        E,
        True,
        [("Next year", "2024-01-01", "2024-12-31", "period", E)],
    ),
    (
        "The rebels said they would attack on Monday.",
        E,
        True,
        [("on Monday", "2024-01-01", "2024-01-01", "day", E)],
    ),
    (
        "Talks will open on January 3.",
        E,
        True,
        [("on January 3", "2024-01-03", "2024-01-03", "day", E)],
    ),
    (
        "The mayor said the water supply would be restored by the end of the year.",
        A,
        True,
        [("by the end of the year", None, "2024-12-31", "until", A)],
    ),
    (
        "A new convoy is planned for the weekend.",
        A,
        True,
        [("for the weekend", "2024-03-09", "2024-03-10", "period", A)],
    ),
    (
        "The curfew will be lifted after next week.",
        A,
        True,
        [("after next week", "2024-03-18", None, "since", A)],
    ),
]

NO_DATE: list[Case] = [
    # no document date: relative expressions keep their text and stay unresolved
    ("Shelling hit Varnek on Tuesday.", None, False, [("on Tuesday", None, None, "day", None)]),
    (
        "Prices have risen since January.",
        None,
        False,
        [("since January", None, None, "since", None)],
    ),
    (
        "The siege began on January 4, 2024.",
        None,
        False,
        [("on January 4, 2024", "2024-01-04", "2024-01-04", "day", None)],
    ),
    (
        "The group was formed in 2022 and has grown since.",
        None,
        False,
        [("in 2022", "2022-01-01", "2022-12-31", "period", None)],
    ),
    (
        "Food prices rose over the past year.",
        None,
        False,
        [("over the past year", None, None, "period", None)],
    ),
    ("The town fell 15 days later.", None, False, [("15 days later", None, None, "day", None)]),
    (
        "The mine at Brask closed seventy-two days ago.",
        None,
        False,
        [("seventy-two days ago", None, None, "day", None)],
    ),
    (
        "The blockade has lasted since 2022.",
        None,
        False,
        [("since 2022", "2022-01-01", None, "since", None)],
    ),
    ("Yesterday the council met.", None, False, [("Yesterday", None, None, "day", None)]),
    ("Fighting continued last week.", None, False, [("last week", None, None, "period", None)]),
    (
        "The checkpoint will stay closed until the end of 2024.",
        None,
        True,
        [("until the end of 2024", None, "2024-12-31", "until", None)],
    ),
    (
        "Aid arrived in late March.",
        None,
        False,
        [("in late March", None, None, "approximate", None)],
    ),
    (
        "The camp opened in the 1990s.",
        None,
        False,
        [("in the 1990s", "1990-01-01", "1999-12-31", "period", None)],
    ),
    (
        "The talks collapsed a week later.",
        None,
        False,
        [("a week later", None, None, "approximate", None)],
    ),
    (
        "Two weeks ago the bridge fell.",
        None,
        False,
        [("Two weeks ago", None, None, "approximate", None)],
    ),
    ("The strike happened overnight.", None, False, [("overnight", None, None, "period", None)]),
    ("The leaders will meet on Tuesday.", None, True, [("on Tuesday", None, None, "day", None)]),
    (
        "On January 4, 2024 and again on January 6, soldiers fired on the crowd.",
        None,
        False,
        [
            ("On January 4, 2024", "2024-01-04", "2024-01-04", "day", None),
            ("on January 6", None, None, "day", None),
        ],
    ),
    (
        "The ministry said on March 3 that the convoy had arrived.",
        None,
        False,
        [("on March 3", None, None, "day", None)],
    ),
    (
        "The council met at the weekend.",
        None,
        False,
        [("at the weekend", None, None, "period", None)],
    ),
    (
        "Earlier this month the camp closed.",
        None,
        False,
        [("Earlier this month", None, None, "period", None)],
    ),
]

ABSOLUTE: list[Case] = [
    # dates with their year: resolved without the document's date, time_anchor None
    (
        "The siege began on January 4, 2024, and the town fell 15 days later.",
        A,
        False,
        [
            ("on January 4, 2024", "2024-01-04", "2024-01-04", "day", None),
            ("15 days later", "2024-01-19", "2024-01-19", "day", "2024-01-04"),
        ],
    ),
    (
        "The ceasefire signed on 4 January 2024 broke down two months later.",
        A,
        False,
        [
            ("on 4 January 2024", "2024-01-04", "2024-01-04", "day", None),
            ("two months later", "2024-03-04", "2024-03-04", "approximate", "2024-01-04"),
        ],
    ),
    (
        "The group was formed in 2022.",
        A,
        False,
        [("in 2022", "2022-01-01", "2022-12-31", "period", None)],
    ),
    (
        "The town was founded in the 1990s.",
        A,
        False,
        [("in the 1990s", "1990-01-01", "1999-12-31", "period", None)],
    ),
    (
        "The dispute dates to the early 1990s.",
        A,
        False,
        [("the early 1990s", "1990-01-01", "1993-12-31", "approximate", None)],
    ),
    (
        "The mine closed in the mid-1980s.",
        A,
        False,
        [("in the mid-1980s", "1984-01-01", "1986-12-31", "approximate", None)],
    ),
    (
        "The party was banned in the late 1970s.",
        A,
        False,
        [("in the late 1970s", "1977-01-01", "1979-12-31", "approximate", None)],
    ),
    (
        "The 1990's were a time of upheaval in Tolvia.",
        A,
        False,
        [("The 1990's", "1990-01-01", "1999-12-31", "period", None)],
    ),
    (
        "The front line barely moved in the first half of 2023.",
        A,
        False,
        [("in the first half of 2023", "2023-01-01", "2023-06-30", "period", None)],
    ),
    (
        "Casualty reports rose during the first quarter of 2024.",
        B,
        False,
        [("during the first quarter of 2024", "2024-01-01", "2024-03-31", "period", None)],
    ),
    (
        "Imports fell in Q3 2023.",
        B,
        False,
        [("in Q3 2023", "2023-07-01", "2023-09-30", "period", None)],
    ),
    (
        "The referendum was held in mid-2023.",
        B,
        False,
        [("in mid-2023", "2023-05-01", "2023-08-31", "approximate", None)],
    ),
    (
        "The factory reopened in early 2024.",
        B,
        False,
        [("in early 2024", "2024-01-01", "2024-04-30", "approximate", None)],
    ),
    (
        "The winter of 2023 was the hardest, residents said.",
        C,
        False,
        [("The winter of 2023", "2023-12-01", "2024-02-29", "approximate", None)],
    ),
    (
        "Crops failed in the summer of 2022.",
        C,
        False,
        [("in the summer of 2022", "2022-06-01", "2022-08-31", "approximate", None)],
    ),
    (
        "Tuesday, June 24, 2025: the ministry said 30 people were detained.",
        F,
        False,
        [("Tuesday, June 24, 2025", "2025-06-24", "2025-06-24", "day", None)],
    ),
    (
        "The report, published Monday 23 June 2025, cited 12 witnesses.",
        F,
        False,
        [("Monday 23 June 2025", "2025-06-23", "2025-06-23", "day", None)],
    ),
    (
        "The truce held 10–12 May 2025.",
        F,
        False,
        [("10–12 May 2025", "2025-05-10", "2025-05-12", "period", None)],
    ),
    (
        "The report covers January 2025.",
        F,
        False,
        [("January 2025", "2025-01-01", "2025-01-31", "period", None)],
    ),
    (
        "In March of 2024, the council fell.",
        F,
        False,
        [("In March of 2024", "2024-03-01", "2024-03-31", "period", None)],
    ),
    (
        "The peace deal of Jan. 15, 2024 collapsed.",
        F,
        False,
        [("Jan. 15, 2024", "2024-01-15", "2024-01-15", "day", None)],
    ),
    (
        "Shelling on 4 Jan. 2024 killed no one.",
        F,
        False,
        [("on 4 Jan. 2024", "2024-01-04", "2024-01-04", "day", None)],
    ),
    (
        "Records dated 2023-11-05 show the transfer.",
        F,
        False,
        [("2023-11-05", "2023-11-05", "2023-11-05", "day", None)],
    ),
    (
        "Before 2020 the valley had no checkpoint.",
        F,
        False,
        [("Before 2020", None, "2019-12-31", "until", None)],
    ),
    (
        "Until 2019 the region had its own parliament.",
        F,
        False,
        [("Until 2019", None, "2019-12-31", "until", None)],
    ),
    (
        "The checkpoint stayed closed until May 2023.",
        F,
        False,
        [("until May 2023", None, "2023-05-31", "until", None)],
    ),
    (
        "The massacre of 2004 must never be forgotten.",
        F,
        False,
        [("2004", "2004-01-01", "2004-12-31", "period", None)],
    ),
    (
        "The siege ended on February 29, 2020, and a year later the town was rebuilt.",
        D,
        False,
        [
            ("on February 29, 2020", "2020-02-29", "2020-02-29", "day", None),
            ("a year later", "2021-02-28", "2021-02-28", "approximate", "2020-02-29"),
        ],
    ),
    (
        "Troops entered Kessa on February 10; the next day they withdrew.",
        A,
        False,
        [
            ("on February 10", "2024-02-10", "2024-02-10", "day", A),
            ("the next day", "2024-02-11", "2024-02-11", "day", "2024-02-10"),
        ],
    ),
    (
        "The dam failed on 3 May 2022 and the following week the valley flooded.",
        A,
        False,
        [
            ("on 3 May 2022", "2022-05-03", "2022-05-03", "day", None),
            ("the following week", "2022-05-09", "2022-05-15", "period", "2022-05-03"),
        ],
    ),
    (
        "The camp opened on 1 July 2021; three days later it was full.",
        A,
        False,
        [
            ("on 1 July 2021", "2021-07-01", "2021-07-01", "day", None),
            ("three days later", "2021-07-04", "2021-07-04", "day", "2021-07-01"),
        ],
    ),
    (
        "The strike came on June 5, 2023, five days earlier than planned.",
        A,
        False,
        [
            ("on June 5, 2023", "2023-06-05", "2023-06-05", "day", None),
            ("five days earlier", "2023-05-31", "2023-05-31", "day", "2023-06-05"),
        ],
    ),
]

APPROXIMATE: list[Case] = [
    # approximators make a time approximate; early/mid/late are parts of the period
    (
        "Output fell around 2015, the report said.",
        A,
        False,
        [("around 2015", "2015-01-01", "2015-12-31", "approximate", None)],
    ),
    (
        "The camp was set up in about 2015.",
        F,
        False,
        [("in about 2015", "2015-01-01", "2015-12-31", "approximate", None)],
    ),
    (
        "Around the end of 2023 the group split.",
        F,
        False,
        [("Around the end of 2023", "2023-09-01", "2023-12-31", "approximate", None)],
    ),
    (
        "The valley was emptied in roughly 1999.",
        F,
        False,
        [("in roughly 1999", "1999-01-01", "1999-12-31", "approximate", None)],
    ),
    (
        "The wall was built circa 1950.",
        F,
        False,
        [("circa 1950", "1950-01-01", "1950-12-31", "approximate", None)],
    ),
    (
        "About two weeks ago the checkpoint was moved.",
        A,
        False,
        [("About two weeks ago", "2024-02-22", "2024-02-22", "approximate", A)],
    ),
    (
        "The convoy arrived around Tuesday, drivers said.",
        A,
        False,
        [("around Tuesday", "2024-03-05", "2024-03-05", "approximate", A)],
    ),
    (
        "The militia left in late 2022.",
        A,
        False,
        [("in late 2022", "2022-09-01", "2022-12-31", "approximate", None)],
    ),
    (
        "Talks began at the start of March 2023.",
        A,
        False,
        [("at the start of March 2023", "2023-03-01", "2023-03-10", "approximate", None)],
    ),
    (
        "The grain ran out by the middle of the year.",
        A,
        False,
        [("by the middle of the year", None, "2024-08-31", "until", A)],
    ),
    (
        "Mid-March saw the heaviest shelling of the war.",
        B,
        False,
        [("Mid-March", "2024-03-11", "2024-03-20", "approximate", B)],
    ),
    (
        "Late April brought a lull in the fighting.",
        B,
        False,
        [("Late April", "2024-04-21", "2024-04-30", "approximate", B)],
    ),
]

RANGES: list[Case] = [
    (
        "The army said it had lost ground between 2019 and 2021.",
        A,
        False,
        [("between 2019 and 2021", "2019-01-01", "2021-12-31", "period", None)],
    ),
    (
        "Prices doubled from 2015 to 2020.",
        A,
        False,
        [("from 2015 to 2020", "2015-01-01", "2020-12-31", "period", None)],
    ),
    (
        "The district was occupied from January to March 2023.",
        A,
        False,
        [("from January to March 2023", "2023-01-01", "2023-03-31", "period", None)],
    ),
    (
        "Officials recorded 30 incidents between January and February.",
        A,
        False,
        [("between January and February", "2024-01-01", "2024-02-29", "period", A)],
    ),
    (
        "The 2019-2021 drought hit the south.",
        A,
        False,
        [("2019-2021", "2019-01-01", "2021-12-31", "period", None)],
    ),
    (
        "The 2020–21 season was cancelled.",
        A,
        False,
        [("2020–21", "2020-01-01", "2021-12-31", "period", None)],
    ),
    (
        "Curfew ran from Monday to Wednesday.",
        D,
        False,
        [("from Monday to Wednesday", "2024-02-26", "2024-02-28", "period", D)],
    ),
    (
        "Between Monday and Wednesday, 70 shells hit Varnek.",
        B,
        False,
        [("Between Monday and Wednesday", "2024-05-06", "2024-05-08", "period", B)],
    ),
    (
        "From March 3 to March 5, 2024, the town had no power.",
        F,
        False,
        [("From March 3 to March 5, 2024", "2024-03-03", "2024-03-05", "period", None)],
    ),
    (
        "The exodus peaked between October 2022 and February 2023.",
        F,
        False,
        [("between October 2022 and February 2023", "2022-10-01", "2023-02-28", "period", None)],
    ),
    (
        "Between 1992 and 1995 the valley changed hands four times.",
        F,
        False,
        [("Between 1992 and 1995", "1992-01-01", "1995-12-31", "period", None)],
    ),
    (
        "Strikes continued from November through January.",
        C,
        False,
        [("from November through January", "2024-11-01", "2025-01-31", "period", C)],
    ),
]

AMBIGUOUS: list[Case] = [
    # numeric dates with two readings, and dates that do not exist: unresolved
    ("On 3/4 the militia withdrew.", A, False, [("On 3/4", None, None, "day", None)]),
    (
        "He left on 3/4 and returned on Monday night.",
        A,
        False,
        [
            ("on 3/4", None, None, "day", None),
            ("on Monday night", "2024-03-04", "2024-03-04", "day", A),
        ],
    ),
    ("The hearing is set for 12/03/2024.", A, True, [("for 12/03/2024", None, None, "day", None)]),
    (
        "The decree of 25/12/2023 banned the party.",
        A,
        False,
        [("25/12/2023", "2023-12-25", "2023-12-25", "day", None)],
    ),
    (
        "The decree signed on 12/25/2023 banned rallies.",
        A,
        False,
        [("on 12/25/2023", "2023-12-25", "2023-12-25", "day", None)],
    ),
    (
        "The raid on 14/2 left two dead, the group said.",
        A,
        False,
        [("on 14/2", "2024-02-14", "2024-02-14", "day", A)],
    ),
    (
        "Voting ended on 28/2, officials said.",
        A,
        False,
        [("on 28/2", "2024-02-28", "2024-02-28", "day", A)],
    ),
    (
        "The ruling came on February 30, 2024, the court's website said.",
        A,
        False,
        [("on February 30, 2024", None, None, "day", None)],
    ),
    (
        "The document was dated 31 April 2024.",
        A,
        False,
        [("31 April 2024", None, None, "day", None)],
    ),
    ("The order is dated 2024-13-45.", A, False, [("2024-13-45", None, None, "day", None)]),
    ("The convoy left on February 30.", A, False, [("on February 30", None, None, "day", None)]),
    (
        "The law passed on 5.6.2023 was repealed.",
        A,
        False,
        [("on 5.6.2023", None, None, "day", None)],
    ),
]

COUNTS: list[Case] = [
    # counts written in words: every number word to ninety-nine, hyphenated or not, hundreds
    (
        "The camp at Kessa was set up seventy days ago, the agency said.",
        A,
        False,
        [("seventy days ago", "2023-12-28", "2023-12-28", "day", A)],
    ),
    (
        "Eighty days ago the border crossing at Ostrel closed.",
        B,
        False,
        [("Eighty days ago", "2024-02-24", "2024-02-24", "day", B)],
    ),
    (
        "The Varnek dam was built in 1942; eighty-two years later it was breached.",
        A,
        False,
        [
            ("in 1942", "1942-01-01", "1942-12-31", "period", None),
            ("eighty-two years later", "2024-01-01", "2024-01-01", "approximate", "1942-01-01"),
        ],
    ),
    (
        "The siege of Brask ended twenty-five days ago, the mayor said.",
        C,
        False,
        [("twenty-five days ago", "2024-12-08", "2024-12-08", "day", C)],
    ),
    (
        "The council of Varnek last met twenty five days ago.",
        B,
        False,
        [("twenty five days ago", "2024-04-19", "2024-04-19", "day", B)],
    ),
    (
        "The population of Morrow Valley halved over the past seventy years.",
        F,
        False,
        [("over the past seventy years", "1955-06-30", F, "period", F)],
    ),
    (
        "In the last sixty-three days, the Eastmark Front has claimed 12 attacks.",
        D,
        False,
        [("In the last sixty-three days", "2023-12-28", D, "period", D)],
    ),
    (
        "A hundred days ago, the ceasefire in Varnek began.",
        E,
        False,
        [("A hundred days ago", "2023-09-22", "2023-09-22", "day", E)],
    ),
    (
        "Two hundred and fifty years ago the fortress at Ostrel was founded, the museum says.",
        B,
        False,
        [("Two hundred and fifty years ago", "1774-05-14", "1774-05-14", "approximate", B)],
    ),
    (
        "Ninety-nine years ago the Treaty of Lundra was signed.",
        C,
        False,
        [("Ninety-nine years ago", "1926-01-02", "1926-01-02", "approximate", C)],
    ),
    (
        "Some seventy years ago the village of Kessa was flooded.",
        A,
        False,
        [("Some seventy years ago", "1954-03-07", "1954-03-07", "approximate", A)],
    ),
    (
        "Fighting began on March 3, 2024, and forty-one days later the road reopened.",
        F,
        False,
        [
            ("on March 3, 2024", "2024-03-03", "2024-03-03", "day", None),
            ("forty-one days later", "2024-04-13", "2024-04-13", "day", "2024-03-03"),
        ],
    ),
    (
        "The strike on the depot in Brask came thirty-six hours ago.",
        A,
        False,
        [("thirty-six hours ago", "2024-03-05", "2024-03-05", "approximate", A)],
    ),
]

NO_TIME: list[Case] = [
    ("Roughly 2000 people fled.", A, False, []),
    ("The shelling damaged 2000 homes in Brask.", A, False, []),
    ("It may take weeks, the governor said.", A, False, []),
    ("Protesters plan to march on the capital.", A, False, []),
    ("For decades the people of Morrow Valley have resisted.", A, False, []),
    ("We call on the world to act now.", A, False, []),
    ("Every day, more families are forced from their homes.", A, False, []),
    ("Officials may announce the figures soon.", A, False, []),
    ("Seven soldiers were killed in the ambush, the army said.", A, False, []),
    ("The 12 trucks carried 400 tonnes of flour.", A, False, []),
    ("Version 2.3.1 of the app was banned in Tolvia.", A, False, []),
    ("The ratio was 3/4 of the total, the report said.", A, False, []),
    ("Call 555-2024 for help, the hotline said.", A, False, []),
    ("The Eastmark Front demands the release of all prisoners.", A, False, []),
    ("In 1500 homes the water is unsafe.", A, False, []),
    ("The talks in Lundra lasted ninety minutes, a spokesman said.", A, False, []),
    ("The eighty-year-old mayor of Kessa resigned.", A, False, []),
    ("Twenty-five years of drought have emptied the valley.", A, False, []),
]

CASES: list[Case] = [
    *WIRE,
    *FUTURE,
    *NO_DATE,
    *ABSOLUTE,
    *APPROXIMATE,
    *RANGES,
    *AMBIGUOUS,
    *COUNTS,
    *NO_TIME,
]
