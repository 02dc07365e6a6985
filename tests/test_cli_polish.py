"""The command line as a new user meets it: --help that reads well, one meaning per flag, clear errors."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
import typer
from typer.testing import CliRunner

from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.tagging import load_codebook
from tests.conftest import ROOT

runner = CliRunner()

SURVEY = """id;skolenivå;fylke;ord1;ord2
R1;videregående;Vestland;engelsk;vennskap
R2;videregående;Viken;engelsk;mestring
R3;grunnskole;Vestland;vennskap;glede
"""


def _commands():
    return typer.main.get_command(app).commands


def _all_commands(commands=None, prefix=""):
    """Every command, those of groups (qualcode codebook …) too, by its full name."""
    result = {}
    for name, command in (commands or _commands()).items():
        result[prefix + name] = command
        if hasattr(command, "commands"):
            result.update(_all_commands(command.commands, f"{prefix}{name} "))
    return result


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    (folder / "svar.csv").write_text(SURVEY, encoding="utf-8")
    path = folder / "p.qualcode"
    assert runner.invoke(app, ["init", str(path)]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(path), str(folder / "svar.csv"), "--id", "id",
                                 "--open", "elev=ord1,ord2"])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("name", sorted(_all_commands()))
def test_help_shows_no_python_types(name):
    result = runner.invoke(app, [*name.split(), "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "<bool>" not in result.output and "list[" not in result.output


def test_help_prose_is_not_broken_mid_sentence():
    for name, command in _all_commands().items():
        for paragraph in (command.help or "").split("\n\n"):
            if not paragraph.startswith((" ", "\b")):
                assert "\n" not in paragraph, (name, paragraph)


def test_each_short_flag_has_one_meaning():
    meanings = defaultdict(set)
    for command in _all_commands().values():
        for param in command.params:
            longs = [o for o in param.opts if o.startswith("--")]
            for short in (o for o in param.opts if re.fullmatch(r"-\w", o)):
                meanings[short].update(longs)
    assert {short: longs for short, longs in meanings.items() if len(longs) > 1} == {}
    assert meanings["-f"] == {"--format"} and meanings["-n"] == {"--limit"}


def test_format_is_a_choice_that_help_lists_and_validation_enforces(project, tmp_path):
    help_text = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "200"}).output
    assert "qdpx|qdc|xlsx|csv" in help_text
    wrong = runner.invoke(app, ["export", str(project), "--format", "pdf", "--out", str(tmp_path / "x.pdf")])
    assert wrong.exit_code != 0 and "qdpx" in wrong.output


def test_init_on_an_existing_file_mentions_force(project):
    result = runner.invoke(app, ["init", str(project)])
    assert result.exit_code == 1 and "--force" in result.output


def test_stats_on_an_unknown_question_is_an_error(project):
    result = runner.invoke(app, ["stats", str(project), "-c", str(ROOT / "codebooks" / "elevutbytte.yaml"),
                                 "-q", "nosuchquestion"])
    assert result.exit_code == 1 and "no survey question 'nosuchquestion'" in result.output and "elev" in result.output


def test_unknown_group_lists_only_metadata_variables(project):
    result = runner.invoke(app, ["stats", str(project), "-c", str(ROOT / "codebooks" / "elevutbytte.yaml"),
                                 "-q", "elev", "--by", "bogus"], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    available = result.output.split("available:")[1].split()
    assert [v.strip(",") for v in available] == ["fylke", "skolenivå"]


def test_nlp_summary_lists_content_lemmas_only(tmp_path):
    text = tmp_path / "intervju.txt"
    text.write_text("I: Hva lærte elevene?\nK: Å snakke engelsk, og en god del om kulturforståelse. "
                    "Elevene ble tryggere på engelsk, og de fikk venner i Spania.\n", encoding="utf-8")
    result = runner.invoke(app, ["nlp", "--file", str(text), "--summary"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    lemmas = [item.split(" (")[0] for item in result.output.split("content lemmas:")[1].strip().split(", ")]
    assert lemmas[:2] == ["elev", "engelsk"] or set(lemmas[:2]) == {"elev", "engelsk"}
    assert not {"å", "k", "en", "og", "i", "på"} & set(lemmas)


def test_suggest_terms_example_adds_terms_that_are_new():
    example = next(line for line in _commands()["suggest-terms"].help.splitlines() if "--add" in line)
    added = re.findall(r'--add (?:"([^"]+)"|(\S+))', example)
    category = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml").category("sprakferdigheter")
    for quoted, bare in added:
        term = quoted or bare
        assert term not in category.terms and term not in category.phrases
