"""``python -m benchmarks.evaluate_codebooks --cache DIR``: the parses of a labelled set are kept and re-tagged on
the next run with the same figures as parsing anew. Real pipeline, the shipped codebooks, labelled set 2026."""

from __future__ import annotations

from benchmarks import evaluate_codebooks
from benchmarks.evaluate_codebooks import tag_items_cached
from qualcode.tagging import codebook_pipeline, load_codebook
from qualcode.tagging.evaluation import tag_items
from tests.conftest import ROOT


def _figures(results: dict) -> dict:
    return {key: (value["result"].table(), [str(e) for e in value["result"].errors]) for key, value in results.items()}


def test_a_cached_run_prints_the_figures_of_a_fresh_one(tmp_path, capsys):
    fresh = _figures(evaluate_codebooks.main("test", True, "2026"))
    first = _figures(evaluate_codebooks.main("test", True, "2026", cache=tmp_path))
    stored = sorted(p.name for p in tmp_path.iterdir())
    again = _figures(evaluate_codebooks.main("test", True, "2026", cache=tmp_path))
    assert len(stored) == 2  # the answers and the sentences of the split
    assert sorted(p.name for p in tmp_path.iterdir()) == stored  # the second run parsed nothing
    assert first == fresh and again == fresh
    assert "micro" in capsys.readouterr().out


def test_other_texts_are_parsed_and_stored_apart(tmp_path):
    codebook = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    nlp = codebook_pipeline(codebook)
    bokmal = [{"id": "x1", "text": "vennskap og selvtillit"}, {"id": "x2", "text": "engelskkunnskaper"}]
    nynorsk = [{"id": "y1", "text": "venskap og sjølvtillit"}, {"id": "y2", "text": "betre engelsk"}]
    for items in (bokmal, nynorsk, bokmal):
        cached = tag_items_cached(nlp, items, tmp_path)
        assert [(t.scores, t.evidence) for t in cached] == [(t.scores, t.evidence) for t in tag_items(nlp, items)]
    assert len(list(tmp_path.iterdir())) == 2
    assert set(tag_items_cached(nlp, nynorsk, tmp_path)[0].scores) == {"sosial_inkludering", "personlig_utvikling"}
