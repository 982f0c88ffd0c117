"""The trigger lexicon: the words that name an event, each with the taxonomy codes it may
have, and the words of a sentence that decide among them.

A trigger is a verb or a noun, looked up by its lowercased lemma (one dict lookup per
token). Each entry lists its candidate codes, the most usual first; a trigger with one
candidate decides alone, one with several is decided by the sentence's words (a weapon
``CUES``, the kind of its target or actor, see ``kinds``) and only failing those by the
classifier. Each table groups its words by the class of event they cover.
"""

from __future__ import annotations

from claimledger.extract.events.kinds import (
    PROTEST_INTERVENTION,
    PROTEST_LETHAL,
    PROTEST_VIOLENT,
    WEAPON,
)

# Natural hazards, by lemma: each a trigger noun of a natural disaster.
NATURAL_HAZARDS = frozenset(
    {"earthquake", "quake", "tremor", "aftershock", "flood", "flooding", "landslide",
     "mudslide", "cyclone", "hurricane", "typhoon", "tornado", "tsunami", "wildfire",
     "bushfire", "drought", "avalanche", "storm", "downpour", "heatwave"}
)  # fmt: skip
# Words of a named storm's title before its hazard word ("Tropical Storm Ferro").
HAZARD_TITLES = frozenset({"tropical", "super", "severe", "winter", "extratropical"})
# Words that make an explosion an accident where the sentence names no bomb, weapon or
# armed side (``ATTACK_WORDS``): a boiler, a gas cylinder, a refinery, a mine's gas.
ACCIDENT = frozenset(
    {
        "accident", "accidental", "accidentally", "boiler", "cylinder", "refinery",
        "pipeline", "tanker", "leak", "firework", "fireworks", "reactor", "factory",
        "chemical", "gas", "coal", "miner", "colliery", "furnace", "short-circuit",
    }
)  # fmt: skip
ATTACK_WORDS = frozenset(
    {
        "bomb", "bomber", "bombing", "explosive", "ied", "grenade", "detonate", "attack",
        "attacker", "suicide", "rocket", "missile", "shell", "mortar", "drone", "sabotage",
        "militant", "gunman", "terrorist", "insurgent", "responsibility", "target",
        "device", "saboteur", "arson", "arsonist",
    }
)  # fmt: skip
# Subjects that make "crash" a vehicle's accident ("a bus crashed into a ravine").
VEHICLES = frozenset(
    {"bus", "car", "plane", "train", "truck", "lorry", "aircraft", "airliner", "jet",
     "helicopter", "minibus", "coach", "vehicle", "ferry", "boat", "tanker", "flight", "van",
     "jeep", "pickup", "motorcycle", "motorbike", "tractor", "ambulance", "minivan", "taxi",
     "ship", "vessel", "freighter", "trawler", "barge", "yacht"}
)  # fmt: skip
# Aircraft: they strike from the air, never by running into a mine ("jets struck a gold
# mine").
AIRCRAFT = frozenset(
    {"plane", "jet", "aircraft", "airliner", "helicopter", "flight", "warplane", "drone"}
)
# Vehicles of a patrol that strike an explosive ("an army patrol drove over an IED"): with
# VEHICLES, the target of a mine or roadside bomb they hit, never its actor.
CONVOYS = frozenset({"convoy", "patrol", "tank", "humvee", "armoured", "armored", "apc"})
# Verbs by which a vehicle or a walker sets off an explosive it meets ("hit a mine", "ran
# over a landmine", "stepped on a mine"); a "mine" is a trigger only as their object.
SET_OFF_VERBS = frozenset({"hit", "strike", "run", "drive", "roll", "step", "tread", "trigger"})
# Of these, the ones that meet it only "over" or "on" it ("ran over a mine", not "has run
# the copper mine since 2009").
OVER_VERBS = frozenset({"run", "drive", "roll", "step", "tread"})
# What makes a "mine" an explosive by its own words ("a land mine", "an anti-tank mine").
MINE_KINDS = frozenset(
    {"land", "anti", "tank", "antitank", "personnel", "roadside", "naval", "sea", "unexploded",
     "anti-tank", "anti-personnel"}
)  # fmt: skip
# Subjects that make "collapse" an accident ("a building collapsed"), not a ceasefire's
# or a government's end.
STRUCTURES = frozenset(
    {
        "building", "bridge", "roof", "wall", "mine", "dam", "tower", "block", "house",
        "school", "ceiling", "stadium", "factory", "hotel", "structure", "apartment",
        "tunnel", "scaffolding", "crane", "embankment", "mall", "church", "mosque",
    }
)  # fmt: skip

# Verbs, by lemma.
VERBS: dict[str, tuple[str, ...]] = {
    # attacks in general: the weapon, the target's kind or the two sides decide
    "attack": (
        "ATTACK", "ARMED_CLASH", "AIR_STRIKE", "ART_MISS_ATTACK", "FORCE_AGAINST_PROTEST",
        "MOB_VIOL",
    ),
    "assault": ("ATTACK", "ARMED_CLASH", "SEX_VIOL"),
    "raid": ("ATTACK", "ARMED_CLASH", "AIR_STRIKE"),
    "ambush": ("ARMED_CLASH", "ATTACK"),
    "storm": ("ARMED_CLASH", "ATTACK", "VIOL_DEMONSTR"),
    "strike": ("AIR_STRIKE", "ART_MISS_ATTACK", "ATTACK", "PEACE_PROTEST"),
    "hit": ("AIR_STRIKE", "ART_MISS_ATTACK", "ATTACK"),
    "target": ("AIR_STRIKE", "ART_MISS_ATTACK", "ATTACK"),
    "shoot": ("ATTACK", "ARMED_CLASH", "FORCE_AGAINST_PROTEST"),
    "fire": (
        "ART_MISS_ATTACK", "ATTACK", "ARMED_CLASH", "FORCE_AGAINST_PROTEST", "PROTEST_WITH_INTER",
    ),
    # battles between armed sides
    "clash": ("ARMED_CLASH", "VIOL_DEMONSTR"),
    "fight": ("ARMED_CLASH",),
    # remote violence by its weapon
    "bomb": ("AIR_STRIKE", "REM_EXPLOS", "SUIC_BOMB"),
    "shell": ("ART_MISS_ATTACK",),
    "bombard": ("ART_MISS_ATTACK", "AIR_STRIKE"),
    "pound": ("ART_MISS_ATTACK", "AIR_STRIKE"),
    "detonate": ("REM_EXPLOS", "SUIC_BOMB"),
    "explode": ("REM_EXPLOS", "SUIC_BOMB", "GRENADE", "MAN_MADE_DISASTER"),
    "gas": ("CHEM_WEAP",),
    # violence against civilians
    "massacre": ("ATTACK",),
    "murder": ("ATTACK",),
    "execute": ("ATTACK",),
    "behead": ("ATTACK",),
    "lynch": ("MOB_VIOL",),
    "torture": ("ATTACK",),
    "kidnap": ("ABDUCT_DISSAP",),
    "abduct": ("ABDUCT_DISSAP",),
    "rape": ("SEX_VIOL",),
    # arrests
    "arrest": ("ARREST",),
    "detain": ("ARREST",),
    # territory: the actor's kind decides government or non-state
    "capture": ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    "seize": ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT", "DISR_WEAP"),
    "overrun": ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    "retake": ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"),
    "recapture": ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"),
    "liberate": ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"),
    "withdraw": ("NON_VIOL_TERRIT_TRANSFER",),
    "cede": ("NON_VIOL_TERRIT_TRANSFER",),
    # changes to an armed group: merged, disbanded, defected (only with an armed side, see
    # mentions)
    "merge": ("CHANGE_TO_GROUP_ACT",),
    "disband": ("CHANGE_TO_GROUP_ACT",),
    "dissolve": ("CHANGE_TO_GROUP_ACT",),
    "defect": ("CHANGE_TO_GROUP_ACT",),
    # disrupted weapons use
    "intercept": ("DISR_WEAP",),
    "defuse": ("DISR_WEAP",),
    "confiscate": ("DISR_WEAP",),
    # property
    "loot": ("PROPERTY_DISTRUCT", "VIOL_DEMONSTR"),
    "torch": ("PROPERTY_DISTRUCT", "VIOL_DEMONSTR"),
    "burn": ("PROPERTY_DISTRUCT", "VIOL_DEMONSTR"),
    "raze": ("PROPERTY_DISTRUCT",),
    "vandalise": ("PROPERTY_DISTRUCT", "VIOL_DEMONSTR"),
    "vandalize": ("PROPERTY_DISTRUCT", "VIOL_DEMONSTR"),
    "ransack": ("PROPERTY_DISTRUCT", "VIOL_DEMONSTR"),
    # protests and riots: the sentence's words of intervention or violence decide
    "protest": ("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"),
    "demonstrate": (
        "PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR",
    ),
    "march": ("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"),
    "rally": ("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"),
    "riot": ("VIOL_DEMONSTR",),
    "disperse": ("PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST"),
    # agreements
    "sign": ("AGREEMENT",),
    # diplomatic events (CASE 2021's): envoys expelled, recalled or summoned (only with an
    # envoy as the object, see mentions)
    "expel": ("DIPLO",),
    "recall": ("DIPLO",),
    "summon": ("DIPLO",),
    # weapons found (ACLED's disrupted weapons use: only with a weapon found, see mentions)
    "discover": ("DISR_WEAP",),
    "uncover": ("DISR_WEAP",),
    "unearth": ("DISR_WEAP",),
    "find": ("DISR_WEAP",),
    # territory taken back from a group ("freed several villages from the militants"; only
    # a territory freed, see mentions)
    "free": ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"),
    # accidents (CASE 2021's man-made disasters): a boat capsizing, a train derailing, a
    # structure collapsing (only with a structure as its subject, see mentions)
    "capsize": ("MAN_MADE_DISASTER",),
    "crash": ("MAN_MADE_DISASTER",),
    "derail": ("MAN_MADE_DISASTER",),
    "collapse": ("MAN_MADE_DISASTER",),
    "overturn": ("MAN_MADE_DISASTER",),
    "collide": ("MAN_MADE_DISASTER",),
    "leak": ("MAN_MADE_DISASTER",),
    "spill": ("MAN_MADE_DISASTER",),
    "erupt": ("NATURAL_DISASTER",),
    # results: an event only where the sentence names no other (see RESULTS)
    "kill": ("ATTACK", "ARMED_CLASH", "FORCE_AGAINST_PROTEST", "MOB_VIOL"),
    "beat": ("ATTACK", "MOB_VIOL", "FORCE_AGAINST_PROTEST"),
    "wound": ("ATTACK", "ARMED_CLASH", "FORCE_AGAINST_PROTEST"),
    "injure": ("ATTACK", "ARMED_CLASH", "FORCE_AGAINST_PROTEST"),
    "destroy": ("PROPERTY_DISTRUCT",),
}  # fmt: skip
# Inflected forms the tagger lemmatises wrongly ("raped" as "rap"), to the lemma meant.
MISREAD: dict[str, str] = {
    "raped": "rape", "raping": "rape", "rapes": "rape", "staged": "stage", "stages": "stage",
}  # fmt: skip
# Nouns, by lemma.
NOUNS: dict[str, tuple[str, ...]] = {
    "attack": ("ATTACK", "ARMED_CLASH", "AIR_STRIKE", "ART_MISS_ATTACK", "MOB_VIOL"),
    "assault": ("ATTACK", "ARMED_CLASH", "SEX_VIOL"),
    "raid": ("ATTACK", "ARMED_CLASH", "AIR_STRIKE"),
    "ambush": ("ARMED_CLASH", "ATTACK"),
    "offensive": ("ARMED_CLASH",),
    "strike": ("AIR_STRIKE", "ART_MISS_ATTACK", "PEACE_PROTEST"),
    "airstrike": ("AIR_STRIKE",),
    "clash": ("ARMED_CLASH", "VIOL_DEMONSTR"),
    "fighting": ("ARMED_CLASH",),
    "battle": ("ARMED_CLASH",),
    "firefight": ("ARMED_CLASH",),
    "gunfight": ("ARMED_CLASH",),
    "shelling": ("ART_MISS_ATTACK",),
    "bombardment": ("ART_MISS_ATTACK", "AIR_STRIKE"),
    "barrage": ("ART_MISS_ATTACK",),
    "bombing": ("REM_EXPLOS", "AIR_STRIKE", "SUIC_BOMB"),
    "bomb": ("REM_EXPLOS", "SUIC_BOMB", "AIR_STRIKE"),
    "explosion": ("REM_EXPLOS", "SUIC_BOMB", "GRENADE", "MAN_MADE_DISASTER"),
    "blast": ("REM_EXPLOS", "SUIC_BOMB", "GRENADE", "MAN_MADE_DISASTER"),
    "landmine": ("REM_EXPLOS",),
    "ied": ("REM_EXPLOS",),
    "grenade": ("GRENADE",),
    "massacre": ("ATTACK",),
    "killing": ("ATTACK",),
    "shooting": ("ATTACK", "ARMED_CLASH", "FORCE_AGAINST_PROTEST"),
    "kidnapping": ("ABDUCT_DISSAP",),
    "abduction": ("ABDUCT_DISSAP",),
    "disappearance": ("ABDUCT_DISSAP",),
    "rape": ("SEX_VIOL",),
    "arrest": ("ARREST",),
    "merger": ("CHANGE_TO_GROUP_ACT",),
    "dissolution": ("CHANGE_TO_GROUP_ACT",),
    "defection": ("CHANGE_TO_GROUP_ACT",),
    "protest": ("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"),
    "demonstration": (
        "PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR",
    ),
    "rally": ("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"),
    "march": ("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"),
    "sit-in": ("PEACE_PROTEST", "PROTEST_WITH_INTER"),
    "riot": ("VIOL_DEMONSTR",),
    "looting": ("PROPERTY_DISTRUCT", "VIOL_DEMONSTR"),
    "ceasefire": ("AGREEMENT",),
    "truce": ("AGREEMENT",),
    "agreement": ("AGREEMENT",),
    "deal": ("AGREEMENT",),
    "accord": ("AGREEMENT",),
    # natural hazards and accidents (CASE 2021's disasters, outside ACLED's taxonomy): their
    # dead are a disaster's, never an attack's ("a tsunami killed 43 people")
    **dict.fromkeys(sorted(NATURAL_HAZARDS), ("NATURAL_DISASTER",)),
    "crash": ("MAN_MADE_DISASTER",),
    "derailment": ("MAN_MADE_DISASTER",),
    "stampede": ("MAN_MADE_DISASTER",),
    "capsizing": ("MAN_MADE_DISASTER",),
    "collision": ("MAN_MADE_DISASTER",),
    "leak": ("MAN_MADE_DISASTER",),
    "spill": ("MAN_MADE_DISASTER",),
    "eruption": ("NATURAL_DISASTER",),
    "expulsion": ("DIPLO",),
    "sanction": ("DIPLO",),
}  # fmt: skip
# Words of several tokens, by their lowercased words: the event they name as one trigger.
# (The first word is looked up; the rest must follow it.)
MULTIWORD: dict[tuple[str, ...], tuple[str, ...]] = {
    ("sexual", "violence"): ("SEX_VIOL",),
    ("sit", "-", "in"): ("PEACE_PROTEST", "PROTEST_WITH_INTER"),
    ("sexually", "assaulted"): ("SEX_VIOL",),
    ("chemical", "weapons"): ("CHEM_WEAP",),
    ("chemical", "weapon"): ("CHEM_WEAP",),
    ("took", "to", "the", "streets"): ("PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR"),
    ("set", "fire", "to"): ("PROPERTY_DISTRUCT", "VIOL_DEMONSTR"),
    ("opened", "fire"): ("ATTACK", "ARMED_CLASH", "FORCE_AGAINST_PROTEST"),
    ("open", "fire"): ("ATTACK", "ARMED_CLASH", "FORCE_AGAINST_PROTEST"),
    ("shot", "down"): ("DISR_WEAP",),
    ("blew", "up"): ("REM_EXPLOS", "SUIC_BOMB", "PROPERTY_DISTRUCT"),
    ("blew", "himself", "up"): ("SUIC_BOMB",),
    ("blew", "herself", "up"): ("SUIC_BOMB",),
    ("blew", "themselves", "up"): ("SUIC_BOMB",),
    ("blow", "himself", "up"): ("SUIC_BOMB",),
    ("blow", "herself", "up"): ("SUIC_BOMB",),
    ("blow", "themselves", "up"): ("SUIC_BOMB",),
    ("took", "control", "of"): ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    ("seized", "control", "of"): ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    ("regained", "control", "of"): ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("regain", "control", "of"): ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("regains", "control", "of"): ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("took", "over"): ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    ("taken", "over"): ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    ("take", "over"): ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    ("takes", "over"): ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    ("taking", "over"): ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"),
    ("handed", "over"): ("NON_VIOL_TERRIT_TRANSFER",),
    ("hand", "over"): ("NON_VIOL_TERRIT_TRANSFER",),
    ("pulled", "out"): ("NON_VIOL_TERRIT_TRANSFER",),
    ("pull", "out"): ("NON_VIOL_TERRIT_TRANSFER",),
    ("pulls", "out"): ("NON_VIOL_TERRIT_TRANSFER",),
    ("prisoner", "exchange"): ("AGREEMENT",),
    ("prisoner", "swap"): ("AGREEMENT",),
    ("peace", "deal"): ("AGREEMENT",),
    ("peace", "agreement"): ("AGREEMENT",),
    ("hunger", "strike"): ("PEACE_PROTEST",),
    ("general", "strike"): ("PEACE_PROTEST",),
    ("went", "on", "strike"): ("PEACE_PROTEST",),
    ("go", "on", "strike"): ("PEACE_PROTEST",),
    ("fire", "broke", "out"): ("MAN_MADE_DISASTER",),
    ("fire", "breaks", "out"): ("MAN_MADE_DISASTER",),
    ("blaze", "broke", "out"): ("MAN_MADE_DISASTER",),
}
FIRST_WORDS = frozenset(words[0] for words in MULTIWORD)

# Triggers whose own word gives their usual type where the sentence names no weapon, side
# or target that decides otherwise: an explosion or a bomb is a remote explosive, a verb of
# bombing an air strike, a bombardment or pounding (no aircraft named) shelling. (Other
# ambiguous triggers, "attack", "strike", "raid", go to the classifier then.)
DEFAULTS: dict[tuple[str, bool], str] = {
    ("bomb", True): "REM_EXPLOS",
    ("bombing", True): "REM_EXPLOS",
    ("explosion", True): "REM_EXPLOS",
    ("blast", True): "REM_EXPLOS",
    ("bomb", False): "AIR_STRIKE",
    ("explode", False): "REM_EXPLOS",
    ("detonate", False): "REM_EXPLOS",
    ("bombardment", True): "ART_MISS_ATTACK",
    ("bombard", False): "ART_MISS_ATTACK",
    ("pound", False): "ART_MISS_ATTACK",
}
# Triggers that are events only past a gate (mentions._is_event: a weapon found, an envoy
# expelled, a territory freed, sanctions imposed, oil spilled, a volcano's eruption, "took
# over" by an armed side): a result is put aside only once one of them is an event ("police
# found the man who was killed", "violence erupted and nine were killed": the killing is).
WEAK = frozenset(
    {"find", "discover", "uncover", "unearth", "expel", "recall", "summon", "free", "sanction",
     "expulsion", "erupt", "eruption", "spill", "leak", "overturn", "collide", "collision",
     "take"}
)  # fmt: skip
# Results: an event only where the sentence names no other trigger ("the strike killed
# five": one event, the strike, with five dead).
RESULTS = frozenset({"kill", "wound", "injure", "destroy"})

# A base or headquarters set up: a verb of these lemmas ("set" with its particle "up") whose
# object is one of these nouns; the trigger runs from the verb to the noun ("set up a new
# headquarters", "established a forward operating base").
HQ_VERBS = frozenset({"establish", "set", "open", "build"})
HQ_NOUNS = frozenset(
    {"base", "headquarters", "headquarter", "outpost", "garrison", "barracks", "barrack"}
)
# ... or a post or point of these kinds ("set up its 11th observation point", "established
# a new military post").
HQ_POSTS = frozenset({"post", "point"})
HQ_POST_KINDS = frozenset({"observation", "military", "army", "forward", "police", "border"})
# Who a diplomatic event is done to ("expelled 23 diplomats", "recalled its ambassador").
ENVOYS = frozenset({"diplomat", "ambassador", "envoy", "attache", "attaché", "consul", "embassy"})
# Verbs that make "sanctions" an event ("imposed sanctions on", "slapped sanctions"): other
# sanctions (called for, feared, discussed) are talk about them.
SANCTION_VERBS = frozenset(
    {"impose", "announce", "adopt", "approve", "slap", "extend", "level", "unveil", "introduce",
     "expand", "tighten", "target"}
)  # fmt: skip
# What leaks or spills in an accident (not "leaked documents", "the fighting spilled over").
SPILLED = frozenset(
    {"oil", "gas", "fuel", "crude", "chemical", "chemicals", "water", "wastewater", "sewage",
     "ammonia", "chlorine", "radiation", "diesel", "petrol", "gasoline", "tonne", "ton",
     "gallon", "barrel", "litre", "liter", "tanker", "pipeline", "plant", "reactor", "tank"}
)  # fmt: skip
# Words of a volcano's eruption (not "violence erupted").
VOLCANIC = frozenset({"volcano", "volcanic", "lava", "magma", "mount", "mountain"})
# Weapons found ("discovered a cache of weapons", "pistols were found in a search").
FOUND_WEAPONS = (WEAPON - {"shipment"}) | {
    "pistol",
    "gun",
    "firearm",
    "handgun",
    "arsenal",
    "cache",
    "launcher",
    "mortar",
    "ied",
}

# Verbs of a projectile landing ("shells landed on a school", "rockets fell on the town"):
# a trigger where their subject is a projectile, the type decided by that weapon word.
IMPACT_VERBS = frozenset({"land", "fall", "slam", "crash", "rain"})
PROJECTILES = frozenset({"rocket", "missile", "shell", "mortar", "projectile", "round"})
IMPACT_CODES = ("ART_MISS_ATTACK", "AIR_STRIKE")

# Verbs that carry a noun trigger as their object without being an event themselves
# ("carried out an air strike", "staged a protest", "struck a deal"): the noun is the
# trigger, and the verb's subject its actor.
LIGHT_VERBS = frozenset(
    {
        "carry", "conduct", "launch", "stage", "mount", "hold", "make", "unleash", "perform",
        "execute", "commit", "organise", "organize", "lead", "strike", "reach", "sign",
        "agree", "broker", "throw", "hurl", "plant", "detonate", "use", "order", "claim",
        "plan", "call", "begin", "start", "announce", "join", "fire", "drop", "lob", "toss",
    }
)  # fmt: skip

# Weapons and means named in the sentence: the code they decide, among a trigger's
# candidates. Matched on lowercased lemmas. A compound of a noun trigger made of these
# ("drone strike", "car bomb", "rocket attack") is part of the trigger.
CUES: dict[str, str] = {
    **dict.fromkeys(
        ("drone", "air", "aircraft", "warplane", "jet", "helicopter", "airstrike", "aerial",
         "plane", "uav"),
        "AIR_STRIKE",
    ),
    **dict.fromkeys(
        ("artillery", "shell", "mortar", "rocket", "missile", "howitzer", "cannon", "tank",
         "shelling", "ballistic"),
        "ART_MISS_ATTACK",
    ),
    **dict.fromkeys(("grenade",), "GRENADE"),
    **dict.fromkeys(
        ("roadside", "landmine", "ied", "car", "mine", "explosive", "device", "booby"),
        "REM_EXPLOS",
    ),
    **dict.fromkeys(("suicide", "himself", "herself"), "SUIC_BOMB"),
    **dict.fromkeys(("chemical", "chlorine", "sarin", "toxic"), "CHEM_WEAP"),
}  # fmt: skip
# Cue words that decide only inside a trigger ("car bomb", "mine blast"), not from the clause
# ("gunmen in a car").
SPAN_ONLY = frozenset({"car", "mine", "device"})
# Cue words that decide a type but never join a trigger's span.
NOT_IN_SPAN = frozenset({"device", "himself", "herself", "explosive", "tank", "cannon"})

# Protest codes chosen by the sentence's words (see kinds).
PROTEST_CODES: tuple[tuple[frozenset[str], str], ...] = (
    (PROTEST_VIOLENT, "VIOL_DEMONSTR"),
    (PROTEST_LETHAL, "FORCE_AGAINST_PROTEST"),
    (PROTEST_INTERVENTION, "PROTEST_WITH_INTER"),
)
PROTESTS = frozenset({"PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR"})
