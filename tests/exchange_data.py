"""A small coded project for the exchange and agreement tests: two interviews, a survey, two coders.

The project is coded with the dependency-free pipeline (``blank_nlp``) and a frozen copy of the
elevutbytte codebook (``tests/data/elevutbytte_exchange.yaml``), so the suggestions, and the
counts the tests check, do not move when a trained pipeline is installed or the shipped codebook
is widened. The transcripts hold fictional names (for pseudonymisation), an emoji outside the
Basic Multilingual Plane and an accent written as a combining character, so offsets that count
UTF-16 units or bytes instead of code points would show.

Decisions (coder: what), on the tagger's suggestions in the two interviews:
  TH accepts every suggestion except «sosial_inkludering» on the Lisboa turn, which TH rejects.
  AB accepts four, rejects three, and codes «sosial_inkludering» by hand on "et nettverk i Europa".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from qualcode.ingest import ingest_files
from qualcode.review import accept, add_manual_coding, add_memo, reject
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

# A frozen copy of the shipped codebook: the counts below are about exchange, not about the tagger.
ELEV = load_codebook(ROOT / "tests" / "data" / "elevutbytte_exchange.yaml")

REKTOR = """I: Hva har elevene fått ut av prosjektet?
R: Elevene fikk nye venner i Polen 🙂, og de ble mye flinkere til å snakke engelsk. Kari Nordmann, som er kontaktlærer, sa at de tør mer nå.
I: Og skolen?
R: Her på Solbakken barneskole har vi fått et nettverk i Europa. Karis klasse skrev om klima og miljø sammen med partnerskolen i Gdańsk.
"""
REKTOR_META = "rolle: rektor\nskoletype: barneskole\nskolenivå: grunnskole\nskole: Solbakken barneskole\ninformant: R1\n"
LAERER = """---
rolle: lærer
skoletype: videregående skole
skolenivå: videregående
skole: Fjordvik videregående skole
informant: L1
---
Intervjuer: Hva lærte elevene?
Lærer: De lærte å samarbeide og å bruke digitale verktøy. Språket ble bedre, særlig engelsken. Ola Hansen fra Fjordvik fikk mye selvtillit.
Intervjuer: Noe mer?
Lærer: Vennskapene varer fortsatt, og de snakker om kafe\u0301en i Lisboa.
"""
SURVEY = "id;skolenivå;ord1;ord2;ord3\nR1;videregående;engelsk;nye venner;mestring\nR2;grunnskole;vennskap;glede;\nR3;grunnskole;Vet ikke;;\n"

AB_DECISIONS = {  # (document, category, first words of the segment) → AB's decision
    ("01_rektor.txt", "sosial_inkludering", "Elevene fikk"): "accept",
    ("01_rektor.txt", "sprakferdigheter", "Elevene fikk"): "accept",
    ("01_rektor.txt", "personlig_utvikling", "Kari Nordmann"): "reject",
    ("01_rektor.txt", "medborgerskap", "Karis klasse"): "accept",
    ("02_laerer.md", "nokkelkompetanser", "De lærte"): "accept",
    ("02_laerer.md", "sprakferdigheter", "Språket ble"): "reject",
    ("02_laerer.md", "personlig_utvikling", "Ola Hansen"): "accept",
    ("02_laerer.md", "sosial_inkludering", "Vennskapene varer"): "reject",
}


def suggestions(project: Project) -> list:
    """Every coding with its document name, category key and segment text, in id order."""
    c, s, d, cat = schema.codings, schema.segments, schema.documents, schema.categories
    with project.read() as conn:
        return conn.execute(select(c.c.id, c.c.segment_id, c.c.start, c.c.end, c.c.source, c.c.status, c.c.coder,
                                   d.c.name.label("document"), cat.c.key.label("category"), s.c.text)
                            .join(s, s.c.id == c.c.segment_id).join(d, d.c.id == s.c.document_id)
                            .join(cat, cat.c.id == c.c.category_id).order_by(c.c.id)).all()


def build_project(folder: Path, nlp, location: Path | str | None = None) -> Project:
    """Ingest, code with elevutbytte, and record both coders' decisions and three memos
    (in ``folder / "evaluering.qualcode"`` unless ``location`` names a file or database URL)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "01_rektor.txt").write_text(REKTOR, encoding="utf-8")
    (folder / "01_rektor.meta.yaml").write_text(REKTOR_META, encoding="utf-8")
    (folder / "02_laerer.md").write_text(LAERER, encoding="utf-8")
    (folder / "svar.csv").write_text(SURVEY, encoding="utf-8")
    project = Project.create(location or folder / "evaluering.qualcode")
    ingest_files(project, [folder / "01_rektor.txt", folder / "02_laerer.md", folder / "svar.csv"],
                 survey={"id_column": "id", "meta": ["skolenivå"], "open_columns": ["elev=ord1,ord2,ord3"]})
    code_project(project, ELEV, nlp)
    rows = suggestions(project)
    for row in rows:
        if row.document == "svar.csv":
            continue
        if row.document == "02_laerer.md" and row.category == "sosial_inkludering":
            reject(project, row.id, "TH")
        else:
            accept(project, row.id, "TH")
        decision = next(v for (doc, cat, words), v in AB_DECISIONS.items()
                        if doc == row.document and cat == row.category and row.text.startswith(words))
        (accept if decision == "accept" else reject)(project, row.id, "AB")
    europa = next(seg for seg in segments(project, "01_rektor.txt") if seg.text.startswith("Her på"))
    start = europa.start + europa.text.index("et nettverk i Europa")
    category_id = category_ids(project)["sosial_inkludering"]
    add_manual_coding(project, europa.id, category_id, "AB", start, start + len("et nettverk i Europa"))
    sprak = next(r for r in rows if r.category == "sprakferdigheter" and r.text.startswith("Elevene fikk"))
    add_memo(project, "TH", "Tydelig om engelsk – Kari Nordmann sier det samme.", coding_id=sprak.id)
    ola = next(seg for seg in segments(project, "02_laerer.md") if seg.text.startswith("Ola Hansen"))
    add_memo(project, "AB", "Ola Hansen: sjekk samtykke før sitat.", segment_id=ola.id)
    add_memo(project, "TH", "Rektor på Solbakken barneskole, godt intervju.", document_id=document_id(project, "01_rektor.txt"))
    return project


def segments(project: Project, document: str) -> list:
    s, d = schema.segments, schema.documents
    with project.read() as conn:
        return conn.execute(select(s).join(d, d.c.id == s.c.document_id).where(d.c.name == document)
                            .order_by(s.c.position)).all()


def document_id(project: Project, name: str) -> int:
    with project.read() as conn:
        return conn.execute(select(schema.documents.c.id).where(schema.documents.c.name == name)).scalar_one()


def category_ids(project: Project, codebook: str = "elevutbytte") -> dict[str, int]:
    cat, cb = schema.categories, schema.codebooks
    with project.read() as conn:
        return dict(conn.execute(select(cat.c.key, cat.c.id).join(cb, cb.c.id == cat.c.codebook_id)
                                 .where(cb.c.key == codebook)).all())


def copy_project(project: Project, target: Path) -> Project:
    """A copy to change, so a module-wide project stays as built (SQLite's backup API takes the
    write-ahead log along)."""
    source, copy = sqlite3.connect(project.location), sqlite3.connect(target)
    with copy:
        source.backup(copy)
    source.close()
    copy.close()
    return Project.open(target)


def snapshot(path: Path | str) -> list:
    """Every row of every table, to prove an operation changed nothing (a file or a database URL)."""
    if "://" in str(path):
        with Project.open(path) as project, project.read() as conn:
            return [(t.name, sorted(map(repr, conn.execute(select(t))))) for t in schema.metadata.sorted_tables]
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("select name from sqlite_master where type='table' order by name")]
    rows = [(t, sorted(map(repr, con.execute(f"select * from {t}")))) for t in tables]
    con.close()
    return rows
