#!/usr/bin/env python3
"""Fits the ranker's weights and confidence calibration (src/GuidelineBot.Search/RankerWeights.cs, RankerWeights.Fitted).

Input: feature dumps written by `eval FILE --features OUT.tsv` (one row per question x candidate section).
Output: the fitted weights as C# to paste into RankerWeights.Fitted (with the close-call margins), and a simulation of
the whole decision (cascade, answer/decline) on every dump given, training and test alike, and out of fold ("oof": each
training question decided by weights fitted without it) on the training dumps: the estimate for new questions.

    python3 tests/eval/fit.py --train A.tsv [--train B.tsv:even] --test C.tsv ...

`FILE:even` / `FILE:odd` keeps only the questions with an even / odd question number (to split one set in two).
Standard library only (no PyPI here). See README, "Answer quality".
"""
import argparse
import csv
import math
import sys

LEXICAL = ["lexical", "coverage", "heading_coverage", "off_scope_intro", "scope_intro"]
SEMANTIC = LEXICAL + ["sem_passage", "sem_sentence", "sem_heading"]
L2 = 0.05  # ridge penalty: keeps weights small where the training sets are silent
WRONG_COST = 2.0  # a confident wrong answer costs this many declined right answers
MIN_CONFIDENCE = 0.5  # Answers:MinConfidence; the bias is shifted so this is the calibrated cut
MIN_LEXICAL_COVERAGE = 0.35  # RankerWeights.MinLexicalCoverage (a guard, not fitted)
CV_FOLDS = 5  # MaxRankLead and the close-call margins are chosen, and the quality on new questions estimated, out of fold
# The confidence may only rise with evidence: a weight that the fit makes negative for any of these (collinear features
# on a few hundred questions) is dropped and the rest refitted. Only the off-topic introduction flag may lower it.
NON_NEGATIVE = {"lexical", "coverage", "heading_coverage", "scope_intro", "sem_passage", "sem_sentence", "sem_heading", "lead"}
# RankerWeights.MaxRankLead: the confidence counts a candidate's lead over the runner-up up to this many rank points (a
# lone candidate leads by its whole score). Chosen from this grid by the out-of-fold objective of both modes (main): the
# in-sample objective rises and falls across the grid and favours caps that do worse on new questions.
MAX_LEAD_GRID = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, math.inf]
max_lead = math.inf


def load(spec):
    path, _, part = spec.partition(":")
    questions = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            qid = int(row["qid"])
            if part == "even" and qid % 2:
                continue
            if part == "odd" and not qid % 2:
                continue
            r = {k: float(row[k]) for k in ("lexical", "coverage", "heading_coverage", "sem_heading", "sem_passage", "sem_sentence")}
            r["off_scope_intro"] = float(row["introduction"] == "1" and row["asks_scope"] == "0")
            r["scope_intro"] = float(row["introduction"] == "1" and row["asks_scope"] == "1")
            r["right"] = row["right"] == "1"
            # Copies of one text (same headings and text twice) share a key; empty or missing (older dumps): no copy.
            r["text_key"] = row.get("text_key") or id(r)
            r["lucene"] = row["lucene"] == "1"
            q = questions.setdefault((spec, qid), {"key": (spec, qid), "in_scope": row["in_scope"] == "1", "rows": [], "text": row["question"]})
            q["rows"].append(r)
    # questions where no candidate was found at all still count (as declined)
    return list(questions.values())


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0 for i in range(n)]


def monotone_logistic_fit(xs, ys, names):
    """logistic_fit with every weight of a NON_NEGATIVE feature kept >= 0: while any is negative, the most negative
    one's feature is dropped (weight 0) and the rest refitted."""
    active = list(range(len(names)))
    while True:
        w = logistic_fit([[x[i] for i in active] for x in xs], ys)
        negative = [(w[k + 1], i) for k, i in enumerate(active) if names[i] in NON_NEGATIVE and w[k + 1] < 0]
        if not negative:
            break
        active.remove(min(negative)[1])
    full = [w[0]] + [0.0] * len(names)
    for k, i in enumerate(active):
        full[i + 1] = w[k + 1]
    return full


def logistic_fit(xs, ys, iterations=40):
    """Ridge logistic regression by Newton's method; returns [bias] + weights."""
    d = len(xs[0]) + 1
    w = [0.0] * d
    for _ in range(iterations):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(xs, ys):
            v = [1.0] + x
            z = sum(wi * vi for wi, vi in zip(w, v))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in range(d):
                grad[i] += (p - y) * v[i]
                for j in range(d):
                    hess[i][j] += p * (1 - p) * v[i] * v[j]
        for i in range(1, d):
            grad[i] += L2 * w[i]
            hess[i][i] += L2
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def score(w, names, r):
    return sum(wi * r[n] for wi, n in zip(w["rank"][1:], names))


def conf(w, names, r, gap):
    gap = min(gap, max_lead)
    z = w["conf"][0] + sum(wi * r[n] for wi, n in zip(w["conf"][1:], names)) + w["conf"][-1] * gap
    gate = min(1.0, r["coverage"] / MIN_LEXICAL_COVERAGE) if names is LEXICAL else 1.0
    return gate / (1 + math.exp(-max(-30, min(30, z))))


def without_copies(scored):
    """(score, row) pairs best first, less copies of a better row's text: as the engine, one answer per text."""
    seen = set()
    return [(sc, r) for sc, r in scored if not (r["text_key"] in seen or seen.add(r["text_key"]))]


def ranked(q, w, names, lucene_only):
    rows = [r for r in q["rows"] if r["lucene"] or not lucene_only]
    scored = without_copies(sorted(((score(w, names, r), r) for r in rows), key=lambda t: -t[0]))
    out = []
    for i, (sc, r) in enumerate(scored):
        other = scored[1][0] if i == 0 and len(scored) > 1 else (scored[0][0] if i > 0 else 0)
        out.append((sc, conf(w, names, r, sc - other), r))
    return out


def listwise_fit(questions, names, lucene_only, iterations=1500, rate=3.0):
    """Rank weights: maximise the softmax likelihood of an acceptable section among each question's candidates."""
    lists = []
    for q in questions:
        rows = [r for r in q["rows"] if r["lucene"] or not lucene_only]
        if q["in_scope"] and any(r["right"] for r in rows):
            lists.append(([[r[n] for n in names] for r in rows], [r["right"] for r in rows]))
    w = [0.0] * len(names)
    for _ in range(iterations):
        grad = [-L2 * wi for wi in w]
        for xs, ys in lists:
            zs = [sum(wi * xi for wi, xi in zip(w, x)) for x in xs]
            top = max(zs)
            es = [math.exp(z - top) for z in zs]
            total = sum(es)
            right_total = sum(e for e, y in zip(es, ys) if y)
            for x, e, y in zip(xs, es, ys):
                coef = (e / right_total if y else 0) - e / total
                for i in range(len(w)):
                    grad[i] += coef * x[i]
        w = [wi + rate * gi / max(1, len(lists)) for wi, gi in zip(w, grad)]
    return w


_rank_cache = {}


def rank_weights(questions, names, lucene_only):
    """listwise_fit, once per question list and stage (the rank weights do not depend on max_lead)."""
    key = (tuple(q["key"] for q in questions), tuple(names), lucene_only)
    if key not in _rank_cache:
        _rank_cache[key] = listwise_fit(questions, names, lucene_only)
    return _rank_cache[key]


def fit_stage(questions, names, lucene_only):
    """Rank weights (listwise), then a logistic confidence over the best candidate's features (monotone: see
    NON_NEGATIVE), calibrated at MIN_CONFIDENCE."""
    rank = rank_weights(questions, names, lucene_only)
    xs, labels = [], []
    for q in questions:
        rows = [r for r in q["rows"] if r["lucene"] or not lucene_only]
        if not rows:
            continue
        scored = without_copies(sorted(((sum(wi * r[n] for wi, n in zip(rank, names)), r) for r in rows), key=lambda t: -t[0]))
        best = scored[0][1]
        xs.append([best[n] for n in names] + [min(max_lead, scored[0][0] - (scored[1][0] if len(scored) > 1 else 0))])
        labels.append(1.0 if q["in_scope"] and best["right"] else 0.0)
    c = monotone_logistic_fit(xs, labels, names + ["lead"])
    # Shift the bias so that answering at MIN_CONFIDENCE maximises right - WRONG_COST * wrong on the training set.
    best = None
    for shift in [s / 20 for s in range(-80, 81)]:
        gain = 0
        for x, y in zip(xs, labels):
            z = c[0] + shift + sum(wi * xi for wi, xi in zip(c[1:], x))
            if 1 / (1 + math.exp(-max(-30, min(30, z)))) >= MIN_CONFIDENCE:
                gain += 1 if y else -WRONG_COST
        if best is None or gain > best[0] or (gain == best[0] and abs(shift) < abs(best[1])):
            best = (gain, shift)
    c[0] += best[1]
    return {"rank": [0.0] + rank, "conf": c}


def fit_cascade(questions, wl, ws):
    """Smallest lexical confidence / margin at which a lexical answer was never worse than the semantic stage's."""
    cases = []
    for q in questions:
        lex = ranked(q, wl, LEXICAL, True)
        sem = ranked(q, ws, SEMANTIC, False)
        if not lex:
            continue
        margin = lex[0][1] - (lex[1][1] if len(lex) > 1 else 0)
        lex_ok = decision_ok(q, lex[0])
        sem_ok = decision_ok(q, sem[0] if sem else None)
        cases.append((lex[0][1], margin, lex_ok, sem_ok))
    best = (0.99, 0.99, 0)
    for t in [x / 100 for x in range(50, 100)]:
        for m in [x / 100 for x in range(0, 100, 5)]:
            chosen = [c for c in cases if c[0] >= t and c[1] >= m]
            if all(c[2] or not c[3] for c in chosen) and len(chosen) > best[2]:
                best = (t, m, len(chosen))
    return best


def decision_ok(q, top):
    answered = top is not None and top[1] >= MIN_CONFIDENCE
    if not q["in_scope"]:
        return not answered
    return answered and top[2]["right"]


def close_call_margin(questions, names, lucene_only):
    """Largest rank-score gap within which the runner-up of an answered question was the right one in at least a
    quarter of the cases: within it, the answer offers the runner-up as "did you mean". Measured out of fold
    (CV_FOLDS-fold cross-validation by question): on the questions a stage was fitted on, its runner-up is
    right far less often than on new ones, which made the in-sample margin 0."""
    gaps = []
    for fitted, held in folds(questions):
        w = fit_stage(fitted, names, lucene_only)
        for q in held:
            r = ranked(q, w, names, lucene_only)
            if len(r) > 1 and q["in_scope"] and r[0][1] >= MIN_CONFIDENCE:
                gaps.append((r[0][0] - r[1][0], r[1][2]["right"]))
    margin = 0.0
    for g in sorted(set(round(x[0], 2) for x in gaps)):
        within = [x for x in gaps if x[0] <= g]
        if sum(x[1] for x in within) >= 0.25 * len(within):
            margin = g
    return margin


def simulate(questions, wl, ws, cascade, lexical_mode):
    return describe(counts(questions, wl, ws, cascade, lexical_mode), len(questions))


def describe(c, n):
    return (f"in scope {c['right_in']}/{c['n_in']} (ranked first {c['top_right']}), off-topic {c['right_off']}/{c['n_off']} declined, "
            f"wrong {c['wrong']}, model {c['model']}/{n}")


def counts(questions, wl, ws, cascade, lexical_mode):
    right_in = n_in = right_off = n_off = wrong = model = top_right = 0
    for q in questions:
        lex = ranked(q, wl, LEXICAL, True)
        top = lex[0] if lex else None
        if not lexical_mode:
            margin = (lex[0][1] - (lex[1][1] if len(lex) > 1 else 0)) if lex else 0
            if not (top and top[1] >= cascade[0] and margin >= cascade[1]):
                model += 1
                sem = ranked(q, ws, SEMANTIC, False)
                top = sem[0] if sem else None
        answered = top is not None and top[1] >= MIN_CONFIDENCE
        if q["in_scope"]:
            n_in += 1
            top_right += top is not None and top[2]["right"]
            ok = answered and top[2]["right"]
            right_in += ok
        else:
            n_off += 1
            ok = not answered
            right_off += ok
        wrong += answered and not ok
    return {"right_in": right_in, "n_in": n_in, "right_off": right_off, "n_off": n_off, "wrong": wrong, "model": model, "top_right": top_right}


def linear(names, w, lead=False):
    values = dict(zip(names, w[1:]))
    get = lambda n: f"{values.get(n, 0.0):.3f}"
    return (f"new LinearModel(Lexical: {get('lexical')}, Coverage: {get('coverage')}, HeadingCoverage: {get('heading_coverage')}, "
            f"SemanticPassage: {get('sem_passage')}, SemanticSentence: {get('sem_sentence')}, SemanticHeading: {get('sem_heading')}, "
            f"OffScopeIntroduction: {get('off_scope_intro')}, ScopeIntroduction: {get('scope_intro')}, Bias: {w[0]:.3f}" + (f", RankLead: {w[-1]:.3f})" if lead else ")"))


def csharp(name, names, w, margin):
    return (f"        {name}: new StageModel(\n            Rank: {linear(names, w['rank'])},\n"
            f"            Confidence: {linear(names, w['conf'], lead=True)},\n            CloseCallMargin: {margin:.2f}),")


def fit_all(train):
    """Both stages and the cascade at the current max_lead."""
    wl, ws = fit_stage(train, LEXICAL, True), fit_stage(train, SEMANTIC, False)
    return wl, ws, fit_cascade(train, wl, ws)


def folds(questions):
    """CV_FOLDS (training questions, held-out questions) pairs, by position."""
    return [([q for i, q in enumerate(questions) if i % CV_FOLDS != f], [q for i, q in enumerate(questions) if i % CV_FOLDS == f])
            for f in range(CV_FOLDS)]


def out_of_fold(sets):
    """Counts per (set, lexical mode), each training question decided by weights fitted without its fold (at the current
    max_lead): an estimate of the quality on new questions like them, since every training set is also fitted on."""
    questions = [q for _, qs in sets for q in qs]
    totals = {(name, mode): {} for name, _ in sets for mode in (False, True)}
    for fitted, held in folds(questions):
        wl, ws, cascade = fit_all(fitted)
        held_keys = {q["key"] for q in held}
        for name, qs in sets:
            mine = [q for q in qs if q["key"] in held_keys]
            for mode in (False, True):
                for k, v in counts(mine, wl, ws, cascade, mode).items():
                    totals[(name, mode)][k] = totals[(name, mode)].get(k, 0) + v
    return totals


def oof_objective(totals):
    return sum(c["right_in"] + c["right_off"] - WRONG_COST * c["wrong"] for c in totals.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="append", required=True)
    ap.add_argument("--test", action="append", default=[])
    a = ap.parse_args()
    sets = [(spec, load(spec)) for spec in a.train]
    train = [q for _, qs in sets for q in qs]
    global max_lead
    best, grid = None, []
    for lead in MAX_LEAD_GRID:
        max_lead = lead
        totals = out_of_fold(sets)
        grid.append(f"{lead:g}: {oof_objective(totals):g}")
        if best is None or oof_objective(totals) > best[0]:
            best = (oof_objective(totals), lead, totals)
    _, max_lead, oof = best
    wl, ws, cascade = fit_all(train)
    lexical_margin = close_call_margin(train, LEXICAL, True)
    semantic_margin = close_call_margin(train, SEMANTIC, False)
    print("    /// <summary>Printed by tests/eval/fit.py " + " ".join(f"--train {t}" for t in a.train) + ".</summary>")
    print("    public static RankerWeights Fitted { get; } = new(")
    print(csharp("LexicalStage", LEXICAL, wl, lexical_margin))
    print(csharp("SemanticStage", SEMANTIC, ws, semantic_margin))
    lead = "double.PositiveInfinity" if math.isinf(max_lead) else f"{max_lead:.2f}"
    print(f"        DecisiveConfidence: {cascade[0]:.2f},\n        DecisiveMargin: {cascade[1]:.2f},\n        MinLexicalCoverage: {MIN_LEXICAL_COVERAGE:.2f},\n        MaxRankLead: {lead});")
    print(f"// {cascade[2]} training questions decided without the model; MaxRankLead grid, out-of-fold objective: {', '.join(grid)}")
    for label, specs in (("train", a.train), ("test", a.test)):
        for s in specs:
            qs = load(s)
            print(f"{label:5} {s}: default {simulate(qs, wl, ws, cascade, False)} | lexical {simulate(qs, wl, ws, cascade, True)}")
    for name, qs in sets:
        print(f"oof   {name}: default {describe(oof[(name, False)], len(qs))} | lexical {describe(oof[(name, True)], len(qs))}")


if __name__ == "__main__":
    sys.exit(main())
