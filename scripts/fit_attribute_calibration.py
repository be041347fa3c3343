#!/usr/bin/env python3
"""Fits rapport-infer's attribute calibration (crates/infer/src/calibrate.rs) on the TUNE half
of an attributes development file, and prints the Rust tables to paste there.

    cargo run --release -p rapport-infer --example attributes_raw -- DATA > /tmp/raw.jsonl
    python3 scripts/fit_attribute_calibration.py DATA /tmp/raw.jsonl

Only users of the tune half are read (FNV-1a of the user id even, as `--split tune`); the
holdout half is never looked at. Correctness is the reference scorer's (EVAL.md §3), imported
from shared/tools/score.py next to the data (or SCORE_PY).

Cue estimates: per attribute, the raw strength is cut into bins (below 0.2, 0.2 to 0.4, 0.4
and above); a bin's probability is its accuracy shrunk toward the attribute's accuracy over all
its cue estimates with the weight of K_BIN estimates (and that toward the accuracy of every cue
estimate with the weight of K_ATTR), then made non-decreasing across the bins (pool adjacent violators). K_BIN and K_ATTR are chosen from a grid
by leave-one-user-out log loss on the tune users (the table refitted without each user, scored on
that user's estimates), so the shrinkage is as strong as the tune users' own noise calls for. Priors: per
attribute, the value that is right for most tune users (for age, the whole number whose +/-5
window holds the most ages) and the share of tune users it is right for; none where that share
is below MIN_PRIOR (the value is a guess among dozens: cities, occupations).

Derived tables (crates/infer/src/derive.rs, typical_age and typical_relationship): per
education level the age whose +/-5 window holds the most tune users of that level, and per age
band the most common relationship status, from the tune users' labels.

Big Five norms (crates/infer/src/personality.rs, NORMS), when the raw file has
`lexicon_scores` (the example run with RAPPORT_PERSONALITY_LEXICON set): the deciles of each
domain's weighted-lexicon score (correlation-weighted term count per word) over the tune users'
comments. No personality labels are involved: they are where a user's word use stands among
these users.
"""

import json
import math
import os
import statistics
import sys

K_BINS, K_ATTRS, MIN_PRIOR = [2.0, 4.0, 8.0, 16.0, 32.0, 64.0], [4.0, 8.0, 16.0, 32.0, 64.0], 0.2
BINS = [0.2, 0.4]
# derive.rs: age bands (upper ends inclusive) and the fewest users a level needs for an age.
AGE_BANDS, MIN_USERS = [(0, 25), (26, 35), (36, 50), (51, 200)], 5
ATTRS = ["age", "sex", "city_country", "birth_city_country", "education", "occupation",
         "income_level", "relationship_status"]
RUST = {"age": "Age", "sex": "Sex", "city_country": "City", "birth_city_country": "Birthplace",
        "education": "Education", "occupation": "Occupation", "income_level": "Income",
        "relationship_status": "Relationship"}


def fnv1a(s):
    h = 0xCBF29CE484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def isotonic(blocks):
    """Pool adjacent violators: [value, weight, bins] blocks to a non-decreasing sequence."""
    out = []
    for b in blocks:
        out.append(list(b))
        while len(out) > 1 and out[-2][0] > out[-1][0]:
            v2, w2, n2 = out.pop()
            v1, w1, n1 = out.pop()
            out.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2])
    return [v for v, _, n in out for _ in range(n)]


def bin_of(x):
    return sum(x >= b for b in BINS)


def fit(rows, k_bin, k_attr):
    """Per attribute, the probability of each strength bin from (attribute, raw, right) rows."""
    pooled = sum(c for _, _, c in rows) / max(len(rows), 1)
    out = {}
    for a in ATTRS:
        mine = [(x, c) for b, x, c in rows if b == a]
        n, right = len(mine), sum(c for _, c in mine)
        attr_p = (right + k_attr * pooled) / (n + k_attr)
        blocks = []
        for i in range(len(BINS) + 1):
            b = [c for x, c in mine if bin_of(x) == i]
            blocks.append([(sum(b) + k_bin * attr_p) / (len(b) + k_bin), len(b) + k_bin, 1])
        out[a] = isotonic(blocks)
    return out


def main(data, raw):
    score_py = os.environ.get("SCORE_PY") or os.path.join(
        os.path.dirname(os.path.abspath(data)), "..", "..", "tools", "score.py")
    sys.path.insert(0, os.path.dirname(os.path.abspath(score_py)))
    from score import attr_correct, edu_level  # noqa: E402

    users = [json.loads(l) for l in open(data) if l.strip()]
    tune = [u for u in users if fnv1a(u["user_id"]) % 2 == 0]
    records = {r["user_id"]: r for r in (json.loads(l) for l in open(raw) if l.strip())}
    estimates = {k: r["raw"] for k, r in records.items()}
    rows = []
    for u in tune:
        for r in estimates[u["user_id"]]:
            a = r["attribute"]
            rows.append((u["user_id"], a, r["raw"], attr_correct(a, r["value"], u["labels"][a])))
    # The shrinkage strengths are chosen by leave-one-user-out log loss on the tune users.
    best = None
    for kb in K_BINS:
        for ka in K_ATTRS:
            loss = 0.0
            for u in tune:
                rest = [r for uid, *r in rows if uid != u["user_id"]]
                fitted = fit(rest, kb, ka)
                for uid, a, x, c in rows:
                    if uid == u["user_id"]:
                        p = min(max(fitted[a][bin_of(x)], 1e-3), 1 - 1e-3)
                        loss -= math.log(p if c else 1 - p)
            if best is None or loss < best[0] - 1e-9:
                best = (loss, kb, ka)
    loss, kb, ka = best
    plain = [r for _, *r in rows]
    pooled = sum(c for _, _, c in plain) / max(len(plain), 1)
    print(f"// Fitted on {len(tune)} tune users, {len(rows)} cue estimates (pooled accuracy "
          f"{pooled:.3f}); K_BIN={kb}, K_ATTR={ka} (of {K_BINS} x {K_ATTRS}: the least "
          f"leave-one-user-out log loss, {loss / max(len(rows), 1):.4f} per estimate).")
    print("const CUE: [(Attribute, [f32; 3]); 8] = [")
    fitted = fit(plain, kb, ka)
    for a in ATTRS:
        mine = [(x, c) for b, x, c in plain if b == a]
        cells = []
        for i in range(len(BINS) + 1):
            b = [c for x, c in mine if bin_of(x) == i]
            cells.append(f"{sum(b)}/{len(b)}")
        print(f"    (Attribute::{RUST[a]}, [{', '.join(f'{p:.3f}' for p in fitted[a])}]), "
              f"// right/estimates by bin: {' '.join(cells)}")
    print("];")
    print("const PRIOR: [(Attribute, &str, f32); N] = [")
    for a in ATTRS:
        golds = [u["labels"][a] for u in tune]
        if a == "age":
            best = max(range(14, 90), key=lambda c: (sum(abs(g - c) <= 5 for g in golds), -c))
            value = str(best)
        else:
            keyed = {}
            for g in golds:
                k = edu_level(g) if a == "education" else str(g).strip().lower()
                keyed[k] = keyed.get(k, 0) + 1
            value = max(sorted(keyed), key=lambda k: keyed[k])
        share = sum(attr_correct(a, value, g) for g in golds) / len(golds)
        mark = "" if share >= MIN_PRIOR else "  // below MIN_PRIOR: no prior"
        print(f"    (Attribute::{RUST[a]}, {json.dumps(value)}, {share:.3f}),{mark}")
    print("];")
    life_stage_tables(tune, edu_level)
    scores = [records[u["user_id"]].get("lexicon_scores") for u in tune]
    if all(scores):
        print(f"// Deciles of the weighted-lexicon score over {len(tune)} tune users (O, C, E, A, N).")
        print("const NORMS: [[f32; 9]; 5] = [")
        for k in range(5):
            xs = sorted(s[k][0] for s in scores)
            q = statistics.quantiles(xs, n=10, method="inclusive")
            print(f"    [{', '.join(f'{v:.6f}' for v in q)}],")
        print("];")


def best_age(ages):
    """The whole number whose +/-5 window holds the most of `ages` (ties: the middle one)."""
    counts = {c: sum(abs(g - c) <= 5 for g in ages) for c in range(14, 90)}
    tied = [c for c in counts if counts[c] == max(counts.values())]
    return tied[len(tied) // 2]


def life_stage_tables(tune, edu_level):
    """crates/infer/src/derive.rs: the typical age of each education level (as for the age
    prior: the window holding the most tune users of that level; levels with fewer than
    MIN_USERS users get none) and the most common relationship status in each age band."""
    print("// Typical age by education level (tune users right within +/-5 / users of the level).")
    levels = {}
    for u in tune:
        levels.setdefault(edu_level(u["labels"]["education"]), []).append(u["labels"]["age"])
    for level in sorted(levels):
        ages = levels[level]
        if len(ages) < MIN_USERS:
            print(f"//   {level}: {len(ages)} users, no age")
            continue
        c = best_age(ages)
        print(f'        "{level}" => Some("{c}"), // {sum(abs(g - c) <= 5 for g in ages)}/{len(ages)}')
    print("// Most common relationship status by age band (its users / users of the band).")
    for lo, hi in AGE_BANDS:
        golds = [str(u["labels"]["relationship_status"]).strip().lower() for u in tune
                 if lo <= u["labels"]["age"] <= hi]
        if not golds:
            continue
        value = max(sorted(set(golds)), key=golds.count)
        print(f'        {lo}..={hi} => "{value}", // {golds.count(value)}/{len(golds)}')


if __name__ == "__main__":
    main(*sys.argv[1:3])
