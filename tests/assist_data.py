"""A small coded survey project for the assisted-coding tests: the rules know «engelsk»,
«venner», «mestring» …, but not «fraser» (set phrases learnt by heart), which the analyst teaches the model."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from qualcode.ingest import ingest_files
from qualcode.review import add_manual_coding
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")

# Pupils' outcomes in their own words, with the school level for group tables.
SURVEY = """id;skolenivå;ord1;ord2;ord3
R01;grunnskole;fraser;nye venner;mestring
R02;grunnskole;nye fraser;engelsk;vennskap
R03;videregående;pugge fraser;selvtillit;samarbeid
R04;videregående;frasene;klima;demokrati
R05;grunnskole;frasebok;tysk;glede
R06;videregående;fraseprøver;kreativitet;trygghet
R07;grunnskole;bagasje;hotell;buss
R08;videregående;lange dager;fotball;pizza
R09;grunnskole;bærekraft;toleranse;motivasjon
R10;videregående;spansk;kulturforståelse;utvikling
"""

INTERVIEW = """I: Hva lærte elevene?
Lærer: De ble mye tryggere på å snakke engelsk med vertsfamiliene.
Lærer: Flyet var forsinket, og bussen til hotellet kom aldri.
Lærer: Mange fikk venner for livet i Spania.
"""


def coded_project(folder: Path, nlp, location: Path | str | None = None) -> Project:
    """The survey and the interview ingested into ``folder/p.qualcode`` (or ``location``) and coded with elevutbytte."""
    (folder / "svar.csv").write_text(SURVEY, encoding="utf-8")
    (folder / "laerer.txt").write_text(INTERVIEW, encoding="utf-8")
    proj = Project.create(location or folder / "p.qualcode")
    ingest_files(proj, [folder / "svar.csv", folder / "laerer.txt"],
                 survey={"id_column": "id", "open_columns": ["elev=ord1,ord2,ord3"]})
    code_project(proj, ELEV, nlp)
    return proj


def segment_id(project: Project, text: str) -> int:
    s = schema.segments
    with project.read() as conn:
        return conn.execute(select(s.c.id).where(s.c.text == text, s.c.codable.is_(True))).scalar_one()


def category_id(project: Project, key: str) -> int:
    cat = schema.categories
    with project.read() as conn:
        return conn.execute(select(cat.c.id).where(cat.c.key == key)).scalar_one()


def teach_fraser(project: Project) -> None:
    """The analyst codes three «fraser» answers by hand: phrases learnt are a language skill."""
    language = category_id(project, "sprakferdigheter")
    for text in ("fraser", "nye fraser", "pugge fraser"):
        add_manual_coding(project, segment_id(project, text), language, "kari")
