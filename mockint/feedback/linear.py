"""Logistic models learned from the hand-labelled answers, stored as JSON beside this module.

`scripts/train_feedback.py` fits them (tests/data/feedback_eval holds the labels) and writes
`weights/<name>.json`; the analyzer only reads them. A model is a standardised linear score
through a sigmoid: small enough to review, and fast (one dot product per clause or answer).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"


@dataclass(frozen=True)
class LinearModel:
    """One logistic head: features are standardised by `mean` and `scale`, then weighed."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float  # the probability at which the answer is said to have it

    def probability(self, features: np.ndarray) -> np.ndarray:
        """One probability per row of `features`."""
        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_json(self) -> dict:
        return {"mean": self.mean.round(6).tolist(), "scale": self.scale.round(6).tolist(),
                "weights": self.weights.round(6).tolist(), "bias": round(float(self.bias), 6),
                "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(mean=np.array(data["mean"], dtype=np.float32), scale=np.array(data["scale"], dtype=np.float32),
                   weights=np.array(data["weights"], dtype=np.float32), bias=float(data["bias"]),
                   threshold=float(data["threshold"]))


def fit_logistic(features: np.ndarray, labels: np.ndarray, l2: float, threshold: float,
                 steps: int = 400) -> LinearModel:
    """A logistic head by full-batch gradient descent on standardised features (deterministic)."""
    mean = features.mean(0)
    scale = features.std(0) + 1e-6
    z = (features - mean) / scale
    weights = np.zeros(z.shape[1])
    bias = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ weights + bias)))
        weights -= 0.5 * (z.T @ (p - labels) / len(labels) + l2 * weights / len(labels))
        bias -= 0.5 * float((p - labels).mean())
    return LinearModel(mean=mean, scale=scale, weights=weights, bias=bias, threshold=threshold)


def load_setting(name: str, key: str) -> object:
    """One setting fitted with the heads of `weights/<name>.json` (None when missing or unreadable). Read each time
    (under a millisecond), so that no second cache has to be cleared in step with load_heads'."""
    try:
        return json.loads((WEIGHTS_DIR / f"{name}.json").read_text(encoding="utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None


@cache
def load_heads(name: str) -> dict[str, LinearModel] | None:
    """The heads of `weights/<name>.json` by name, or None when the file is missing or damaged
    (the rules then decide alone)."""
    try:
        data = json.loads((WEIGHTS_DIR / f"{name}.json").read_text(encoding="utf-8"))
        return {head: LinearModel.from_json(spec) for head, spec in data["heads"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None
