#!/usr/bin/env python3
"""Fits the learned statement selector of rapport-extract (#3, round 8) on the EVEN half of the
MSC extraction set and writes its weights (crates/extract/data/statement_selector.tsv).

usage:
  cargo run --release -p rapport-eval --example dump_statement_candidates -- \
      --data ../shared/data/eval/msc.extraction.jsonl --out /tmp/candidates.jsonl
  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scipy scikit-learn
  /tmp/venv/bin/python scripts/fit_statement_selector.py ../shared/data/eval/msc.extraction.jsonl \
      /tmp/candidates.jsonl --out crates/extract/data/statement_selector.tsv

The candidates are the first-person clauses every rule drops, as the Rust selector sees them
(`rapport_extract::selector`, recorded by the example: the statement each would make and its
feature names), so this script and the engine agree by construction. Each candidate of the even
half is labeled by the reference scorer's matching (token F1 >= 0.5 with some gold fact of that
speaker in that dialogue). A logistic regression over the feature names is fitted on the even
half; its regularization and decision threshold are the ones that maximize the F1 of the whole
system (the rules' predictions plus the candidates kept) on the even half, measured on
out-of-fold probabilities (5 folds by dialogue) so the threshold is not fitted to the model's
own training points. The final model is refitted on the whole even half. The odd half is not
read (not even its candidates' labels).
"""
import argparse
import json
import math
import re
from collections import Counter, defaultdict

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def toks(s):
    return WORD.findall(str(s).lower().replace("\u2019", "'"))


def f1(ta, tb):
    c = sum((ta & tb).values())
    if not c:
        return 0.0
    p, r = c / sum(ta.values()), c / sum(tb.values())
    return 2 * p * r / (p + r)


def gold_units(data):
    """(dialogue position, dialogue id, speaker) -> gold facts, as score.py reads them."""
    out = {}
    for pos, d in enumerate(data):
        gold = defaultdict(list)
        for spk, facts in d.get("gold_by_speaker", {}).items():
            gold[spk] += facts
        for t in d["turns"]:
            gold[t["speaker"]] += t.get("gold_facts", [])
        for spk, facts in gold.items():
            out[(d["dialogue_id"], spk)] = (pos, list(dict.fromkeys(f.strip() for f in facts if f.strip())))
    return out


class Unit:
    """One (dialogue, speaker) of the even half: what the rules predict and the candidates."""

    def __init__(self, pos, gold, predicted, candidates, drop=()):
        self.pos = pos
        self.n_gold = len(gold)
        g = [Counter(toks(x)) for x in gold]
        hit = lambda s: {j for j, gj in enumerate(g) if f1(Counter(toks(s)), gj) >= 0.5}
        self.n_pred = len(predicted)
        self.base_correct = 0
        self.base_hit = set()
        for p in predicted:
            h = hit(p)
            self.base_correct += bool(h)
            self.base_hit |= h
        seen = set(predicted)
        self.cands = []  # (statement, features, hits); a statement the rules already say is left out
        for c in candidates:
            if c["statement"] in seen:
                continue
            seen.add(c["statement"])
            feats = [f for f in c["features"] if not f.startswith(drop)]
            self.cands.append((c["statement"], feats, hit(c["statement"])))


def system_f1(units, keep):
    """P, R, F1 of the whole system when the candidates with keep[i] set are added."""
    n_p = tp_p = n_g = tp_g = 0
    i = 0
    for u in units:
        hit = set(u.base_hit)
        n_p += u.n_pred
        tp_p += u.base_correct
        n_g += u.n_gold
        for _, _, h in u.cands:
            if keep[i]:
                n_p += 1
                tp_p += bool(h)
                hit |= h
            i += 1
        tp_g += len(hit)
    p, r = tp_p / n_p, tp_g / n_g
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def best_threshold(units, prob):
    best = (0.0, 1.0, None)
    for t in np.arange(0.10, 0.80, 0.01):
        res = system_f1(units, prob >= t)
        if res[2] > best[0]:
            best = (res[2], float(t), res)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("candidates")
    ap.add_argument("--out", default="crates/extract/data/statement_selector.tsv")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--drop", action="append", default=[],
                    help="leave out the features whose names start with this (an ablation; repeatable)")
    a = ap.parse_args()
    data = [json.loads(l) for l in open(a.data) if l.strip()]
    gold = gold_units(data)
    units = []
    for line in open(a.candidates):
        r = json.loads(line)
        pos, g = gold[(r["dialogue_id"], r["speaker"])]
        if pos % 2 == 0:  # the even half only: the odd half is held out
            units.append(Unit(pos, g, r["predicted"], r["candidates"], tuple(a.drop)))
    rows = [(u.pos, c) for u in units for c in u.cands]
    y = np.array([bool(c[2]) for _, c in rows], dtype=int)
    counts = Counter(f for _, c in rows for f in set(c[1]))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= a.min_count))}
    ii, jj, vv = [], [], []
    for i, (_, c) in enumerate(rows):
        for f, n in Counter(c[1]).items():
            if f in vocab:
                ii.append(i)
                jj.append(vocab[f])
                vv.append(float(n))
    X = sparse.csr_matrix((vv, (ii, jj)), shape=(len(rows), len(vocab)))
    fold = np.array([(pos // 2) % 5 for pos, _ in rows])
    base = system_f1(units, np.zeros(len(rows), dtype=bool))
    print(f"even half: {len(units)} speakers, {len(rows)} candidates, {y.mean():.3f} match a gold fact")
    print(f"rules alone: P {base[0]:.4f} R {base[1]:.4f} F1 {base[2]:.4f}; {len(vocab)} features")
    best = None
    for C in (0.03, 0.1, 0.3, 1.0):
        oof = np.zeros(len(rows))
        for k in range(5):
            m = LogisticRegression(C=C, max_iter=2000)
            m.fit(X[fold != k], y[fold != k])
            oof[fold == k] = m.predict_proba(X[fold == k])[:, 1]
        f, t, res = best_threshold(units, oof)
        kept = int((oof >= t).sum())
        print(f"C {C}: out-of-fold best threshold {t:.2f}: P {res[0]:.4f} R {res[1]:.4f} F1 {res[2]:.4f} ({kept} kept)")
        if best is None or f > best[0]:
            best = (f, t, C, res, kept)
    f, t, C, res, kept = best
    m = LogisticRegression(C=C, max_iter=2000)
    m.fit(X, y)
    names = sorted(vocab, key=vocab.get)
    w = m.coef_[0]
    with open(a.out, "w") as out:
        out.write("# Learned statement selector of rapport-extract (#3, round 8; candidates\n")
        out.write("# filtered in round 9): logistic regression over\n")
        out.write("# the features of first-person clauses every rule drops (crates/extract/src/selector.rs).\n")
        out.write("# Fitted on the EVEN half of msc.extraction.jsonl only (odd half held out) by\n")
        out.write("#   cargo run --release -p rapport-eval --example dump_statement_candidates -- \\\n")
        out.write("#     --data ../shared/data/eval/msc.extraction.jsonl --out /tmp/candidates.jsonl\n")
        out.write("#   python3 scripts/fit_statement_selector.py ../shared/data/eval/msc.extraction.jsonl \\\n")
        out.write(f"#     /tmp/candidates.jsonl --min-count {a.min_count}\n")
        out.write(f"# {len(rows)} even-half candidates ({y.mean():.3f} match a gold fact), {len(vocab)} features\n")
        out.write(f"# seen at least {a.min_count} times; L2, C = {C}; the threshold maximizes the whole system's F1\n")
        out.write(f"# on out-of-fold probabilities (5 folds by dialogue): P {res[0]:.4f} R {res[1]:.4f} F1 {res[2]:.4f}\n")
        out.write(f"# (rules alone {base[2]:.4f}), {kept} candidates kept.\n")
        out.write(f"bias\t{m.intercept_[0]:.4f}\n")
        out.write(f"threshold\t{t:.2f}\n")
        for name, wi in zip(names, w):
            if abs(wi) >= 0.005:
                out.write(f"{name}\t{wi:.4f}\n")
    print(f"wrote {a.out}: C {C}, threshold {t:.2f}")


if __name__ == "__main__":
    main()
