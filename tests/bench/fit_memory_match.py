"""Fit the answer memory's same-question decision on the train split, choose its threshold on dev.

The weights and threshold in ``desktop/core/knowledge/memory_match.py`` come from this script. It asks the
questions of tests/bench/bench_memory_match.py (train and dev only: test is never read here) against the same
memories, computing the signals exactly as ``AnswerMemory.search`` does (``memory_match``, the concept model,
the asks model) from e5 vectors in numpy, without Chroma: the candidates are the answers whose stored question
is closest, as Chroma returns them. Every candidate at similarity >= MIN_SIMILARITY is one row (label: it
answers the question asked); a logistic regression is fitted on the train rows of both kinds of memory (three
one-language memories of 35 answers, and one of 105 in three languages), then the threshold is the lowest at
which dev shows an unrelated earlier answer to at most TARGET_UNRELATED of its questions without one (mean of
the two kinds of memory). The related tier's threshold is then chosen on dev too (``choose_related``). Then run
bench_memory_match.py for the figures through the real search.

    PYTHONPATH=. .venv/bin/python tests/bench/fit_memory_match.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory_match import ONE_LANGUAGE, _load, _memory_items, episodes
from benchutil import REPO

FETCHED = 24  # vectors Chroma returns per question (memory.CANDIDATES * MEMORY_K), three per answer
TARGET_UNRELATED = 0.05
RELATED_SAME_SHARE = (
    0.5  # the related tier's threshold: the lowest at which half its answers are the same question
)
L2 = 1e-3
FEATURES = ("similarity", "margin", "concepts", "asks")
CACHE = REPO / ".bench-cache" / "memory-match-vectors.npz"


def _vectors(texts: set[str], embedder: Any) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """text -> (query-form, passage-form) unit vectors, cached between runs."""
    known: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    if CACHE.exists():
        with np.load(CACHE, allow_pickle=False) as data:
            for key, q, p in zip(data["keys"], data["q"], data["p"], strict=True):
                known[str(key)] = (q, p)
    keys = {t: hashlib.sha256(f"{embedder.name}\x00{t}".encode()).hexdigest()[:24] for t in texts}
    missing = sorted(t for t in texts if keys[t] not in known)
    if missing:
        qs, ps = embedder.embed_queries(missing), embedder.embed_passages(missing)
        for t, q, p in zip(missing, qs, ps, strict=True):
            known[keys[t]] = (np.asarray(q, np.float32), np.asarray(p, np.float32))
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        names = sorted(known)
        np.savez(CACHE, keys=np.array(names), q=np.stack([known[k][0] for k in names]),
                 p=np.stack([known[k][1] for k in names]))  # fmt: skip
    return {t: known[keys[t]] for t in texts}


def rows(splits: set[str]) -> list[dict[str, Any]]:
    """One entry per question asked (with / without its earlier answer): candidate features and labels."""
    from desktop.core.knowledge import asks_model, concept_model, memory_match
    from desktop.core.knowledge.embedder import default_embedder
    from desktop.core.knowledge.memory import MIN_SIMILARITY

    embedder = default_embedder()
    concepts_of = concept_model.get_model(embedder)
    asks_of = asks_model.get_model(embedder) or asks_model.build(embedder)
    if concepts_of is None or asks_of is None:
        raise SystemExit("Run `zantara knowledge prepare` first (the concept and asks models).")
    eps = {m: e for m, e in episodes(splits).items() if e and m != "paraphrases-heldout"}
    texts = {ep["query"] for e in eps.values() for ep in e}
    for name in eps:
        texts |= {i["question"] for i in _memory_items(name)} | set(_documents(name))
    vec = _vectors(texts, embedder)
    concept = {
        t: np.array([p for _c, p in sorted(concepts_of.probabilities(vec[t][0]).items())]) for t in texts
    }
    asks = {t: asks_of.probabilities(vec[t][0], t) for t in texts}
    out = []
    for name, eps_of in eps.items():
        items = _memory_items(name)
        questions = [i["question"] for i in items]
        qv = np.stack([vec[q][0] for q in questions])
        pv = np.stack([vec[q][1] for q in questions])
        av = np.stack([vec[d][1] for d in _documents(name)])  # question + answer, as a passage
        langs = [i["language"] for i in items]
        for ep in eps_of:
            gold = (
                {questions.index(g) for g in (ep.get("golds") or {ep["gold"]}) if g} if ep["gold"] else set()
            )
            aq, ap = vec[ep["query"]]
            sims = (qv @ aq + pv @ aq + pv @ ap) / 3
            fetch = np.r_[qv @ aq, pv @ aq, av @ aq]
            for present in [gold, set()] if gold else [set()]:
                ranked = [int(v) % len(items) for v in np.argsort(-fetch)]
                vectors = [n for n in ranked if present or n not in gold][:FETCHED]
                alive = list(dict.fromkeys(vectors))
                s = [float(sims[n]) for n in alive]
                lead = memory_match.margins(s, qv[alive], [langs[n] for n in alive])
                cand = []
                for i, n in enumerate(alive):
                    if s[i] < MIN_SIMILARITY or memory_match.codes_conflict(ep["query"], questions[n]):
                        continue
                    features = [
                        s[i],
                        lead[i],
                        memory_match.concept_agreement(concept[ep["query"]], concept[questions[n]]),
                        memory_match.concept_agreement(asks[ep["query"]], asks[questions[n]]),
                    ]
                    cand.append((int(n), features, n in present))
                kind = "one" if name in ONE_LANGUAGE else "pooled"
                out.append({"split": ep["split"], "memory": kind, "present": present, "cand": cand})
    return out


def _documents(name: str) -> list[str]:
    """The question + answer passage the bench stores for each answer of memory ``name``."""
    return [
        f"{i['question']}\n\n{i.get('answer') or f'Earlier answer number {n}, written for this question.'}"
        for n, i in enumerate(_memory_items(name))
    ]


def fit(train: list[dict[str, Any]]) -> np.ndarray:
    """Logistic regression (Newton, L2 on standardised features); weights in raw units, bias last."""
    x = np.array([f for r in train for _n, f, _y in r["cand"]], dtype=np.float64)
    y = np.array([lab for r in train for _n, _f, lab in r["cand"]], dtype=np.float64)
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-12
    z = np.c_[(x - mu) / sd, np.ones(len(x))]
    beta = np.zeros(z.shape[1])
    penalty = np.diag(np.r_[np.full(len(mu), L2), 0.0])
    for _ in range(100):
        p = 1 / (1 + np.exp(-z @ beta))
        grad = z.T @ (p - y) / len(y) + penalty @ beta
        hess = (z.T * (p * (1 - p))) @ z / len(y) + penalty
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    weights = beta[:-1] / sd
    return np.r_[weights, beta[-1] - float(weights @ mu)]


def score(data: list[dict[str, Any]], w: np.ndarray, threshold: float, k: int = 3) -> dict[str, float]:
    present = hit = shown = right = absent = wrong = 0
    for r in data:
        p = [(1 / (1 + np.exp(-(np.dot(w[:-1], f) + w[-1]))), n) for n, f, _y in r["cand"]]
        ids = [n for prob, n in sorted(p, reverse=True)[:k] if prob >= threshold]
        shown += len(ids)
        if r["present"]:
            present += 1
            hit += bool(r["present"] & set(ids))
            right += sum(n in r["present"] for n in ids)
        else:
            absent += 1
            wrong += bool(ids)
    return {
        "recall": hit / max(present, 1),
        "precision": right / max(shown, 1),
        "unrelated": wrong / max(absent, 1),
    }


def score_related(
    data: list[dict[str, Any]], w: np.ndarray, threshold: float, related: float
) -> dict[str, float]:
    """The related tier (``AnswerMemory.lookup``): when no candidate reaches ``threshold``, the most likely one at
    ``related`` or more is shown as an earlier answer to a related question."""
    present = found = absent = shown_absent = shown = same = 0
    for r in data:
        p = sorted(
            ((1 / (1 + np.exp(-(np.dot(w[:-1], f) + w[-1]))), n) for n, f, _y in r["cand"]), reverse=True
        )
        answers = [n for prob, n in p[:3] if prob >= threshold]
        extra = [n for prob, n in p[:1] if related <= prob] if not answers else []
        shown += len(extra)
        same += sum(n in r["present"] for n in extra)
        if r["present"]:
            present += 1
            found += bool(r["present"] & set(answers + extra))
        else:
            absent += 1
            shown_absent += bool(extra)
    return {
        "found": found / max(present, 1),
        "related_unasked": shown_absent / max(absent, 1),
        "related_same": same / max(shown, 1),
    }


def choose_related(dev: dict[str, list[dict[str, Any]]], w: np.ndarray, threshold: float) -> float | None:
    """Print the related tier on dev; the lowest related threshold whose related answers are the same question
    at least RELATED_SAME_SHARE of the time (mean of the two kinds of memory)."""
    chosen = None
    for related in np.round(np.arange(0.10, threshold, 0.05), 2):
        figures = {kind: score_related(d, w, threshold, related) for kind, d in dev.items()}
        print(
            f"related {related:.2f}  "
            + "  ".join(
                f"dev {kind}: found {f['found']:.1%}, related shown w/o earlier answer {f['related_unasked']:.1%}, "
                f"related that is the same question {f['related_same']:.1%}"
                for kind, f in figures.items()
            )
        )
        share = float(np.mean([f["related_same"] for f in figures.values()]))
        if chosen is None and share >= RELATED_SAME_SHARE:
            chosen = float(related)
    return chosen


def asks_on_dev() -> float:
    """Share of the dev questions' paraphrases whose most likely ask is one of the question's (asks-dev.jsonl)."""
    from desktop.core.knowledge import asks_model
    from desktop.core.knowledge.embedder import default_embedder

    embedder = default_embedder()
    model = asks_model.get_model(embedder) or asks_model.build(embedder)  # build: new labelled questions
    assert model is not None
    labels = {}
    for line in (REPO / "tests/data/memory-match/asks-dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels[row["question"]] = set(row["asks"])
    texts = [p["text"] for i in _load("paraphrases") if i["question"] in labels for p in i["paraphrases"]]
    vectors = _vectors(set(texts), embedder)
    right = [
        model.asks[int(np.argmax(model.probabilities(vectors[p["text"]][0], p["text"])))]
        in labels[i["question"]]
        for i in _load("paraphrases")
        if i["question"] in labels
        for p in i["paraphrases"]
    ]
    return sum(right) / len(right)


def main() -> None:
    print(f"asks model on dev paraphrases: first ask right {asks_on_dev():.1%}")
    data = rows({"train", "dev"})
    train = [r for r in data if r["split"] == "train"]
    dev = {
        kind: [r for r in data if r["split"] == "dev" and r["memory"] == kind] for kind in ("one", "pooled")
    }
    w = fit(train)
    x = np.array([f for r in train for _n, f, _y in r["cand"]])
    print(
        "mean over train candidates:", dict(zip(FEATURES, np.round(x.mean(axis=0), 3).tolist(), strict=True))
    )
    print("weights (raw units):", dict(zip([*FEATURES, "bias"], np.round(w, 3).tolist(), strict=True)))
    chosen = None
    for threshold in np.round(np.arange(0.20, 0.91, 0.05), 2):
        figures = {kind: score(d, w, threshold) for kind, d in dev.items()}
        mean_unrelated = float(np.mean([f["unrelated"] for f in figures.values()]))
        line = "  ".join(
            f"dev {kind}: R {f['recall']:.1%} P {f['precision']:.1%} U {f['unrelated']:.1%}"
            for kind, f in figures.items()
        )
        tr = score(train, w, threshold)
        print(f"threshold {threshold:.2f}  train: R {tr['recall']:.1%} U {tr['unrelated']:.1%}  {line}")
        if chosen is None and mean_unrelated <= TARGET_UNRELATED:
            chosen = threshold
    print(f"chosen threshold (lowest with mean dev unrelated <= {TARGET_UNRELATED:.0%}): {chosen}")
    if chosen is not None:
        related = choose_related(dev, w, chosen)
        print(f"chosen related threshold (lowest with >= {RELATED_SAME_SHARE:.0%} same question): {related}")
        for kind in ("one", "pooled"):
            if related is None:
                break
            f = score_related([r for r in train if r["memory"] == kind], w, chosen, related)
            print(
                f"train {kind} at {related}: found {f['found']:.1%}, related shown w/o earlier answer "
                f"{f['related_unasked']:.1%}, related that is the same question {f['related_same']:.1%}"
            )


if __name__ == "__main__":
    main()
