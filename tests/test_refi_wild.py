"""Import on the three kinds of REFI-QDA files in the wild, on a hard text.

The kinds: a file qualcode wrote; the same file as a client writes it back (byte-order marks on
project.qde and the sources, colours snapped to its palette, its own attribute order, the
namespace bound to a prefix, a schemaLocation); and a minimal file written by hand. The text is
a Norwegian interview of more than 250,000 characters, saved with Windows line ends, with emoji
outside the Basic Multilingual Plane (one code point, two UTF-16 units), an å written as a +
combining ring (two code points) and a precomposed ń. Offsets are code points from 0, end
exclusive, as the standard says (REFI-QDA 1.5 §10.2).
"""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from qualcode.exchange import ExchangeError, export_qdpx, import_refi
from qualcode.ingest import ingest_files
from qualcode.review import add_manual_coding
from qualcode.store import Project, schema
from qualcode.tagging.apply import upsert_codebook
from tests.exchange_data import ELEV, copy_project, segments
from tests.test_exchange_refi import coded_texts, qde, source_texts, xsd
from tests.test_refi_fidelity import PALETTE, Q, _snap_colours, rewrite

TURNS = [
    "Intervjuer: Hva betydde utvekslingen for elevene på Solbakken?\n",
    "Lærer: Elevene fikk nye venner i Gdańsk 🙂 og ble flinkere til å snakke engelsk.\n",
    "Intervjuer: Og hva gjorde dere sammen?\n",
    "Lærer: Vi jobbet sa\u030ammen om klima og miljø, og de tør å si mer på engelsk nå.\n",
]
LAST = "Lærer: Takk for nå – vi ses på bussen 🚌"


def long_text() -> str:
    """The interview as qualcode stores it: ``\\n`` line ends, at least 250,000 code points."""
    body = "".join(TURNS) * (250_000 // len("".join(TURNS)) + 1)
    return body + LAST


TEXT = long_text()


def targets() -> dict[str, tuple[int, int, str]]:
    """The spans to code: name → (start, end, category key); end exclusive, in code points."""
    middle = TEXT.index("🙂", 125_000)
    late = TEXT.index("sa\u030ammen", 200_000)
    first = TEXT.index("Elevene fikk")
    return {
        "emoji": (middle, middle + 1, "personlig_utvikling"),
        "nfd": (late, late + len("sa\u030ammen"), "sosial_inkludering"),
        "gdansk": (first, first + len("Elevene fikk nye venner i Gdańsk 🙂"), "sosial_inkludering"),
        "end": (len(TEXT) - len("vi ses på bussen 🚌"), len(TEXT), "sosial_inkludering"),
        "sentence": (late - 9, late + len("sa\u030ammen om klima og miljø"), "medborgerskap"),
    }


EXPECTED = {name: TEXT[start:end] for name, (start, end, _) in targets().items()}
LABELS = {c.id: c.label for c in ELEV.categories}


def test_the_text_is_as_hard_as_promised():
    assert len(TEXT) >= 250_000 and TEXT.endswith("🚌")
    assert EXPECTED["emoji"] == "🙂" and len(EXPECTED["emoji"].encode("utf-16-le")) == 4
    assert EXPECTED["nfd"] == "sa\u030ammen" and len(EXPECTED["nfd"]) == 7
    start = targets()["end"][0]
    assert len(TEXT[:start].encode("utf-16-le")) // 2 > start  # UTF-16 offsets would be off here


@pytest.fixture(scope="module")
def ours(tmp_path_factory) -> Project:
    """The interview ingested from a file with Windows line ends, coded by hand by two coders."""
    folder = tmp_path_factory.mktemp("lang")
    (folder / "lang_intervju.txt").write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    project = Project.create(folder / "lang.qualcode")
    ingest_files(project, [folder / "lang_intervju.txt"])
    with project.transaction() as conn:
        ids = upsert_codebook(conn, ELEV)
    segs = segments(project, "lang_intervju.txt")
    for name, (start, end, key) in targets().items():
        holder = min((s for s in segs if s.start <= start and end <= s.end), key=lambda s: s.end - s.start)
        for coder in ("TH", "AB") if name != "end" else ("TH",):
            add_manual_coding(project, holder.id, ids[key], coder, start, end)
    return project


@pytest.fixture(scope="module")
def written(ours, tmp_path_factory) -> Path:
    return export_qdpx(ours, tmp_path_factory.mktemp("ut") / "lang.qdpx").path


def expected_codings(coders=("TH", "AB")) -> set[tuple[str, str, str]]:
    return {(EXPECTED[name], LABELS[key], coder) for name, (_, _, key) in targets().items()
            for coder in (coders if name != "end" else coders[:1])}


def test_ingest_keeps_the_text_with_newline_line_ends(ours):
    with ours.read() as conn:
        assert conn.execute(select(schema.documents.c.text)).scalar_one() == TEXT
    assert coded_texts(ours) == expected_codings()


# -- written by qualcode ------------------------------------------------------------------------

def test_file_written_by_qualcode_counts_code_points_and_reads_back_whole(written, tmp_path):
    assert xsd("Project.xsd").validate(qde(written))
    text = source_texts(written)["lang_intervju.txt"]
    assert text == TEXT
    spans = {(int(s.get("startPosition")), int(s.get("endPosition"))) for s in qde(written).iter(f"{Q}PlainTextSelection")}
    assert spans == {(start, end) for start, end, _ in targets().values()}
    fresh = Project.create(tmp_path / "fra_qualcode.qualcode")
    report = import_refi(fresh, written)
    assert report.codings_added == 9 and report.dropped == []
    assert coded_texts(fresh) == expected_codings()


# -- written back by a client -----------------------------------------------------------------

@pytest.mark.parametrize("variant", ["qda prefix", "q prefix", "schemaLocation"])
def test_file_from_a_client_with_bom_snapped_colours_and_its_own_xml_habits(ours, written, tmp_path, variant):
    def edit(root):
        _snap_colours(root)
        root.set("origin", "QualCoder 4.0")
        if variant == "schemaLocation":
            root.set("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
                     "urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd")

    prefix = {"qda prefix": "qda", "q prefix": "q"}.get(variant)
    path = rewrite(written, tmp_path / "klient.qdpx", edit, bom=True, prefix=prefix, reorder=True, source_bom=True)
    with zipfile.ZipFile(path) as archive:
        data = archive.read("project.qde")
    assert data.startswith(b"\xef\xbb\xbf")
    assert (f"<{prefix}:Project".encode() in data) if prefix else b"schemaLocation" in data
    # Into the project it came from: every coding is there already, our colours stay.
    same = copy_project(ours, tmp_path / "samme.qualcode")
    with same.read() as conn:
        colours = conn.execute(select(schema.categories.c.key, schema.categories.c.color)).all()
    report = import_refi(same, path)
    assert report.documents_matched == ["lang_intervju.txt"] and report.codings_added == 0
    assert report.codings_existing == 9
    with same.read() as conn:
        assert conn.execute(select(schema.categories.c.key, schema.categories.c.color)).all() == colours
    # Into an empty project: the same words, the client's colours.
    fresh = Project.create(tmp_path / "fra_klient.qualcode")
    import_refi(fresh, path)
    assert coded_texts(fresh) == expected_codings()
    with fresh.read() as conn:
        assert set(conn.execute(select(schema.categories.c.color)).scalars()) <= set(PALETTE) | {"#999999"}


# -- made by hand ---------------------------------------------------------------------------

def g(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"håndlaget/{name}"))


def hand_made(path: Path, *, embedded: bool) -> Path:
    """The smallest file a person writes: codes without colours, no users, no dates, one source
    (its text in the zip, or inside project.qde), one selection per target."""
    codes = {key for _, _, key in targets().values()}
    selections = "".join(
        f'<PlainTextSelection guid="{g(name)}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{g(name + "/k")}"><CodeRef targetGUID="{g(key)}"/></Coding></PlainTextSelection>'
        for name, (start, end, key) in targets().items())
    content = f"<PlainTextContent>{TEXT}</PlainTextContent>" if embedded else ""
    where = "" if embedded else ' plainTextPath="internal://lang.txt"'
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Håndlaget">'
           f'<CodeBook><Codes>'
           + "".join(f'<Code guid="{g(key)}" name="{LABELS[key]}" isCodable="true"/>' for key in sorted(codes))
           + f'</Codes></CodeBook><Sources><TextSource guid="{g("kilde")}" name="lang.txt"{where}>'
           f'{content}{selections}</TextSource></Sources></Project>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", xml.encode("utf-8"))
        if not embedded:
            archive.writestr("sources/lang.txt", TEXT.encode("utf-8"))
    return path


@pytest.mark.parametrize("embedded", [False, True], ids=["sources folder", "PlainTextContent"])
def test_hand_made_minimal_file(tmp_path, embedded):
    path = hand_made(tmp_path / "hand.qdpx", embedded=embedded)
    assert xsd("Project.xsd").validate(qde(path))
    project = Project.create(tmp_path / "hand.qualcode")
    report = import_refi(project, path)
    assert report.documents_added == ["lang.txt"] and report.codings_added == 5
    assert coded_texts(project) == {(EXPECTED[name], LABELS[key], "unknown") for name, (_, _, key) in targets().items()}
    with project.read() as conn:
        colours = set(conn.execute(select(schema.categories.c.color)).scalars())
    assert len(colours) == 3 and all(c.startswith("#") and len(c) == 7 for c in colours)  # given one each


def test_end_position_is_exclusive_and_past_the_end_is_refused(tmp_path):
    """A hand-made file that counts the last character inclusively runs one past the text: refused
    with the selection named, and imported without it when the user says so."""
    path = hand_made(tmp_path / "inklusiv.qdpx", embedded=False)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("project.qde").decode("utf-8")
    xml = xml.replace(f'endPosition="{len(TEXT)}"', f'endPosition="{len(TEXT) + 1}"')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", xml.encode("utf-8"))
        archive.writestr("sources/lang.txt", TEXT.encode("utf-8"))
    project = Project.create(tmp_path / "inklusiv.qualcode")
    with pytest.raises(ExchangeError, match=f"source 'lang.txt', {len(TEXT) - 18}–{len(TEXT) + 1}, 'Sosial inkludering'"):
        import_refi(project, path)
    report = import_refi(project, path, skip_invalid=True)
    assert report.codings_added == 4 and len(report.skipped) == 1
    assert (EXPECTED["end"], "Sosial inkludering", "unknown") not in coded_texts(project)
