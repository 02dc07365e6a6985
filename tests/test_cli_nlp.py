"""The qualcode CLI for the NLP step, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from typer.testing import CliRunner

from qualcode.cli import app
from qualcode.cli.app import main  # noqa: F401  (importing registers nothing extra)

runner = CliRunner()


def test_nlp_table_shows_lemmas_and_parts():
    result = runner.invoke(app, ["nlp", "--json", "Elevene fikk nye venner og bedre språkferdigheter"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    by_token = {r["token"]: r for r in rows}
    assert [by_token[w]["lemma"].lower() for w in ("Elevene", "fikk", "nye", "venner", "bedre", "språkferdigheter")] == [
        "elev", "få", "ny", "venn", "god", "språkferdighet"]
    assert by_token["språkferdigheter"]["parts"] == ["språk", "ferdighet"]
    assert by_token["og"]["stop"] is True


def test_nlp_rich_table(tmp_path):
    result = runner.invoke(app, ["nlp", "Elevene fikk bedre språkferdigheter"])
    assert result.exit_code == 0
    assert "språk + ferdighet" in result.output
    assert "språkferdighet" in result.output


def test_nlp_file_summary(tmp_path):
    path = tmp_path / "intervju.txt"
    path.write_text("I: Hva lærte elevene?\nK: De fikk nye venner og bedre engelskkunnskaper.\n", encoding="cp1252")
    result = runner.invoke(app, ["nlp", "--file", str(path), "--summary"])
    assert result.exit_code == 0, result.output
    assert "2 sentences" in result.output or "sentences" in result.output
    assert "1 texts" in result.output


def test_nlp_without_input_is_a_clear_error():
    result = runner.invoke(app, ["nlp"])
    assert result.exit_code != 0
    assert "--file" in result.output


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "bilde.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = runner.invoke(app, ["nlp", "--file", str(path)])
    assert result.exit_code == 1
    assert "bilde.txt" in result.output and "binary" in result.output


def test_info_names_pipeline_and_reason():
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0
    assert "pipeline" in result.output and "why" in result.output


def test_console_script_help_lists_the_workflow():
    result = subprocess.run([sys.executable, "-m", "qualcode", "--help"], capture_output=True, text=True, check=True)
    assert "ingest" in result.stdout.lower() and "nlp" in result.stdout


def test_pipeline_runs_with_the_network_blocked():
    """Any socket use raises; loading and parsing must still work (no download attempted)."""
    script = textwrap.dedent(
        """
        import socket
        def refuse(*args, **kwargs):
            raise RuntimeError("network access attempted")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from qualcode.nlp import load_pipeline
        nlp = load_pipeline()
        doc = nlp("Elevene fikk bedre språkferdigheter.")
        print([t.lemma_ for t in doc], doc[3]._.parts)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "['språk', 'ferdighet']" in result.stdout


def test_nlp_says_which_written_standard_a_text_was_read_as():
    result = runner.invoke(app, ["nlp", "Elevane fekk nye vener"])
    assert result.exit_code == 0, result.output
    assert "Read as nynorsk" in result.output
    result = runner.invoke(app, ["nlp", "--json", "Elevene fikk nye venner"])
    assert {json.loads(line)["standard"] for line in result.output.splitlines()} == {"nb"}
    result = runner.invoke(app, ["info"])
    assert "bokmål or nynorsk" in result.output
