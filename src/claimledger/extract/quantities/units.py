"""The unit vocabulary: surface forms to canonical unit names.

Canonical names are ISO 4217 codes for currencies and singular English names (with ``_``
between words) for everything else: ``percent``, ``percentage_point``, ``kilometre``,
``mile_per_hour``. Words match in any case; abbreviations whose case carries meaning
("MW" megawatt vs "mW", "Nm" newton metre vs "nm" nanometre) match only as written.
"""

from __future__ import annotations

import re

# canonical: (words, any case), (abbreviations, exact case)
_TABLE: dict[str, tuple[str, str]] = {
    "percent": ("percent|per cent|percentage|pct|pc", "%"),
    "percentage_point": ("percentage points|percentage point|percent points|ppts|pp", ""),
    "basis_point": ("basis points|basis point|bps", "bp"),
    "point": ("points|point|pts", ""),
    "USD_cent": ("cents|cent", "c"),
    "GBP_penny": ("pence|pennies|penny", "p"),  # "240.5p"; quantities drops "5 p.m."
    "MYR_sen": ("sen", ""),
    "RUB_kopeck": ("kopecks|kopeks|kopeck|kopek", ""),
    # a currency sign after the figure, as many writers outside the US place it: "100 €", "50$"
    "USD": ("us dollars|u.s. dollars|us dollar|u.s. dollar|american dollars|dollars|dollar", "$"),
    # a dollar or a pound named by its country: "125 million Australian dollars"
    "AUD": ("australian dollars|australian dollar", ""),
    "CAD": ("canadian dollars|canadian dollar", ""),
    "NZD": ("new zealand dollars|new zealand dollar", ""),
    "HKD": ("hong kong dollars|hong kong dollar", ""),
    "SGD": ("singapore dollars|singapore dollar", ""),
    "EUR": ("euros|euro", "€"),
    "GBP": ("pounds sterling|sterling", "£"),
    "UAH": ("hryvnias|hryvnia|hryvnas|hryvnya", ""),
    "RUB": ("roubles|rubles|rouble|ruble", ""),
    "ILS": ("new israeli shekels|shekels|shekel", ""),
    "CNY": ("chinese yuan|yuan|renminbi", "RMB|rmb"),
    "JPY": ("japanese yen|yen", ""),
    "INR": ("indian rupees|rupees|rupee", ""),
    "DKK": ("danish crowns|danish kroner|danish krone", ""),
    "SEK": ("swedish crowns|swedish kronor|swedish krona", ""),
    "NOK": ("norwegian crowns|norwegian kroner", ""),
    "CHF": ("swiss francs|swiss franc", ""),
    "TRY": ("turkish lira|liras|lira", ""),
    "SYP": ("syrian pounds", ""),
    "EGP": ("egyptian pounds", ""),
    "LBP": ("lebanese pounds", ""),
    "IRR": ("rials|rial", ""),
    "KRW": ("won", ""),
    "MYR": ("ringgit", ""),
    "ZAR": ("rand", ""),
    "NGN": ("naira", ""),
    "BRL": ("reais|real", ""),
    "MXN": ("mexican pesos", ""),
    "PLN": ("zlotys|zloty", ""),
    "square_kilometre": (
        "square kilometres|square kilometers|square kilometre|square kilometer|sq km|sq\\. km",
        "km2|km²",
    ),
    "square_mile": ("square miles|square mile|sq mi", ""),
    "square_metre": (
        "square metres|square meters|square metre|square meter|sq m|sq\\. m",
        "m2|m²|sqm",
    ),
    "square_foot": ("square feet|square foot|sq ft|sq\\. ft", ""),
    "hectare": ("hectares|hectare", "ha"),
    "acre": ("acres|acre", ""),
    "kilometre_per_hour": (
        "kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour",
        "km/h|kph|kmh|km/hr|KPH|Kph|KMH|kmph",
    ),
    "mile_per_hour": ("miles per hour|miles an hour", "mph|MPH|Mph"),
    "mile_per_gallon": ("miles per gallon", "mpg|MPG"),
    "knot": ("knots|knot", ""),
    "revolution_per_minute": ("revolutions per minute", "rpm|RPM"),
    "kilometre": ("kilometres|kilometers|kilometre|kilometer|klicks|kms", "km|KM|Km"),
    "mile": ("miles|mile", "mi"),
    "nautical_mile": ("nautical miles|nautical mile", "nm"),
    "metre": ("metres|meters|metre|meter", "m"),
    "centimetre": ("centimetres|centimeters|centimetre|centimeter", "cm"),
    "millimetre": ("millimetres|millimeters|millimetre|millimeter", "mm"),
    "nanometre": ("nanometres|nanometers|nanometre|nanometer", ""),
    "micrometre": ("micrometres|micrometers|microns|micron", "µm|μm"),
    "inch": ("inches|inch", "″"),
    "foot": ("feet|foot", "ft|Ft|FT|′"),
    "yard": ("yards|yard", "yd|yds"),
    "pound_foot": ("pound-feet|pound-foot|pound feet|foot-pounds", "lb-ft|lb ft|lbft"),
    "newton_metre": ("newton metres|newton meters|newton-metres", "Nm"),
    "tonne": ("metric tons|metric tonnes|tonnes|tonne", "t"),
    "ton": ("tons|ton", ""),
    "kilogram": ("kilograms|kilogrammes|kilogram|kilos|kilo", "kg|kgs|Kg|KG|Kgs|KGS"),
    "gram": ("grams|grammes|gram", "g|gr"),
    "milligram": ("milligrams|milligram", "mg"),
    "microgram": ("micrograms|microgram|microgrammes", "µg|μg|mcg"),
    "pound_mass": (
        "pounds|pound",
        "lb|lbs|Lb|Lbs|LB|LBS",
    ),  # money in pounds is "£" or "pounds sterling"
    "ounce": ("ounces|ounce", "oz"),
    "litre": ("litres|liters|litre|liter", "l|L|ltr"),
    "millilitre": ("millilitres|milliliters|millilitre|milliliter", "ml|mL"),
    "centilitre": ("centilitres|centiliters|centilitre|centiliter", "cl|cL"),
    "tablespoon": ("tablespoons|tablespoon", "tbsp|Tbsp"),
    "teaspoon": ("teaspoons|teaspoon", "tsp"),
    "gallon": ("gallons|gallon", "gal"),
    "barrel": ("barrels|barrel", "bbl"),
    "barrel_per_day": ("barrels per day|barrels a day|barrel a day|barrel per day", "bpd|b/d"),
    "cubic_metre": ("cubic metres|cubic meters|cubic metre|cubic meter", "m3|m³"),
    "cubic_foot": ("cubic feet|cubic foot", ""),
    # "deg" for degree, and the common misspellings of the scales
    "celsius": (
        "degrees celsius|degree celsius|degrees centigrade|celsius|celcius|centigrade|"
        "degrees celcius|deg celsius|deg c|deg\\. c|degrees c|degree c",
        "°C|ºC|° C|degC|C",  # a bare "C" only where the sentence speaks of temperature (atoms)
    ),
    "fahrenheit": (
        "degrees fahrenheit|degree fahrenheit|fahrenheit|farenheit|deg fahrenheit|deg f|deg\\. f|"
        "degrees f|degree f",
        "°F|ºF|° F|degF|F",
    ),
    "degree": ("degrees|degree|degs|deg", "°"),
    "watt": ("watts|watt", "W"),
    "kilowatt": ("kilowatts|kilowatt", "kW|KW"),
    "megawatt": ("megawatts|megawatt", "MW"),
    "gigawatt": ("gigawatts|gigawatt", "GW"),
    "joule": ("joules|joule", ""),
    "kilojoule": ("kilojoules|kilojoule", "kJ"),
    "megajoule": ("megajoules|megajoule", "MJ"),
    "gigajoule": ("gigajoules|gigajoule", "GJ"),
    "watt_hour": ("watt hours|watt-hours|watt hour", "Wh"),
    "kilowatt_hour": ("kilowatt hours|kilowatt-hours|kilowatt hour", "kWh|KWh"),
    "megawatt_hour": ("megawatt hours|megawatt-hours", "MWh"),
    "gigawatt_hour": ("gigawatt hours|gigawatt-hours", "GWh"),
    "terawatt_hour": ("terawatt hours|terawatt-hours", "TWh"),
    "horsepower": ("horsepower|horse power", "hp|HP|PS"),
    "brake_horsepower": ("brake horsepower", "bhp"),
    "volt": ("volts|volt", "V"),
    "kilovolt": ("kilovolts|kilovolt", "kV"),
    "electronvolt": ("electronvolts|electron volts|electronvolt", "eV"),
    "megaelectronvolt": ("megaelectronvolts", "MeV"),
    "gigaelectronvolt": ("gigaelectronvolts", "GeV"),
    "teraelectronvolt": ("teraelectronvolts", "TeV"),
    "pascal": ("pascals|pascal", "Pa"),
    "kilopascal": ("kilopascals|kilopascal", "kPa"),
    "megapascal": ("megapascals|megapascal", "MPa"),
    "gigapascal": ("gigapascals|gigapascal", "GPa"),
    "pound_per_square_inch": ("pounds per square inch", "psi"),
    "milliampere_hour": ("milliamp hours|milliampere hours", "mAh"),
    "hertz": ("hertz", "Hz"),
    "kilohertz": ("kilohertz", "kHz"),
    "megahertz": ("megahertz", "MHz"),
    "gigahertz": ("gigahertz", "GHz"),
    "kilobyte": ("kilobytes", "KB|kB"),
    "megabyte": ("megabytes", "MB"),
    "gigabyte": ("gigabytes", "GB"),
    "terabyte": ("terabytes", "TB"),
    "megabit_per_second": ("megabits per second", "Mbps|Mb/s"),
    "gigabit_per_second": ("gigabits per second", "Gbps|Gb/s"),
    "decibel": ("decibels|decibel", "dB"),
    "megapixel": ("megapixels|megapixel", "MP"),
    "millisecond": ("milliseconds|millisecond", "ms"),
    "second": ("seconds|second|secs|sec", ""),  # no bare "s": "1990s", "Mark 4s"
    "minute": ("minutes|minute|mins|min", ""),
    "hour": ("hours|hour|hrs|hr", "h"),
    "day": ("days|day", ""),
    "week": ("weeks|week", "wks"),
    "month": ("months|month", ""),
    "year": ("years|year|yrs", ""),
    "decade": ("decades|decade", ""),
    "century": ("centuries|century", ""),
    "year_of_age": ("years old|year-old|years-old|year old", ""),
    "times": ("times|fold", "x"),
    "parts_per_million": ("parts per million", "ppm"),
    "parts_per_billion": ("parts per billion", "ppb"),
}

CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "us $": "USD",
    "u.s.$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "hk $": "HKD",
    "s$": "SGD",
    "r$": "BRL",
    "$us": "USD",
    "$a": "AUD",
    "$nz": "NZD",
    "$c": "CAD",
    "rm": "MYR",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "y=": "JPY",  # Reuters writes yen as "Y=300 billion"
    "ps": "GBP",  # "£" transliterated to ASCII ("PS4.5m"), as text converters write it
    "₴": "UAH",
    "₽": "RUB",
    "₪": "ILS",
    "₹": "INR",
    "₩": "KRW",
    "₺": "TRY",
    "rs": "INR",
    "rs.": "INR",
}
CURRENCY_CODES = (
    "USD EUR GBP UAH RUB ILS CNY JPY CHF AUD CAD NZD HKD SGD INR SYP EGP LBP IRR TRY KRW "
    "SEK NOK DKK PLN ZAR NGN BRL MXN SAR AED QAR".split()
)
CURRENCY_PREFIX = (
    # a sign may stand apart from its figure, as in tokenised text: "$ 75 million", "£ 8.10"
    r"(?:\b(?:(?i:us|u\.s\.|au|ca|c|nz|hk)\s?\$|(?i:a|s|r)\$|RM)|\$(?:US|A|NZ|C)?|"
    r"€|£|¥|\bY=|₴|₽|₪|₹|₩|₺)(?:\s(?=\d))?|(?:"
    # "PS" for "£" only before a figure that cannot be a console or a postscript ("PS4")
    r"\bPS(?=\d{1,3}(?:,\d{3})+|\d+\.\d|\d+\s?(?:m|bn|k|mn|million|billion)\b)|"
    r"\b(?i:rs\.?)\s?|"
    r"\b(?:" + "|".join(CURRENCY_CODES) + r")\s?)"
)

for _code in CURRENCY_CODES:  # "250 JPY", "5 million USD"
    _words, _abbrs = _TABLE.get(_code, ("", ""))
    _TABLE[_code] = (_words, "|".join(filter(None, (_abbrs, _code))))

SURFACE: dict[str, str] = {}
_WORD_FORMS: list[str] = []
_ABBREVIATIONS: list[str] = []
for _canonical, (_words, _abbrs) in _TABLE.items():
    for _w in filter(None, _words.split("|")):
        SURFACE[_w.replace("\\", "").lower()] = _canonical
        _WORD_FORMS.append(_w)
    for _a in filter(None, _abbrs.split("|")):
        SURFACE[_a] = _canonical
        _ABBREVIATIONS.append(_a)


def _form(pattern: str) -> str:
    """Spaces and hyphens inside a unit match either, or a run of whitespace."""
    return re.sub(r"[ -]", r"[\\s-]+", pattern)


_words_re = "|".join(_form(w) for w in sorted(_WORD_FORMS, key=len, reverse=True))
_abbr_re = "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS, key=len, reverse=True))
# A unit ends at a non-word character (so "5 m" is metres but "5 men" is not).
UNIT_RE = rf"(?:(?i:{_words_re})|{_abbr_re})(?![\w²³])"


def canonical_unit(surface: str) -> str | None:
    """The canonical unit for a matched surface form, or None."""
    s = re.sub(r"[\s-]+", " ", surface.strip())
    if s in SURFACE:
        return SURFACE[s]
    low = s.lower()
    if low in SURFACE:
        return SURFACE[low]
    hyphen = low.replace(" ", "-")
    return SURFACE.get(hyphen)


def currency_of(prefix: str) -> str | None:
    p = re.sub(r"\s+", " ", prefix.strip()).lower()
    if p in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[p]
    p = p.replace(" ", "")
    if p in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[p]
    code = prefix.strip().upper()
    return code if code in CURRENCY_CODES else None
