"""Generate large inputs from the sample corpus: a survey with many answers, many long transcripts."""

from __future__ import annotations

import csv
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def survey_words() -> list[str]:
    """Every word respondents wrote in the sample survey (noise included)."""
    with open(CORPUS / "survey_utbytte.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    words = [v for row in rows for k, v in row.items() if "_ord" in k and v.strip()]
    return [w.strip() for cell in words for w in cell.replace(";", ",").split(",") if w.strip()]


def write_survey(path: Path, answers: int, seed: int = 7) -> int:
    """A ;-separated survey with ``answers`` answers (3 questions, 1–5 words each); returns respondents."""
    rng = random.Random(seed)
    words = survey_words()
    respondents = answers // 3
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["respondent_id", "skoletype", "fylke", "antall_prosjekter",
                         *[f"elev_ord{i}" for i in range(1, 6)], *[f"laerer_ord{i}" for i in range(1, 6)], "skole_ord"])
        for r in range(respondents):
            row = [f"R{r:06d}", rng.choice(["barneskole", "ungdomsskole", "videregående skole"]),
                   rng.choice(["Vestland", "Viken", "Oslo", "Nordland"]), rng.randint(1, 6)]
            for _ in range(2):
                n = rng.randint(1, 5)
                row += [rng.choice(words) for _ in range(n)] + [""] * (5 - n)
            row.append(", ".join(rng.choice(words) for _ in range(rng.randint(1, 5))))
            writer.writerow(row)
    return respondents


def interview_turns() -> list[str]:
    """Turns of the sample transcripts (.txt and .md), with their speaker labels."""
    turns = []
    for path in sorted((CORPUS / "interviews").glob("*.txt")) + sorted((CORPUS / "interviews").glob("*.md")):
        text = path.read_text(encoding="utf-8").split("---\n", 2)[-1]
        turns += [line for line in text.splitlines() if ":" in line[:25]]
    return turns


def write_transcripts(folder: Path, total_bytes: int, files: int = 50, seed: int = 11) -> list[Path]:
    """``files`` transcripts of about ``total_bytes / files`` bytes each, recombined from the corpus."""
    rng = random.Random(seed)
    turns = interview_turns()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(files):
        lines, size = [], 0
        while size < total_bytes // files:
            line = rng.choice(turns)
            lines.append(line)
            size += len(line.encode("utf-8")) + 1
        path = folder / f"intervju_{i:03d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def spliced_sentences(count: int, seed: int = 13) -> list[str]:
    """``count`` distinct interview-like sentences: the start of one corpus sentence + the end of another."""
    from qualcode.nlp.sentences import sentence_spans

    rng = random.Random(seed)
    sentences = []
    for turn in interview_turns():
        body = turn.split(":", 1)[1]
        sentences += [body[s:e] for s, e in sentence_spans(body) if len(body[s:e].split()) >= 6]
    out: set[str] = set()
    while len(out) < count:
        a, b = rng.choice(sentences).split(), rng.choice(sentences).split()
        out.add(" ".join(a[: rng.randint(2, len(a) - 1)] + b[rng.randint(1, len(b) - 2):]))
    return sorted(out)


def write_sentence_transcripts(folder: Path, count: int, files: int = 50) -> list[Path]:
    """Transcripts whose ``count`` informant turns are distinct one-sentence segments."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences = spliced_sentences(count)
    per = -(-count // files)
    paths = []
    for i in range(files):
        chunk = sentences[i * per:(i + 1) * per]
        path = folder / f"setninger_{i:03d}.txt"
        path.write_text("".join(f"K: {s}\n" for s in chunk), encoding="utf-8")
        paths.append(path)
    return paths
