"""Build corpus/interviews/03_laerergruppe_videregaende.docx from its text source.

The source text lives next to this script (corpus/tools/03_laerergruppe_videregaende.txt),
outside corpus/interviews/, so the transcript is not ingested twice. One .docx paragraph is
written per non-empty line of the source (one speaker turn or continuation paragraph per line).

Usage (from anywhere):  /work/main/.venv/bin/python corpus/tools/make_docx_03.py
"""

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "03_laerergruppe_videregaende.txt"
TARGET = HERE.parent / "interviews" / "03_laerergruppe_videregaende.docx"


def build(source: Path = SOURCE, target: Path = TARGET) -> Path:
    lines = [line.rstrip() for line in source.read_text(encoding="utf-8").splitlines()]
    document = docx.Document()
    props = document.core_properties
    props.title = "Gruppeintervju, lærere, videregående skole"
    props.language = "nb-NO"
    props.author = ""
    props.last_modified_by = ""
    for line in lines:
        if line.strip():
            document.add_paragraph(line)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)
    return target


if __name__ == "__main__":
    print(build())
