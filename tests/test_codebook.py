"""Codebook files: every error names the file, the line and the fix; shipped codebooks keep their ids."""

from __future__ import annotations

import pytest

from qualcode.tagging import CodebookError, load_codebook
from tests.conftest import ROOT

VALID = """\
id: test
name: Test
categories:
  - id: sprak
    label: Språkferdigheter
    color: "#7FBC41"
    terms: [engelsk]
  - id: sosial
    label: Sosial inkludering
    color: "#2166AC"
    parent: sprak
    compound_terms: [vennskap]
"""


def write(tmp_path, text):
    path = tmp_path / "kodebok.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_codebook_loads(tmp_path):
    cb = load_codebook(write(tmp_path, VALID))
    assert [c.id for c in cb.categories] == ["sprak", "sosial"]
    assert cb.category("sosial").parent == "sprak"


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('color: "#7FBC41"', "color: grønn", 6, "colour 'grønn' is not a hex colour like #1B7837"),
        ("  - id: sosial", "  - id: sprak", 8, "duplicate category id 'sprak' (first at line 4)"),
        ("parent: sprak", "parent: språk_x", 11, "parent 'språk_x', which is not a category"),
        ("    terms: [engelsk]\n", "", 4, "category 'sprak' has no rule"),
        ("terms: [engelsk]", "terms: [engelsk]\n    patterns:\n      - pattern: [{LEMMA: {IN: 5}}]", 9, "spaCy rejects this token pattern"),
        ("  - id: sprak", "  - id: Språk", 4, "id 'Språk' must be lower-case ASCII"),
        ("  - id: sprak", "  - id: " + "s" * 65, 4, "is 65 characters long; use at most 64"),
        ("    label: Språkferdigheter\n", "", 4, "'label' is missing"),
        ("terms: [engelsk]", "terms: [engelsk]\n    synonyms: [english]", 8, "unknown field 'synonyms'"),
        ("categories:", "categories:\n  - id: [broken", 5, "not valid YAML"),
    ],
)
def test_each_error_names_file_line_and_fix(tmp_path, old, new, line, message):
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    text = str(info.value)
    assert text.startswith(f"{path} line {line}: "), text
    assert message in text


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CodebookError, match="no such codebook file"):
        load_codebook(tmp_path / "finnes_ikke.yaml")


ELEV = {
    "nokkelkompetanser": ("Nøkkelkompetanser", "#1B7837"),
    "sprakferdigheter": ("Språkferdigheter", "#7FBC41"),
    "medborgerskap": ("Medborgerskap og aktivt samfunnsengasjement", "#E6AB02"),
    "sosial_inkludering": ("Sosial inkludering", "#2166AC"),
    "personlig_utvikling": ("Personlig utvikling, trivsel og mestring", "#D7301F"),
}
ERASMUS = {
    "inkludering_mangfold": ("Inkludering og mangfold", "#2166AC"),
    "digital_omstilling": ("Digital omstilling", "#762A83"),
    "miljo_klima": ("Miljø og kampen mot klimaendringer", "#1A9850"),
    "demokratisk_deltakelse": ("Deltakelse i demokratiske prosesser og samfunnsengasjement", "#E6AB02"),
}


@pytest.mark.parametrize(("name", "expected"), [("elevutbytte", ELEV), ("erasmus_prioriteringer", ERASMUS)])
def test_shipped_codebooks_keep_their_public_ids_labels_and_colours(name, expected):
    cb = load_codebook(ROOT / "codebooks" / f"{name}.yaml")
    assert cb.id == name
    assert {c.id: (c.label, c.color) for c in cb.categories} == expected


SHIPPED = sorted((ROOT / "codebooks").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_codebook_is_valid_and_has_examples(path):
    cb = load_codebook(path)
    for category in cb.categories:
        assert category.description, f"{path.name}: {category.id} has no description"
        assert category.examples.positive and category.examples.negative, f"{path.name}: {category.id} lacks examples"


def test_adding_a_term_to_a_flow_list_keeps_the_others(tmp_path):
    from qualcode.tagging.edit import add_term, remove_term

    path = write(tmp_path, VALID.replace("terms: [engelsk]", "terms: [engelsk, uttale]  # språk"))
    codebook = add_term(path, "sprak", "tysk")
    assert codebook.category("sprak").terms == ["engelsk", "uttale", "tysk"]
    text = path.read_text(encoding="utf-8")
    assert [line.strip().startswith("terms:") for line in text.splitlines()].count(True) == 1  # one list, not two keys
    assert "# språk" in text  # the comment stays where the analyst wrote it
    assert remove_term(path, "sprak", "uttale").category("sprak").terms == ["engelsk", "tysk"]
