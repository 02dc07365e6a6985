"""Word-cloud benchmark (issue 5): a cloud and its table from a survey with 100,000 answers.

Two paths: from a coded project (``qualcode wordcloud PROJECT -q …``: read words and codings,
merge lemmas, count respondents, lay out, write SVG, PNG and CSV) and straight from the survey
file (``--survey``: the same plus tagging every distinct answer). Medians of 3 runs in fresh
processes; the project is built once beforehand and not timed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import measure, median, save
from benchmarks.generate import write_survey

BUILD = """
from pathlib import Path
from qualcode.store import Project
from qualcode.ingest import ingest_files
from qualcode.nlp import load_pipeline
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
folder = Path({folder!r})
project = Project.create(folder / "p.qualcode")
ingest_files(project, [folder / "svar.csv"])
code_project(project, load_codebook("codebooks/elevutbytte.yaml"), load_pipeline())
"""

FROM_PROJECT = """
import json, time
from pathlib import Path
from qualcode.store import Project
from qualcode.tagging import load_codebook
from qualcode.analysis.words import project_words
from qualcode.wordcloud import count_words, render_cloud, write_table
folder = Path({folder!r})
codebook = load_codebook("codebooks/elevutbytte.yaml")
t = time.perf_counter()
words = project_words(Project.open(folder / "p.qualcode"), codebook, "elev_ord")
counts = count_words(words.entries, codebook)
cloud = render_cloud(counts, codebook, title="elev_ord", n=words.n)
cloud.save(folder / "sky.svg"); cloud.save(folder / "sky.png"); write_table(counts, folder / "sky.csv", codebook)
print(json.dumps({{"seconds": time.perf_counter() - t, "answers": len({{e.respondent for e in words.entries}}),
                  "words": len(words.entries), "n": words.n}}))
"""

FROM_FILE = """
import json, time
from pathlib import Path
from qualcode.tagging import load_codebook
from qualcode.analysis.words import file_words
from qualcode.wordcloud import count_words, render_cloud, write_table
folder = Path({folder!r})
codebook = load_codebook("codebooks/elevutbytte.yaml")
t = time.perf_counter()
words = file_words(folder / "svar.csv", ["elev_ord1", "elev_ord2", "elev_ord3", "elev_ord4", "elev_ord5"], codebook)
counts = count_words(words.entries, codebook)
cloud = render_cloud(counts, codebook, title="elev_ord", n=words.n)
cloud.save(folder / "fil.png"); write_table(counts, folder / "fil.csv", codebook)
print(json.dumps({{"seconds": time.perf_counter() - t, "words": len(words.entries), "n": words.n}}))
"""


def main(runs: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # 100,000 answers to one question: 100,000 respondents with 1–5 words each.
        write_survey(folder / "svar.csv", 300_000)
        measure(BUILD.format(folder=tmp), 1)
        project = measure(FROM_PROJECT.format(folder=tmp), runs)
        from_file = measure(FROM_FILE.format(folder=tmp), runs)
    summary = {
        "answers": project[0]["answers"], "words": project[0]["words"], "n": project[0]["n"], "runs": runs,
        "from_project_median_seconds": round(median(project, "seconds"), 2),
        "from_project_peak_rss_mb": round(median(project, "peak_rss_mb")),
        "from_file_median_seconds": round(median(from_file, "seconds"), 2),
        "from_file_peak_rss_mb": round(median(from_file, "peak_rss_mb")),
    }
    save("cloud", summary)
    return summary


if __name__ == "__main__":
    main()
