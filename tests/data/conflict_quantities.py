"""Conflict-reporting sentences with every quantity they state, written for claimledger.

Each case: (sentence, [expected quantity, ...]); a quantity is
(text, value, lower, upper, unit, bound, per, change, quantified), change being None or
(direction, from, to). Invented wire-report and statement style; places are real or made up.
"""

from __future__ import annotations

Q = tuple[
    str,
    float | None,
    float | None,
    float | None,
    str,
    str,
    str | None,
    tuple[str, float | None, float | None] | None,
    str | None,
]

CASES: list[tuple[str, list[Q]]] = [
    # exact counts and number words
    (
        "Seven soldiers were killed in the ambush, the army said.",
        [("Seven", 7, 7, 7, "count", "exact", None, None, "soldiers killed")],
    ),
    (
        "Three civilians were wounded when a drone hit the bus.",
        [("Three", 3, 3, 3, "count", "exact", None, None, "civilians wounded")],
    ),
    (
        "The ministry reported 1,204 displaced families in the district.",
        [("1,204", 1204, 1204, 1204, "count", "exact", None, None, "displaced families")],
    ),
    (
        "Rescuers pulled twenty-five people from the rubble overnight.",
        [("twenty-five", 25, 25, 25, "count", "exact", None, None, "people")],
    ),
    (
        "A dozen cargo vessels were waiting to leave the port.",
        [("A dozen", 12, 12, 12, "count", "exact", None, None, "cargo vessels")],
    ),
    (
        "The brigade lost 40 thousand rounds of ammunition in the fire.",
        [("40 thousand", 40000, 40000, 40000, "count", "exact", None, None, "rounds")],
    ),
    (
        "The agency said 318 million people live in the affected countries.",
        [("318 million", 318e6, 318e6, 318e6, "count", "exact", None, None, "people")],
    ),
    # bounds
    (
        "More than 41,200 people have been killed since the war began, the ministry said.",
        [
            (
                "More than 41,200",
                41200,
                41200,
                None,
                "count",
                "more_than",
                None,
                None,
                "people killed",
            )
        ],
    ),
    (
        "At least 19 civilians died in the shelling on Tuesday.",
        [("At least 19", 19, 19, None, "count", "at_least", None, None, "civilians died")],
    ),
    (
        "Almost 300 prisoners were exchanged at the border crossing.",
        [("Almost 300", 300, None, 300, "count", "less_than", None, None, "prisoners")],
    ),
    (
        "Up to 35% of the city's water supply has been cut.",
        [("Up to 35%", 35, None, 35, "percent", "at_most", None, None, None)],
    ),
    (
        "Around 9,000 troops crossed the river before dawn.",
        [("Around 9,000", 9000, None, None, "count", "approx", None, None, "troops")],
    ),
    (
        "Some 120,000 residents fled the region in March.",
        [("Some 120,000", 120000, None, None, "count", "approx", None, None, "residents fled")],
    ),
    (
        "Approximately 40 armoured vehicles were seen on the highway.",
        [("Approximately 40", 40, None, None, "count", "approx", None, None, "armoured vehicles")],
    ),
    (
        "Nearly 12% of the population needs food aid, the agency said.",
        [("Nearly 12%", 12, None, 12, "percent", "less_than", None, None, None)],
    ),
    (
        "Fewer than 50 aid trucks entered the enclave last week.",
        [("Fewer than 50", 50, None, 50, "count", "less_than", None, None, "aid trucks")],
    ),
    (
        "No fewer than 14 journalists have been detained this year.",
        [
            (
                "No fewer than 14",
                14,
                14,
                None,
                "count",
                "at_least",
                None,
                None,
                "journalists detained",
            )
        ],
    ),
    (
        "As many as 600 fighters remain inside the plant, officials said.",
        [("As many as 600", 600, None, 600, "count", "at_most", None, None, "fighters")],
    ),
    # ranges
    (
        "Between 30 and 40 battalions have been moved to the front.",
        [("Between 30 and 40", None, 30, 40, "count", "range", None, None, "battalions")],
    ),
    (
        "The column advanced five to seven kilometres on Monday.",
        [("five to seven kilometres", None, 5, 7, "kilometre", "range", None, None, None)],
    ),
    (
        "Officials estimate 200-250 houses were destroyed in the village.",
        [("200-250", None, 200, 250, "count", "range", None, None, "houses destroyed")],
    ),
    (
        "Repairs to the dam will cost $2 billion to $3 billion, the ministry said.",
        [("$2 billion to $3 billion", None, 2e9, 3e9, "USD", "range", None, None, None)],
    ),
    # changes
    (
        "Food prices rose from 4% to 11% over the past year.",
        [("from 4% to 11%", 11, 11, 11, "percent", "exact", None, ("up", 4, 11), None)],
    ),
    (
        "Inflation fell from 2.5% in 2022 to 0.8% in 2023, the central bank said.",
        [
            (
                "from 2.5% in 2022 to 0.8%",
                0.8,
                0.8,
                0.8,
                "percent",
                "exact",
                None,
                ("down", 2.5, 0.8),
                None,
            )
        ],
    ),
    (
        "The currency rose 0.3% against the dollar on Friday.",
        [("0.3%", 0.3, 0.3, 0.3, "percent", "exact", None, ("up", None, None), None)],
    ),
    (
        "Support for the ceasefire increased by 6 percentage points, the poll found.",
        [
            (
                "6 percentage points",
                6,
                6,
                6,
                "percentage_point",
                "exact",
                None,
                ("up", None, None),
                None,
            )
        ],
    ),
    (
        "Fuel prices were down 19 cents a litre on the week.",
        [
            (
                "19 cents a litre",
                0.19,
                0.19,
                0.19,
                "USD",
                "exact",
                "litre",
                ("down", None, None),
                None,
            )
        ],
    ),
    (
        "Exports to the region dropped 6% to $1.8 billion.",
        [
            ("6%", 6, 6, 6, "percent", "exact", None, ("down", None, None), None),
            (
                "$1.8 billion",
                1.8e9,
                1.8e9,
                1.8e9,
                "USD",
                "exact",
                None,
                ("down", None, 1.8e9),
                None,
            ),
        ],
    ),
    # rates
    (
        "The war costs the treasury $150 million per day, the minister said.",
        [("$150 million per day", 150e6, 150e6, 150e6, "USD", "exact", "day", None, None)],
    ),
    (
        "Donors pledged $3 billion a month in budget support.",
        [("$3 billion a month", 3e9, 3e9, 3e9, "USD", "exact", "month", None, None)],
    ),
    (
        "Artillery units were firing 40 shells per day along the line.",
        [("40", 40, 40, 40, "count", "exact", "day", None, "shells")],
    ),
    # vague amounts
    (
        "Dozens of drones were launched at the capital overnight.",
        [("Dozens", None, 12, 120, "count", "vague", None, None, "drones")],
    ),
    (
        "Hundreds of people gathered outside the parliament.",
        [("Hundreds", None, 100, 1000, "count", "vague", None, None, "people")],
    ),
    (
        "Thousands of families are without heating, the mayor said.",
        [("Thousands", None, 1000, 10000, "count", "vague", None, None, "families")],
    ),
    (
        "Tens of thousands of shells have been fired at the town.",
        [("Tens of thousands", None, 1e4, 1e5, "count", "vague", None, None, "shells")],
    ),
    # currencies and units
    (
        "The European Union approved €50 billion in aid for the next four years.",
        [
            ("€50 billion", 5e10, 5e10, 5e10, "EUR", "exact", None, None, None),
            ("four years", 4, 4, 4, "year", "exact", None, None, None),
        ],
    ),
    (
        "The fine was set at 2.4 billion hryvnias.",
        [("2.4 billion hryvnias", 2.4e9, 2.4e9, 2.4e9, "UAH", "exact", None, None, None)],
    ),
    (
        "Britain pledged £2.5 billion in military aid.",
        [("£2.5 billion", 2.5e9, 2.5e9, 2.5e9, "GBP", "exact", None, None, None)],
    ),
    (
        "The buffer zone is 15 km wide and covers 300 square kilometres.",
        [
            ("15 km", 15, 15, 15, "kilometre", "exact", None, None, None),
            ("300 square kilometres", 300, 300, 300, "square_kilometre", "exact", None, None, None),
        ],
    ),
    (
        "The convoy travelled 120 miles in three days.",
        [
            ("120 miles", 120, 120, 120, "mile", "exact", None, None, None),
            ("three days", 3, 3, 3, "day", "exact", None, None, None),
        ],
    ),
    (
        "The siege has lasted 18 months.",
        [("18 months", 18, 18, 18, "month", "exact", None, None, None)],
    ),
    (
        "A 10-year-old boy was among the wounded.",
        [("10-year-old", 10, 10, 10, "year_of_age", "exact", None, None, None)],
    ),
    (
        "Ahmed Saleh, 34, said he saw the missile strike the school.",
        [("34", 34, 34, 34, "year_of_age", "exact", None, None, None)],
    ),
    (
        "The tanker was carrying 750,000 barrels of crude oil.",
        [("750,000 barrels", 750000, 750000, 750000, "barrel", "exact", None, None, None)],
    ),
    # statements and advocacy style
    (
        "The ministry of defence stated that 14 drones were shot down overnight.",
        [("14", 14, 14, 14, "count", "exact", None, None, "drones shot")],
    ),
    (
        "Our forces destroyed 35 tanks and 12 artillery systems in three weeks.",
        [
            ("35", 35, 35, 35, "count", "exact", None, None, "tanks"),
            ("12", 12, 12, 12, "count", "exact", None, None, "artillery systems"),
            ("three weeks", 3, 3, 3, "week", "exact", None, None, None),
        ],
    ),
    (
        "The enemy has lost more than 1,500 personnel in the past 24 hours.",
        [
            ("more than 1,500", 1500, 1500, None, "count", "more_than", None, None, "personnel"),
            ("24 hours", 24, 24, 24, "hour", "exact", None, None, None),
        ],
    ),
    (
        "Humanitarian groups say 2.3 million people face acute hunger.",
        [("2.3 million", 2.3e6, 2.3e6, 2.3e6, "count", "exact", None, None, "people")],
    ),
    (
        "The group claims it holds 240 hostages.",
        [("240", 240, 240, 240, "count", "exact", None, None, "hostages")],
    ),
    (
        "Unemployment in the occupied areas reached 45 per cent, the report said.",
        [("45 per cent", 45, 45, 45, "percent", "exact", None, None, None)],
    ),
    (
        "The budget deficit widened to 6.5% of GDP.",
        [("6.5%", 6.5, 6.5, 6.5, "percent", "exact", None, ("up", None, 6.5), None)],
    ),
    (
        "Military spending rose by 9 percent to $2.4 trillion last year.",
        [
            ("9 percent", 9, 9, 9, "percent", "exact", None, ("up", None, None), None),
            (
                "$2.4 trillion",
                2.4e12,
                2.4e12,
                2.4e12,
                "USD",
                "exact",
                None,
                ("up", None, 2.4e12),
                None,
            ),
        ],
    ),
    (
        "Grain exports fell 40% after the port was blockaded.",
        [("40%", 40, 40, 40, "percent", "exact", None, ("down", None, None), None)],
    ),
    (
        "Electricity output dropped by almost a third of capacity.",
        [
            (
                "almost a third",
                0.333333,
                None,
                0.333333,
                "fraction",
                "less_than",
                None,
                ("down", None, None),
                None,
            )
        ],
    ),
    (
        "Half of the city's homes were damaged, the mayor said.",
        [("Half", 0.5, 0.5, 0.5, "fraction", "exact", None, None, None)],
    ),
    (
        "One in five children in the camps is malnourished, UNICEF said.",
        [("One in five", 0.2, 0.2, 0.2, "fraction", "exact", None, None, None)],
    ),
    (
        "Nearly two-thirds of the displaced are women and children.",
        [
            (
                "Nearly two-thirds",
                0.666667,
                None,
                0.666667,
                "fraction",
                "less_than",
                None,
                None,
                None,
            )
        ],
    ),
    (
        "The death toll climbed from 212 to 340 overnight, rescuers said.",
        [("from 212 to 340", 340, 340, 340, "count", "exact", None, ("up", 212, 340), None)],
    ),
    (
        "The number of checkpoints fell from 140 to 90 in a year.",
        [("from 140 to 90", 90, 90, 90, "count", "exact", None, ("down", 140, 90), None)],
    ),
    (
        "Prices of bread are up 30% since the blockade began.",
        [("30%", 30, 30, 30, "percent", "exact", None, ("up", None, None), None)],
    ),
    (
        "The central bank raised its key rate by 200 basis points.",
        [
            (
                "200 basis points",
                200,
                200,
                200,
                "basis_point",
                "exact",
                None,
                ("up", None, None),
                None,
            )
        ],
    ),
    # more units and currencies
    (
        "The missile has a range of 2,500 km and carries a 500 kg warhead.",
        [
            ("2,500 km", 2500, 2500, 2500, "kilometre", "exact", None, None, None),
            ("500 kg", 500, 500, 500, "kilogram", "exact", None, None, None),
        ],
    ),
    (
        "The drone flew at 180 km/h before it was intercepted.",
        [("180 km/h", 180, 180, 180, "kilometre_per_hour", "exact", None, None, None)],
    ),
    (
        "The ship was 40 nautical miles off the coast.",
        [("40 nautical miles", 40, 40, 40, "nautical_mile", "exact", None, None, None)],
    ),
    (
        "Temperatures fell to minus 20 degrees Celsius in the trenches.",
        [
            (
                "minus 20 degrees Celsius",
                -20,
                -20,
                -20,
                "celsius",
                "exact",
                None,
                ("down", None, -20),
                None,
            )
        ],
    ),
    (
        "The plant produced 950 megawatts before the strike.",
        [("950 megawatts", 950, 950, 950, "megawatt", "exact", None, None, None)],
    ),
    (
        "Russia earned 1.2 trillion roubles from oil sales in the quarter.",
        [("1.2 trillion roubles", 1.2e12, 1.2e12, 1.2e12, "RUB", "exact", None, None, None)],
    ),
    (
        "The aid package is worth 5 billion shekels.",
        [("5 billion shekels", 5e9, 5e9, 5e9, "ILS", "exact", None, None, None)],
    ),
    (
        "Pensions were raised to 3,000 UAH a month.",
        [
            (
                "3,000 UAH a month",
                3000,
                3000,
                3000,
                "UAH",
                "exact",
                "month",
                ("up", None, 3000),
                None,
            )
        ],
    ),
    (
        "Diesel sold for $1.50 per litre at the border.",
        [("$1.50 per litre", 1.5, 1.5, 1.5, "USD", "exact", "litre", None, None)],
    ),
    (
        "The convoy needed 6,000 tonnes of fuel.",
        [("6,000 tonnes", 6000, 6000, 6000, "tonne", "exact", None, None, None)],
    ),
    (
        "The reservoir holds 18 million cubic metres of water.",
        [("18 million cubic metres", 18e6, 18e6, 18e6, "cubic_metre", "exact", None, None, None)],
    ),
    # durations and ages
    (
        "The ceasefire will last 72 hours, mediators said.",
        [("72 hours", 72, 72, 72, "hour", "exact", None, None, None)],
    ),
    (
        "He was sentenced to 15 years in prison.",
        [("15 years", 15, 15, 15, "year", "exact", None, None, None)],
    ),
    (
        "The occupation has lasted nearly two decades.",
        [("nearly two decades", 2, None, 2, "decade", "less_than", None, None, None)],
    ),
    (
        "A 67-year-old woman was killed in the strike on the market.",
        [("67-year-old", 67, 67, 67, "year_of_age", "exact", None, None, None)],
    ),
    # more not-quantities
    ("The 3rd Assault Brigade and the 47th Mechanised Brigade held the line.", []),
    ("The talks in Minsk in 2015 produced the second agreement.", []),
    ("The Su-25 and the MiG-29 took off from the base.", []),
    ("Shelling began at 11:45 p.m. on Saturday.", []),
    ("The town lies on the M14 highway.", []),
    ("Article 5 of the treaty was invoked.", []),
    ("He spoke on Channel 4 News on Monday.", []),
    ("One of the officers refused to comment.", []),
    ("The G7 and the G20 issued statements.", []),
    # casualty tolls, attributed
    (
        "Local officials said 63 people were killed and 214 injured in the attack.",
        [
            ("63", 63, 63, 63, "count", "exact", None, None, "people killed"),
            ("214", 214, 214, 214, "count", "exact", None, None, "injured"),
        ],
    ),
    (
        "The health ministry in the enclave said the toll had risen to 1,350.",
        [("1,350", 1350, 1350, 1350, "count", "exact", None, ("up", None, 1350), None)],
    ),
    (
        "At least 70 bodies were recovered from the site, the governor said.",
        [("At least 70", 70, 70, None, "count", "at_least", None, None, "bodies")],
    ),
    (
        "More than 2,000 homes have been destroyed since October.",
        [
            (
                "More than 2,000",
                2000,
                2000,
                None,
                "count",
                "more_than",
                None,
                None,
                "homes destroyed",
            )
        ],
    ),
    (
        "The UN said 11 aid workers had been killed this month.",
        [("11", 11, 11, 11, "count", "exact", None, None, "aid workers killed")],
    ),
    (
        "About 5,000 people were evacuated from the front-line villages.",
        [("About 5,000", 5000, None, None, "count", "approx", None, None, "people evacuated")],
    ),
    (
        "Roughly 800 soldiers surrendered, according to the defence ministry.",
        [("Roughly 800", 800, None, None, "count", "approx", None, None, "soldiers surrendered")],
    ),
    (
        "Nine children were among the dead, hospital staff said.",
        [("Nine", 9, 9, 9, "count", "exact", None, None, "children")],
    ),
    (
        "Two journalists were detained at the checkpoint on Sunday.",
        [("Two", 2, 2, 2, "count", "exact", None, None, "journalists detained")],
    ),
    (
        "The strike killed four members of one family.",
        [
            ("four", 4, 4, 4, "count", "exact", None, None, "members"),
            ("one", 1, 1, 1, "count", "exact", None, None, "family"),
        ],
    ),
    # military claims
    (
        "Air defences intercepted 26 of the 31 missiles launched overnight.",
        [
            ("26", 26, 26, 26, "count", "exact", None, None, "missiles"),
            ("31", 31, 31, 31, "count", "exact", None, None, "missiles"),
        ],
    ),
    (
        "The navy said it had sunk three landing ships since February.",
        [("three", 3, 3, 3, "count", "exact", None, None, "landing ships")],
    ),
    (
        "The army says it has retaken 120 square kilometres this week.",
        [("120 square kilometres", 120, 120, 120, "square_kilometre", "exact", None, None, None)],
    ),
    (
        "Forces advanced up to 3 km near the village, a spokesman said.",
        [("up to 3 km", 3, None, 3, "kilometre", "at_most", None, None, None)],
    ),
    (
        "The battalion has about 400 men and 30 armoured vehicles.",
        [
            ("about 400", 400, None, None, "count", "approx", None, None, "men"),
            ("30", 30, 30, 30, "count", "exact", None, None, "armoured vehicles"),
        ],
    ),
    (
        "The rebels claim to control 70% of the province.",
        [("70%", 70, 70, 70, "percent", "exact", None, None, None)],
    ),
    (
        "Some 15,000 reservists were called up in a single week.",
        [("Some 15,000", 15000, None, None, "count", "approx", None, None, "reservists")],
    ),
    # economy and aid
    (
        "The World Bank estimates reconstruction will cost $486 billion.",
        [("$486 billion", 4.86e11, 4.86e11, 4.86e11, "USD", "exact", None, None, None)],
    ),
    (
        "Gas transit fees brought in €1.2 billion a year.",
        [("€1.2 billion a year", 1.2e9, 1.2e9, 1.2e9, "EUR", "exact", "year", None, None)],
    ),
    (
        "The economy shrank by 29.1% last year, the statistics office said.",
        [("29.1%", 29.1, 29.1, 29.1, "percent", "exact", None, ("down", None, None), None)],
    ),
    (
        "Annual inflation reached 26.6% in October.",
        [("26.6%", 26.6, 26.6, 26.6, "percent", "exact", None, None, None)],
    ),
    (
        "Wheat shipments through the corridor rose to 3.2 million tonnes.",
        [
            (
                "3.2 million tonnes",
                3.2e6,
                3.2e6,
                3.2e6,
                "tonne",
                "exact",
                None,
                ("up", None, 3.2e6),
                None,
            )
        ],
    ),
    (
        "The fund disbursed $4.5 billion, up from $3.9 billion in 2022.",
        [
            ("$4.5 billion", 4.5e9, 4.5e9, 4.5e9, "USD", "exact", None, None, None),
            ("$3.9 billion", 3.9e9, 3.9e9, 3.9e9, "USD", "exact", None, None, None),
        ],
    ),
    (
        "Oil output was cut by 500,000 barrels per day.",
        [
            (
                "500,000 barrels per day",
                500000,
                500000,
                500000,
                "barrel_per_day",
                "exact",
                None,
                ("down", None, None),
                None,
            )
        ],
    ),
    (
        "Food prices in the besieged city are 10 times higher than before the war.",
        [("10 times", 10, 10, 10, "times", "exact", None, None, None)],
    ),
    (
        "The currency has lost 20% of its value against the dollar.",
        [("20%", 20, 20, 20, "percent", "exact", None, ("down", None, None), None)],
    ),
    (
        "The appeal seeks $2.8 billion for 4.6 million people.",
        [
            ("$2.8 billion", 2.8e9, 2.8e9, 2.8e9, "USD", "exact", None, None, None),
            ("4.6 million", 4.6e6, 4.6e6, 4.6e6, "count", "exact", None, None, "people"),
        ],
    ),
    # displacement and humanitarian
    (
        "More than 6 million refugees have fled the country, the UN refugee agency said.",
        [
            (
                "More than 6 million",
                6e6,
                6e6,
                None,
                "count",
                "more_than",
                None,
                None,
                "refugees fled",
            )
        ],
    ),
    (
        "Nearly 1.9 million people, or 85% of the population, are displaced.",
        [
            (
                "Nearly 1.9 million",
                1.9e6,
                None,
                1.9e6,
                "count",
                "less_than",
                None,
                None,
                "people displaced",
            ),
            ("85%", 85, 85, 85, "percent", "exact", None, None, None),
        ],
    ),
    (
        "Only 12 of the 36 hospitals are partially functioning.",
        [
            ("12", 12, 12, 12, "count", "exact", None, None, "hospitals"),
            ("36", 36, 36, 36, "count", "exact", None, None, "hospitals"),
        ],
    ),
    (
        "The camp, built for 20,000 people, now holds 65,000.",
        [
            ("20,000", 20000, 20000, 20000, "count", "exact", None, None, "people"),
            ("65,000", 65000, 65000, 65000, "count", "exact", None, None, None),
        ],
    ),
    (
        "Each family receives 15 litres of water a day.",
        [("15 litres", 15, 15, 15, "litre", "exact", None, None, None)],
    ),
    (
        "Power is available for four hours a day.",
        [("four hours a day", 4, 4, 4, "hour", "exact", "day", None, None)],
    ),
    # time spans and periods
    ("The blockade entered its 100th day on Friday.", []),
    (
        "The truce expired after 48 hours.",
        [("48 hours", 48, 48, 48, "hour", "exact", None, None, None)],
    ),
    (
        "Negotiators met for six rounds over eight months.",
        [
            ("six", 6, 6, 6, "count", "exact", None, None, "rounds"),
            ("eight months", 8, 8, 8, "month", "exact", None, None, None),
        ],
    ),
    (
        "The conflict, now in its third year, has displaced millions.",
        [("millions", None, 1e6, 1e7, "count", "vague", None, None, None)],
    ),
    # ranges and approximations in statements
    (
        "Between 10,000 and 15,000 fighters are thought to be in the area.",
        [
            (
                "Between 10,000 and 15,000",
                None,
                10000,
                15000,
                "count",
                "range",
                None,
                None,
                "fighters",
            )
        ],
    ),
    (
        "The blast left a crater 10 to 12 metres wide.",
        [("10 to 12 metres", None, 10, 12, "metre", "range", None, None, None)],
    ),
    (
        "Estimates range from 30,000 to 40,000 dead.",
        [
            (
                "from 30,000 to 40,000",
                None,
                30000,
                40000,
                "count",
                "range",
                None,
                None,
                "dead",
            )
        ],
    ),
    (
        "The column was roughly 60 km long, satellite images showed.",
        [("roughly 60 km", 60, None, None, "kilometre", "approx", None, None, None)],
    ),
    (
        "The explosion was heard up to 50 miles away.",
        [("up to 50 miles", 50, None, 50, "mile", "at_most", None, None, None)],
    ),
    # not quantities, statement style
    ("The 24th Mechanized Brigade denied the report.", []),
    ("Protocol I of the Geneva Conventions applies.", []),
    ("The meeting was held at Building 7 of the ministry.", []),
    ("Flight MH17 was shot down over the region in 2014.", []),
    ("The S-300 system and the Tor-M2 were deployed near the airport.", []),
    ("The vote on Resolution 2728 was postponed.", []),
    ("Talks are scheduled for 3 p.m. on 5 June.", []),
    ("The statement was issued on 1/2/2024 by the press office.", []),
    # sanctions, budgets, arms
    (
        "The EU froze €210 billion of central bank assets.",
        [("€210 billion", 2.1e11, 2.1e11, 2.1e11, "EUR", "exact", None, None, None)],
    ),
    (
        "The package includes 31 tanks and 155mm artillery shells.",
        [
            ("31", 31, 31, 31, "count", "exact", None, None, "tanks"),
            ("155mm", 155, 155, 155, "millimetre", "exact", None, None, None),
        ],
    ),
    (
        "Defence spending will rise to 2.5% of GDP by 2030, the minister said.",
        [("2.5%", 2.5, 2.5, 2.5, "percent", "exact", None, ("up", None, 2.5), None)],
    ),
    (
        "Parliament approved a budget of 1.7 trillion hryvnias for the army.",
        [("1.7 trillion hryvnias", 1.7e12, 1.7e12, 1.7e12, "UAH", "exact", None, None, None)],
    ),
    (
        "The drones cost about $20,000 each, officials said.",
        [("about $20,000", 20000, None, None, "USD", "approx", None, None, None)],
    ),
    # quotes and claims with figures
    (
        '"We have lost 30 percent of our territory," the governor said.',
        [("30 percent", 30, 30, 30, "percent", "exact", None, ("down", None, None), None)],
    ),
    (
        '"More than 500 rockets hit the city yesterday," the mayor told reporters.',
        [("More than 500", 500, 500, None, "count", "more_than", None, None, "rockets")],
    ),
    (
        "According to the monitors, the ceasefire was violated 1,100 times in a week.",
        [("1,100 times", 1100, 1100, 1100, "times", "exact", None, None, None)],
    ),
    (
        "The report documents 34 attacks on health facilities in 2023.",
        [("34", 34, 34, 34, "count", "exact", None, None, "attacks")],
    ),
    (
        "Satellite images show at least 140 craters within 2 km of the plant.",
        [
            ("at least 140", 140, 140, None, "count", "at_least", None, None, "craters"),
            ("2 km", 2, 2, 2, "kilometre", "exact", None, None, None),
        ],
    ),
    # changes whose new level is bounded, with a rate; adjectives used as nouns
    (
        "Aid deliveries fell from 40 trucks a day to fewer than 10, the UN said.",
        [
            (
                "from 40 trucks a day to fewer than 10",
                10,
                None,
                10,
                "count",
                "less_than",
                "day",
                ("down", 40, 10),
                "trucks",
            )
        ],
    ),
    (
        "The number of detainees rose from 120 to more than 300 in a month.",
        [
            (
                "from 120 to more than 300",
                300,
                300,
                None,
                "count",
                "more_than",
                None,
                ("up", 120, 300),
                None,
            )
        ],
    ),
    (
        '"We treated 43 wounded," said the hospital director.',
        [("43", 43, 43, 43, "count", "exact", None, None, "wounded")],
    ),
    (
        "The attack left 12 dead and 40 missing, the governor said.",
        [
            ("12", 12, 12, 12, "count", "exact", None, None, "dead"),
            ("40", 40, 40, 40, "count", "exact", None, None, "missing"),
        ],
    ),
    # not quantities
    ("The 7th Armoured Brigade entered the town on March 3, 2022.", []),
    ("The convoy took Route 60 toward the border in 1989.", []),
    ("The agency cut the rating from Baa1 to Baa2.", []),
    ("F-16 jets flew over the city during the COVID-19 lockdown.", []),
    ("1) The army withdrew. 2) The talks resumed.", []),
    ("Resolution 2334 was adopted by the Security Council.", []),
    ("The attack began at 5:30 a.m. local time.", []),
    ("Talks resumed on 12 May in Geneva.", []),
    # "up" as a particle is not a rise ("gave up", "made up", "racked up"); "ended up 4%" is
    (
        "The defenders gave up three villages in two days, the army said.",
        [
            ("three", 3, 3, 3, "count", "exact", None, None, "villages"),
            ("two days", 2, 2, 2, "day", "exact", None, None, None),
        ],
    ),
    (
        "Women and children made up 60% of the displaced, the agency said.",
        [("60%", 60, 60, 60, "percent", "exact", None, None, None)],
    ),
    (
        "The militia has racked up 40 attacks this year, monitors said.",
        [("40", 40, 40, 40, "count", "exact", None, None, "attacks")],
    ),
    (
        "Shares in the arms maker ended up 4% on Friday.",
        [("4%", 4, 4, 4, "percent", "exact", None, ("up", None, None), None)],
    ),
    # Reuters' yen: "Y=300 billion"
    (
        "Tokyo put the cost of the relief effort at Y=300 billion ($5.4 billion), Kyodo reported.",
        [
            ("Y=300 billion", 300e9, 300e9, 300e9, "JPY", "exact", None, None, None),
            ("$5.4 billion", 5.4e9, 5.4e9, 5.4e9, "USD", "exact", None, None, None),
        ],
    ),
    # currency subunits, transliterated pounds, levels a change reaches, notation, names
    (
        "Shares in the defence contractor rose 12p to 418.5p after the contract was announced.",
        [
            ("12p", 0.12, 0.12, 0.12, "GBP", "exact", None, ("up", None, None), None),
            ("418.5p", 4.185, 4.185, 4.185, "GBP", "exact", None, ("up", None, 4.185), None),
        ],
    ),
    (
        "BAE Systems was down 9 p at 1,210 p in London trading.",
        [
            ("9 p", 0.09, 0.09, 0.09, "GBP", "exact", None, ("down", None, None), None),
            ("1,210 p", 12.1, 12.1, 12.1, "GBP", "exact", None, ("down", None, 12.1), None),
        ],
    ),
    (
        "Fuel subsidies rose 12 sen to RM2.30 a litre, the ministry said.",
        [
            ("12 sen", 0.12, 0.12, 0.12, "MYR", "exact", None, ("up", None, None), None),
            ("RM2.30 a litre", 2.3, 2.3, 2.3, "MYR", "exact", "litre", ("up", None, 2.3), None),
        ],
    ),
    (
        "The ministry said a loaf of bread now costs 35 kopecks more.",
        [("35 kopecks", 0.35, 0.35, 0.35, "RUB", "exact", None, None, None)],
    ),
    (
        "The reconstruction package was worth up to PS2.7m, while PS5 consoles were sold out.",
        [("up to PS2.7m", 2700000.0, None, 2700000.0, "GBP", "at_most", None, None, None)],
    ),
    (
        "The trade balance with the region narrowed to $-50.8bn in April.",
        [
            (
                "$-50.8bn",
                -50800000000.0,
                -50800000000.0,
                -50800000000.0,
                "USD",
                "exact",
                None,
                ("down", None, -50800000000.0),
                None,
            )
        ],
    ),
    (
        "The index lost 1.1% to close at 1,334.20 as the fighting spread.",
        [
            ("1.1%", 1.1, 1.1, 1.1, "percent", "exact", None, ("down", None, None), None),
            (
                "1,334.20",
                1334.2,
                1334.2,
                1334.2,
                "count",
                "exact",
                None,
                ("down", None, 1334.2),
                None,
            ),
        ],
    ),
    (
        "The central bank said inflation fell to 0.8% in March.",
        [("0.8%", 0.8, 0.8, 0.8, "percent", "exact", None, ("down", None, 0.8), None)],
    ),
    (
        "The blast released an estimated 2.3×10^15 joules of energy, the agency said.",
        [
            (
                "an estimated 2.3×10^15 joules",
                2300000000000000.0,
                None,
                None,
                "joule",
                "approx",
                None,
                None,
                None,
            )
        ],
    ),
    (
        "About 1/3 of the displaced families have returned, the UN said.",
        [("About 1/3", 0.333333, None, None, "fraction", "approx", None, None, None)],
    ),
    (
        "The unit's drones can strike targets at sub-5 kilometre altitudes.",
        [("sub-5 kilometre", 5, None, 5, "kilometre", "less_than", None, None, None)],
    ),
    (
        "Officials procured 40,000 COVID -19 tests for the camps.",
        [("40,000", 40000, 40000, 40000, "count", "exact", None, None, "COVID -19 tests")],
    ),
    (
        "The shelter at 14 Olive Grove Road, Marven, was hit twice.",
        [],
    ),
    (
        "Sea levels could rise 7 feet per century, submerging coastal towns by 2120, scientists warned.",
        [("7 feet per century", 7, 7, 7, "foot", "exact", "century", ("up", None, None), None)],
    ),
    (
        "Office space near the ministry leased at $65 per sq m last year.",
        [("$65 per sq m", 65, 65, 65, "USD", "exact", "square_metre", None, None)],
    ),
    (
        "The engine delivers just under 150 hp (112 kW / 152 PS), the manufacturer said.",
        [
            ("just under 150 hp", 150, None, 150, "horsepower", "less_than", None, None, None),
            ("112 kW", 112, None, 112, "kilowatt", "less_than", None, None, None),
            ("152 PS", 152, None, 152, "horsepower", "less_than", None, None, None),
        ],
    ),
    (
        "Temperatures dropped by 2 to 3 degrees Celsius (3.6 to 5.4 Fahrenheit) overnight.",
        [
            (
                "2 to 3 degrees Celsius",
                None,
                2,
                3,
                "celsius",
                "range",
                None,
                ("down", None, None),
                None,
            ),
            (
                "3.6 to 5.4 Fahrenheit",
                None,
                3.6,
                5.4,
                "fahrenheit",
                "range",
                None,
                ("down", None, None),
                None,
            ),
        ],
    ),
    (
        "The convoy covered 380 mountain miles in four days.",
        [
            ("380", 380, 380, 380, "mile", "exact", None, None, "mountain miles"),
            ("four days", 4, 4, 4, "day", "exact", None, None, None),
        ],
    ),
    (
        "The militia claimed 12 attacks this month and 3.4 last year.",
        [
            ("12", 12, 12, 12, "count", "exact", None, None, "attacks"),
            ("3.4", 3.4, 3.4, 3.4, "count", "exact", None, None, None),
        ],
    ),
    (
        "Police said 3 Main Street residents were evacuated.",
        [("3", 3, 3, 3, "count", "exact", None, None, "Main Street residents evacuated")],
    ),
    # ranges written with from ... to, and a change's level after a bare count
    (
        "Ransom demands ranged from $5,000 to $50,000, police said.",
        [("from $5,000 to $50,000", None, 5000, 50000, "USD", "range", None, None, None)],
    ),
    (
        "Fuel prices went from 30 to 45 hryvnias a litre in a month.",
        [
            (
                "from 30 to 45 hryvnias a litre",
                45,
                45,
                45,
                "UAH",
                "exact",
                "litre",
                ("up", 30, 45),
                None,
            )
        ],
    ),
    (
        "The ministry revised the toll upward by 40 to 212.",
        [
            ("40", 40, 40, 40, "count", "exact", None, ("up", None, None), None),
            ("212", 212, 212, 212, "count", "exact", None, ("up", None, 212), None),
        ],
    ),
    (
        "Wages for conscripts from 20,000 to 30,000 roubles a month were promised.",
        [
            (
                "from 20,000 to 30,000 roubles a month",
                None,
                20000,
                30000,
                "RUB",
                "range",
                "month",
                None,
                None,
            )
        ],
    ),
    # a change with its years between the figures; a multiplication that is not notation
    (
        "Unemployment in the occupied districts, from 4% in 2022 to 11% in 2023, is the highest in Europe.",
        [("from 4% in 2022 to 11%", 11, 11, 11, "percent", "exact", None, ("up", 4, 11), None)],
    ),
    (
        "Engineers laid 4 x 100 metre pontoon sections across the river.",
        [
            ("4", 4, 4, 4, "count", "exact", None, None, None),
            ("100 metre", 100, 100, 100, "metre", "exact", None, None, None),
        ],
    ),
    # issue 17: 'm' and 'mil' as millions before a unit or a plural noun; '500m' is metres
    (
        "The agency said 1.2m people had fled the province since March.",
        [("1.2m", 1200000.0, 1200000.0, 1200000.0, "count", "exact", None, None, "people fled")],
    ),
    (
        "Aid reached the 3 mil residents of the valley, the ministry said.",
        [("3 mil", 3000000.0, 3000000.0, 3000000.0, "count", "exact", None, None, "residents")],
    ),
    (
        "Engineers pumped 4.5m litres of water into the reservoir.",
        [("4.5m litres", 4500000.0, 4500000.0, 4500000.0, "litre", "exact", None, None, None)],
    ),
    (
        "Sappers cleared a 500m stretch of the road.",
        [("500m", 500.0, 500.0, 500.0, "metre", "exact", None, None, None)],
    ),
    # issue 17: an ASCII hyphen as a minus sign (market tables, temperatures); not closing a range
    (
        "The Kovar index -1.8% and the dinar -0.4% after the strike.",
        [
            ("-1.8%", -1.8, -1.8, -1.8, "percent", "exact", None, ("down", None, None), None),
            ("-0.4%", -0.4, -0.4, -0.4, "percent", "exact", None, ("down", None, None), None),
        ],
    ),
    (
        "The hryvnia fell -2.3% against the dollar on Tuesday.",
        [("-2.3%", -2.3, -2.3, -2.3, "percent", "exact", None, ("down", None, None), None)],
    ),
    (
        "Night temperatures in the camps fell to -12 degrees.",
        [
            (
                "-12 degrees",
                -12.0,
                -12.0,
                -12.0,
                "degree",
                "exact",
                None,
                ("down", None, -12.0),
                None,
            )
        ],
    ),
    (
        "Men aged 18 -25 were called up, the decree said.",
        [("18 -25", None, 18.0, 25.0, "year_of_age", "range", None, None, None)],
    ),
    # issue 17: 'X or Y' with a unit on each, or far apart, names two figures, not a range
    (
        "Fares at the crossing are $7 or $9 depending on the route.",
        [
            ("$7", 7.0, 7.0, 7.0, "USD", "exact", None, None, None),
            ("$9", 9.0, 9.0, 9.0, "USD", "exact", None, None, None),
        ],
    ),
    (
        "Either 10 or 100 drones were launched, the two sources said.",
        [
            ("10", 10.0, 10.0, 10.0, "count", "exact", None, None, "drones launched"),
            ("100", 100.0, 100.0, 100.0, "count", "exact", None, None, "drones launched"),
            ("two", 2.0, 2.0, 2.0, "count", "exact", None, None, "sources"),
        ],
    ),
    # issue 17: year-like numbers that count (an approximator, 'of the', a plural noun) and years
    (
        "Nearly 2000 people fled the town overnight.",
        [("Nearly 2000", 2000.0, None, 2000.0, "count", "less_than", None, None, "people fled")],
    ),
    (
        "More than 1500 of the residents were evacuated.",
        [("More than 1500", 1500.0, 1500.0, None, "count", "more_than", None, None, "residents")],
    ),
    (
        "Monitors counted 1999 votes in the district.",
        [("1999", 1999.0, 1999.0, 1999.0, "count", "exact", None, None, "votes")],
    ),
    ("The fort was built in 1850 and shelled in 2022.", []),
    # issue 17: dates, spans of days, clock spans and seasons are no quantities
    ("Talks ran March 3-5 in Geneva, officials said.", []),
    ("Aid deliveries are allowed 3-5 p.m. on weekdays.", []),
    ("The 2022-23 budget was frozen by parliament.", []),
    # issue 17: numbers inside names: indices in any case, aircraft, diseases, shirt numbers
    ("The FTSE 250 and the Nikkei 225 fell after the strike.", []),
    ("The sp 500 closed lower as the talks stalled.", []),
    (
        "The ministry bought 12 Boeing 737 jets for the air force.",
        [("12", 12.0, 12.0, 12.0, "count", "exact", None, None, "Boeing 737 jets")],
    ),
    (
        "covid 19 cases in the camp rose to 400.",
        [("400", 400.0, 400.0, 400.0, "count", "exact", None, ("up", None, 400.0), None)],
    ),
    ("The striker wearing number 9 was detained at the border.", []),
    # issue 17: fractions without 'of', written fractions before a unit; 'second half' is a period
    (
        "One fourth of the wells were dry, the agency said.",
        [("One fourth", 0.25, 0.25, 0.25, "fraction", "exact", None, None, None)],
    ),
    (
        "The bread ration was cut by one third in May.",
        [
            (
                "one third",
                0.333333,
                0.333333,
                0.333333,
                "fraction",
                "exact",
                None,
                ("down", None, None),
                None,
            )
        ],
    ),
    (
        "Each family received 1/2 pound of flour and 2 1/2 litres of water.",
        [
            ("1/2 pound", 0.5, 0.5, 0.5, "pound_mass", "exact", None, None, None),
            ("2 1/2 litres", 2.5, 2.5, 2.5, "litre", "exact", None, None, None),
        ],
    ),
    ("Fighting eased in the second half of the year.", []),
    # issue 17: unit spellings: a currency sign after the figure, 'bp', 'deg C', case variants
    (
        "Fuel cost 100€ per drum at the crossing.",
        [("100€ per drum", 100.0, 100.0, 100.0, "EUR", "exact", "drum", None, None)],
    ),
    (
        "The permit costs 50 $ at the checkpoint.",
        [("50 $", 50.0, 50.0, 50.0, "USD", "exact", None, None, None)],
    ),
    (
        "The central bank raised rates by 50bp on Monday.",
        [("50bp", 50.0, 50.0, 50.0, "basis_point", "exact", None, ("up", None, None), None)],
    ),
    (
        "Night temperatures fell to 6 deg C in the hills.",
        [("6 deg C", 6.0, 6.0, 6.0, "celsius", "exact", None, ("down", None, 6.0), None)],
    ),
    (
        "The convoy drove 40 Km to the border.",
        [("40 Km", 40.0, 40.0, 40.0, "kilometre", "exact", None, None, None)],
    ),
    # issue 17: range and change shapes: '$7/$9', chained from-to, a shared scale, 'from X up to Y'
    (
        "Bribes at the checkpoints cost $7/$9 a car.",
        [("$7/$9", None, 7.0, 9.0, "USD", "range", None, None, None)],
    ),
    (
        "The toll rose from 10 to 20 to 35 overnight.",
        [
            ("from 10 to 20", 20.0, 20.0, 20.0, "count", "exact", None, ("up", 10.0, 20.0), None),
            ("35", 35.0, 35.0, 35.0, "count", "exact", None, ("up", 20.0, 35.0), None),
        ],
    ),
    (
        "Reconstruction pledges grew from $10 to $15 billion.",
        [
            (
                "from $10 to $15 billion",
                15000000000.0,
                15000000000.0,
                15000000000.0,
                "USD",
                "exact",
                None,
                ("up", 10000000000.0, 15000000000.0),
                None,
            )
        ],
    ),
    (
        "Bread prices climbed from $3 up to $5 in a week.",
        [("from $3 up to $5", 5.0, 5.0, 5.0, "USD", "exact", None, ("up", 3.0, 5.0), None)],
    ),
    # issue 17: scores and tallies written high-low are no ranges and no counts
    ("The home side won 3-1 despite the curfew.", []),
    ("The motion passed 52-48 in the assembly.", []),
    # issue 17, second reading: "New Jersey" is no shirt number; things measured by their
    # height are metres ("8m waves"), counted things millions ("4m households")
    (
        "In New Jersey 1,200 new cases were reported on Monday.",
        [("1,200", 1200, 1200, 1200, "count", "exact", None, None, "new cases")],
    ),
    (
        "Huge 8m waves struck the coast of Selmouth as 4m households lost power.",
        [
            ("8m", 8, 8, 8, "metre", "exact", None, None, None),
            ("4m", 4e6, 4e6, 4e6, "count", "exact", None, None, "households lost"),
        ],
    ),
    # temperatures with a bare C or F where the sentence speaks of them; W and V spaced
    (
        "Temperatures reached 42 C (108 F) in Varnholm on Tuesday.",
        [
            ("42 C", 42, 42, 42, "celsius", "exact", None, None, None),
            ("108 F", 108, 108, 108, "fahrenheit", "exact", None, None, None),
        ],
    ),
    (
        "Relief camps near Ostrava Nova froze at minus 12C overnight.",
        [("minus 12C", -12, -12, -12, "celsius", "exact", None, None, None)],
    ),
    (
        "The field hospital ran on a 230 V generator and 65 W lamps.",
        [
            ("230 V", 230, 230, 230, "volt", "exact", None, None, None),
            ("65 W", 65, 65, 65, "watt", "exact", None, None, None),
        ],
    ),
    ("The shelling hit Block 5 C of the Tarsk housing estate.", []),
    # "pounds" as money with a scale or after paying, as weight otherwise
    (
        "Donors pledged 40 million pounds and the ministry was fined 50,000 pounds.",
        [
            ("40 million pounds", 4e7, 4e7, 4e7, "GBP", "exact", None, None, None),
            ("50,000 pounds", 50000, 50000, 50000, "GBP", "exact", None, None, None),
        ],
    ),
    (
        "The convoy carried 2 million pounds of flour; each sack weighed 50 pounds.",
        [
            ("2 million pounds", 2e6, 2e6, 2e6, "pound_mass", "exact", None, None, None),
            ("50 pounds", 50, 50, 50, "pound_mass", "exact", None, None, None),
        ],
    ),
    # currencies named with their country, and South Asian scales
    (
        "Aid worth 125 million Australian dollars and C $ 30 million arrived.",
        [
            (
                "125 million Australian dollars",
                1.25e8,
                1.25e8,
                1.25e8,
                "AUD",
                "exact",
                None,
                None,
                None,
            ),
            ("C $ 30 million", 3e7, 3e7, 3e7, "CAD", "exact", None, None, None),
        ],
    ),
    (
        "The district received 25 lakh rupees for 3 crore people.",
        [
            ("25 lakh rupees", 2.5e6, 2.5e6, 2.5e6, "INR", "exact", None, None, None),
            ("3 crore", 3e7, 3e7, 3e7, "count", "exact", None, None, "people"),
        ],
    ),
    # ages after "aged" or "the age of"
    (
        "Two men aged 19 and 23 and anyone under the age of 18 were released.",
        [
            ("Two", 2, 2, 2, "count", "exact", None, None, "men released"),
            ("19", 19, 19, 19, "year_of_age", "exact", None, None, None),
            ("23", 23, 23, 23, "year_of_age", "exact", None, None, None),
            ("18", 18, 18, 18, "year_of_age", "exact", None, None, None),
        ],
    ),
    # verbs of change, one with its object between it and the figure; "up to" after a
    # verb of rising is the level reached; a change restated after ", or"
    (
        "The agency slashed rations by 30% and hiked fuel prices 12 percent.",
        [
            ("30%", 30, 30, 30, "percent", "exact", None, ("down", None, None), None),
            ("12 percent", 12, 12, 12, "percent", "exact", None, ("up", None, None), None),
        ],
    ),
    (
        "The displacement rate edged up to 5.2% in Kessby.",
        [("5.2%", 5.2, 5.2, 5.2, "percent", "exact", None, ("up", None, 5.2), None)],
    ),
    (
        "The aid budget shed 300 million dollars, or 4%, this year.",
        [
            (
                "300 million dollars",
                3e8,
                3e8,
                3e8,
                "USD",
                "exact",
                None,
                ("down", None, None),
                None,
            ),
            ("4%", 4, 4, 4, "percent", "exact", None, ("down", None, None), None),
        ],
    ),
    # "averaged" and "barely" make a figure approximate
    (
        "Arrivals averaged 1,400 a day, barely 30 percent of the spring peak.",
        [
            ("averaged 1,400 a day", 1400, None, None, "count", "approx", "day", None, None),
            ("barely 30 percent", 30, None, None, "percent", "approx", None, None, None),
        ],
    ),
]
