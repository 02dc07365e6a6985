"""Agreement: hand-computed cases, scikit-learn's and the krippendorff package's figures, a real project."""

from __future__ import annotations

import math
import random

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from typer.testing import CliRunner

from qualcode.analysis.agreement import (
    AgreementError,
    agreement,
    cohen_kappa,
    krippendorff_alpha,
    pooled_kappa,
)
from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.review import accept, reject
from tests.exchange_data import build_project, copy_project, suggestions

runner = CliRunner()


def table(both: int, only_a: int, only_b: int, neither: int) -> tuple[list[int], list[int]]:
    """Two coders' yes/no on units, from the counts of a 2×2 table."""
    a = [1] * both + [1] * only_a + [0] * only_b + [0] * neither
    b = [1] * both + [0] * only_a + [1] * only_b + [0] * neither
    return a, b


def test_hand_computed_two_by_two():
    # 50 units: p_o = 35/50 = 0.7; A says yes to 25, B to 30: p_e = .5·.6 + .5·.4 = 0.5; kappa = 0.2/0.5.
    a, b = table(20, 5, 10, 15)
    assert cohen_kappa(a, b) == pytest.approx(0.4, abs=1e-12)
    # alpha: n = 100 values, 55 yes and 45 no, 15 disagreeing units: 1 − 99·15/(55·45) = 0.4
    assert krippendorff_alpha([a, b]) == pytest.approx(0.4, abs=1e-12)


def test_hand_computed_pooled_kappa():
    # Two categories on 8 units: (p_o, p_e) = (0.75, 0.625) and (1, 0.78125);
    # pooled = (0.875 − 0.703125) / (1 − 0.703125) = 0.578947…
    first, second = table(1, 1, 1, 5), table(1, 0, 0, 7)
    assert pooled_kappa([first, second]) == pytest.approx((0.875 - 0.703125) / (1 - 0.703125), abs=1e-12)
    # A category neither coder uses (p_o = p_e = 1) leaves the pooled kappa as it is.
    assert pooled_kappa([first, second, table(0, 0, 0, 8)]) == pytest.approx(pooled_kappa([first, second]), abs=1e-12)


@pytest.mark.parametrize("seed", range(12))
def test_kappa_and_alpha_match_the_reference_implementations(seed):
    rng = random.Random(seed)
    n = rng.randint(5, 300)
    labels = ["ja", "nei", "kanskje", "vet ikke"][: rng.randint(2, 4)]
    a = [rng.choice(labels) for _ in range(n)]
    b = [x if rng.random() < 0.6 else rng.choice(labels) for x in a]
    if len(set(a) | set(b)) < 2:
        pytest.skip("no variation drawn")
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)
    codes = {label: i for i, label in enumerate(labels)}
    data = np.array([[codes[x] for x in a], [codes[x] for x in b]], dtype=float)
    assert krippendorff_alpha([a, b]) == pytest.approx(
        krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"), abs=1e-9)


def test_alpha_with_three_coders_and_missing_values_matches_krippendorff():
    # The krippendorff package's own example: 3 coders, 15 units, gaps; nominal alpha 0.691.
    data = [[None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
            [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
            [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4]]
    reference = krippendorff.alpha(reliability_data=np.array(data, dtype=float), level_of_measurement="nominal")
    assert krippendorff_alpha(data) == pytest.approx(reference, abs=1e-9)
    assert krippendorff_alpha(data) == pytest.approx(0.691358024691358, abs=1e-9)


def test_undefined_statistics_are_nan_like_the_references():
    a = b = [1, 1, 1, 1]
    with pytest.warns(UserWarning):  # scikit-learn: "undefined and set to … nan"
        assert math.isnan(cohen_kappa_score(a, b))
    assert math.isnan(cohen_kappa(a, b))
    assert math.isnan(krippendorff_alpha([a, b]))


@pytest.fixture(scope="module")
def project(tmp_path_factory, blank_nlp):
    return build_project(tmp_path_factory.mktemp("enighet"), blank_nlp)


def test_two_coders_on_a_project(project):
    result = agreement(project, "TH", "AB", codebook="elevutbytte")
    assert result.documents == ["01_rektor.txt", "02_laerer.md"]  # the survey is the tagger's alone
    assert result.units == 8  # the codable sentences and turns of the two interviews
    rows = {row.category: row for row in result.categories}
    # TH rejected «sosial inkludering» on the Lisboa turn; AB coded it by hand on «et nettverk i Europa».
    assert (rows["sosial_inkludering"].both, rows["sosial_inkludering"].only_a, rows["sosial_inkludering"].only_b) == (1, 0, 1)
    assert (rows["sprakferdigheter"].both, rows["sprakferdigheter"].only_a, rows["sprakferdigheter"].only_b) == (1, 1, 0)
    # Hand-computed: three categories at p_o = 7/8, p_e = 11/16 (kappa 0.6), two in full agreement.
    for key in ("sosial_inkludering", "sprakferdigheter", "personlig_utvikling"):
        assert rows[key].kappa == pytest.approx(0.6, abs=1e-12)
    assert rows["medborgerskap"].kappa == rows["nokkelkompetanser"].kappa == 1.0
    assert result.pooled_kappa == pytest.approx(8 / 11, abs=1e-12)
    assert result.alpha == pytest.approx(634 / 871, abs=1e-12)  # 13 yes, 67 no, 3 disagreeing pairs of 40


def test_only_the_segments_a_coder_reviewed_count(project, tmp_path):
    """A new coder's two decisions compare two segments with the tagger, not every suggestion in the document."""
    changed = copy_project(project, tmp_path / "ny.qualcode")
    rows = [r for r in suggestions(changed) if r.document == "02_laerer.md"]
    accept(changed, rows[0].id, "UX")
    reject(changed, rows[-1].id, "UX")
    result = agreement(changed, "UX", "tagger")
    assert (result.units, result.available, result.documents) == (2, 4, ["02_laerer.md"])
    decided = {row.category: row for row in result.categories}
    assert decided[rows[0].category].both == 1 and decided[rows[-1].category].only_b == 1
    assert sum(row.both + row.only_a + row.only_b for row in result.categories) == 2
    output = runner.invoke(app, ["agreement", changed.location, "--coders", "UX,tagger"], env={"COLUMNS": "200"}).output
    assert "2 segments both judged (of 4 in 1 documents)" in output
    assert "Left out: 2 segments with a suggestion UX or tagger has not reviewed yet." in output


def test_project_figures_match_the_references(project):
    result = agreement(project, "TH", "AB", codebook="elevutbytte")
    all_a, all_b = [], []
    for row in result.categories:
        a, b = table(row.both, row.only_a, row.only_b, row.neither)
        all_a += a
        all_b += b
        assert row.kappa == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)
        assert row.alpha == pytest.approx(krippendorff.alpha(reliability_data=np.array([a, b]),
                                                             level_of_measurement="nominal"), abs=1e-9)
    assert result.alpha == pytest.approx(krippendorff.alpha(reliability_data=np.array([all_a, all_b]),
                                                            level_of_measurement="nominal"), abs=1e-9)


def test_coder_against_the_tagger(project):
    result = agreement(project, "TH", "tagger")
    assert result.codebook == "elevutbytte"  # the only codebook both have used
    rows = {row.category: row for row in result.categories}
    # The tagger suggested every coding; TH rejected only «sosial inkludering» on the Lisboa turn.
    assert rows["sosial_inkludering"].only_b == 1 and rows["sosial_inkludering"].kappa == pytest.approx(0.6)
    assert all(row.kappa == 1.0 for key, row in rows.items() if key != "sosial_inkludering")


def test_a_later_decision_replaces_an_earlier_one(project, tmp_path):
    changed = copy_project(project, tmp_path / "endret.qualcode")
    lisboa = next(r for r in suggestions(changed) if r.category == "sosial_inkludering" and r.document == "02_laerer.md")
    accept(changed, lisboa.id, "TH")  # TH changes their mind: now TH agrees with the tagger everywhere
    result = agreement(changed, "TH", "tagger")
    assert all(row.kappa == 1.0 for row in result.categories)
    assert result.pooled_kappa == 1.0


def test_unknown_coder_is_one_clear_error(project):
    with pytest.raises(AgreementError, match="no coder 'XY'.*AB, TH, tagger"):
        agreement(project, "TH", "XY")


def test_cli_prints_the_table(project):
    result = runner.invoke(app, ["agreement", project.location, "--coders", "TH,AB", "--codebook", "elevutbytte"])
    assert result.exit_code == 0, result.output
    assert "Sosial inkludering" in result.output and "0.600" in result.output
    assert "Pooled kappa 0.727" in result.output and "8 segments both judged (of 8 in 2 documents)" in result.output
    result = runner.invoke(app, ["agreement", project.location, "--coders", "TH"])
    assert result.exit_code != 0 and "exactly two coders" in result.output
    result = runner.invoke(app, ["agreement", project.location, "--coders", "TH,Ukjent"])
    assert result.exit_code != 0 and "no coder 'Ukjent'" in result.output
