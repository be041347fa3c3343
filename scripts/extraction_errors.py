#!/usr/bin/env python3
"""Error analysis of the built-in extractor on an *.extraction.jsonl file.

usage: extraction_errors.py DATA TRACE [--half even|odd|all] [--show BUCKET] [--n N]

TRACE is written by `cargo run --release -p rapport-eval --example trace_extraction -- --data
DATA --out TRACE` (each current fact with its key and the turns it was learned from). The
matching is the reference scorer's (token F1 >= 0.5, lowercase word tokens). Prints precision by
key family (what we emit that matches nothing) and the misses bucketed by cause; --show BUCKET
prints examples of one bucket (a key family such as "said" or a miss cause such as "near").
Read errors of the tuning half (even) only.
"""
import argparse
import json
import random
import re
from collections import Counter, defaultdict

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def toks(s):
    return WORD.findall(str(s).lower().replace("\u2019", "'"))


def f1(a, b):
    ta, tb = Counter(toks(a)), Counter(toks(b))
    c = sum((ta & tb).values())
    if not c:
        return 0.0
    p, r = c / sum(ta.values()), c / sum(tb.values())
    return 2 * p * r / (p + r)


def family(key):
    fam = re.split(r"[:.]", key, maxsplit=1)[0]
    return fam


FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|i'd|i'll|my|me)\b", re.I)


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+", text) if s.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("trace")
    ap.add_argument("--half", default="even")
    ap.add_argument("--show", default=None)
    ap.add_argument("--n", type=int, default=25)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    data = [json.loads(l) for l in open(a.data) if l.strip()]
    trace = {(t["dialogue_id"], t["speaker"]): t["facts"] for t in map(json.loads, open(a.trace))}
    fam_n, fam_ok = Counter(), Counter()
    miss = Counter()
    shown = defaultdict(list)
    n_gold = n_rec = 0
    for idx, d in enumerate(data):
        if a.half == "even" and idx % 2 or a.half == "odd" and not idx % 2:
            continue
        turns = d["turns"]
        speakers = dict.fromkeys(t["speaker"] for t in turns)
        for spk in speakers:
            preds = trace.get((d["dialogue_id"], spk), [])
            gold = []  # (turn index, fact)
            seen = set()
            for i, t in enumerate(turns):
                if t["speaker"] != spk:
                    continue
                for g in t.get("gold_facts", []):
                    g = g.strip()
                    if g and g not in seen:
                        seen.add(g)
                        gold.append((i, g))
            for p in preds:
                ok = any(f1(p["statement"], g) >= 0.5 for _, g in gold)
                fam = family(p["key"])
                fam_n[fam] += 1
                fam_ok[fam] += ok
                ti = int(p["turns"][0]) if p["turns"] else -1
                text = turns[ti]["text"] if 0 <= ti < len(turns) else ""
                tg = [g for i, g in gold if i == ti]
                prev = turns[ti - 1]["text"] if ti > 0 else ""
                shown["fp:" + fam if not ok else "tp:" + fam].append((p["statement"], p["key"], text, tg, prev))
            for ti, g in gold:
                n_gold += 1
                best = max((f1(p["statement"], g) for p in preds), default=0.0)
                if best >= 0.5:
                    n_rec += 1
                    continue
                text = turns[ti]["text"]
                same_turn = [p for p in preds if str(ti) in p["turns"]]
                best_same = max((f1(p["statement"], g) for p in same_turn), default=0.0)
                sents = sentences(text)
                fp_sents = [s for s in sents if FIRST_PERSON.search(s) and not s.endswith("?")]
                best_sent = max((f1(s, g) for s in fp_sents), default=0.0)
                if best >= 0.4:
                    cause = "near"  # a prediction at token F1 0.4-0.5
                elif not fp_sents:
                    cause = "no-first-person"  # an answer without I/my
                elif same_turn:
                    cause = "turn-read-other"  # we read something else from the turn
                elif best_sent >= 0.5:
                    cause = "sentence-dropped"  # a first-person sentence would match
                else:
                    cause = "paraphrase"  # nothing in the turn matches as said
                miss[cause] += 1
                prev = turns[ti - 1]["text"] if ti > 0 else ""
                shown["miss:" + cause].append((g, [p["statement"] for p in same_turn], text, best, prev))
    print(f"gold {n_gold} recalled {n_rec} ({n_rec / max(n_gold, 1):.3f})")
    print("\nprecision by key family (predicted, correct, precision):")
    for fam, n in fam_n.most_common():
        print(f"  {fam:14s} {n:6d} {fam_ok[fam]:6d} {fam_ok[fam] / n:.3f}")
    print("\nmisses by cause:")
    for c, n in miss.most_common():
        print(f"  {c:20s} {n:6d}")
    if a.show:
        rows = shown.get(a.show, [])
        random.Random(a.seed).shuffle(rows)
        print(f"\n== {a.show}: {len(rows)} ==")
        for row in rows[: a.n]:
            if a.show.startswith("miss:"):
                g, same, text, best, prev = row
                print(f"- GOLD {g!r} best={best:.2f}\n    Q: {prev[:150]!r}\n    TURN: {text[:300]!r}\n    OURS: {same}")
            else:
                st, key, text, tg, prev = row
                print(f"- {st!r} [{key}]\n    Q: {prev[:150]!r}\n    TURN: {text[:300]!r}\n    GOLD(turn): {tg}")


if __name__ == "__main__":
    main()
