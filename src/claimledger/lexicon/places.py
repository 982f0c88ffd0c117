"""Places: nationality adjectives to the country they name."""

from __future__ import annotations

# Nationality adjectives to the country a source speaks for ("Ukrainian Defence Minister").
DEMONYMS: dict[str, str] = {
    k: v
    for v, ks in (
        ("Ukraine", "ukrainian"),
        ("Russia", "russian"),
        ("Israel", "israeli"),
        ("Palestine", "palestinian"),
        ("United States", "american u.s. us"),
        ("United Kingdom", "british uk u.k."),
        ("France", "french"),
        ("Germany", "german"),
        ("China", "chinese"),
        ("Iran", "iranian"),
        ("Syria", "syrian"),
        ("Iraq", "iraqi"),
        ("Turkey", "turkish"),
        ("Lebanon", "lebanese"),
        ("Yemen", "yemeni"),
        ("Sudan", "sudanese"),
        ("Egypt", "egyptian"),
        ("Qatar", "qatari"),
        ("Saudi Arabia", "saudi"),
        ("Poland", "polish"),
        ("Belarus", "belarusian"),
        ("Georgia", "georgian"),
        ("Armenia", "armenian"),
        ("Azerbaijan", "azerbaijani"),
        ("Afghanistan", "afghan"),
        ("Pakistan", "pakistani"),
        ("India", "indian"),
        ("Japan", "japanese"),
        ("Ethiopia", "ethiopian"),
        ("Somalia", "somali"),
        ("Libya", "libyan"),
        ("Mali", "malian"),
        ("Nigeria", "nigerian"),
        ("Venezuela", "venezuelan"),
        ("Colombia", "colombian"),
        ("Mexico", "mexican"),
        ("Canada", "canadian"),
        ("Italy", "italian"),
        ("Spain", "spanish"),
        ("Netherlands", "dutch"),
        ("Jordan", "jordanian"),
        ("United Arab Emirates", "emirati"),
        ("Moldova", "moldovan"),
        ("Serbia", "serbian"),
        ("Kosovo", "kosovar"),
        ("Myanmar", "burmese"),
    )
    for k in ks.split()
}
