"""Fixtures the feedback tests share."""

from __future__ import annotations

import pytest

from mockint.feedback.meaning import SentenceEncoder, shared_encoder


@pytest.fixture(scope="session")
def encoder() -> SentenceEncoder:
    """The real sentence model (all-MiniLM-L6-v2), loaded once for the whole run."""
    found = shared_encoder()
    if found is None:
        pytest.fail("the sentence model is missing from models/: run scripts/setup.sh")
    return found
