"""Build corpus/interviews/07_laerer_ungdomsskole.docx from its plain-text source.

The source text lives next to this script (07_laerer_ungdomsskole.source.txt) so that
ingest of corpus/interviews/ does not see the transcript twice. One .docx paragraph is
written per non-empty source line; a leading speaker label ("Intervjuer:", "Lærer:")
is set in bold as a separate run, so the paragraph text equals the source line exactly.

Run with the project venv:  .venv/bin/python corpus/tools/make_docx_07.py
"""
from pathlib import Path
import re

import docx

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "07_laerer_ungdomsskole.source.txt"
TARGET = HERE.parent / "interviews" / "07_laerer_ungdomsskole.docx"

LABEL = re.compile(r"^(Intervjuer|Lærer):")


def main() -> None:
    document = docx.Document()
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    for line in lines:
        line = line.strip()
        if not line:
            continue
        paragraph = document.add_paragraph()
        match = LABEL.match(line)
        if match:
            paragraph.add_run(match.group(0)).bold = True
            paragraph.add_run(line[match.end():])
        else:
            paragraph.add_run(line)
    # Keep the file free of personal/authoring metadata.
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.title = ""
    document.save(TARGET)
    print(f"wrote {TARGET} ({sum(1 for l in lines if l.strip())} paragraphs)")


if __name__ == "__main__":
    main()
