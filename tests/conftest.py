"""Shared fixtures: the real Norwegian pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, exactly as ``qualcode`` resolves it on this install."""
    from qualcode.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def blank_nlp():
    """The dependency-free fallback pipeline (blank nb + NDT/simplemma lemmatizer)."""
    from qualcode.nlp import load_pipeline

    return load_pipeline("blank:nb")


@pytest.fixture(params=["default", "blank:nb"])
def any_nlp(request, nlp, blank_nlp):
    """Both pipelines: every NLP guarantee must hold for the default and the fallback."""
    return nlp if request.param == "default" else blank_nlp
