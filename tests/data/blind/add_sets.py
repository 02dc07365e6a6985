"""Add closed blind sets to the repository once they have been measured (see README.md here).

    python tests/data/blind/add_sets.py sets.json

sets.json is a list of {"suffix": "ar", "folder": "/work/labelset44", "seed": 20270112, "ordinal":
"forty-fourth", "session": 12, "round": 18, "start": "f4c29c3", "date": "2026-12-01", "setting": "the respondents …"}
(an example: sets_session12.json).
For each set: answers.jsonl and sentences.jsonl copied from the writers' folder into
tests/data/labelset_2026<suffix>/, its seed in make_split.py, its entry in
benchmarks/evaluate_codebooks.py, split.json made, and a README.md with the counts and the writers'
notes (ANSWERS_NOTES.md, SENTENCES_NOTES.md). The prose counts («forty-three labelled sets») in
README.md, tests/data/README.md and evaluate_codebooks.py's docstring are left to you.
"""
import json, pathlib, re, shutil, subprocess, sys

root = pathlib.Path(__file__).resolve().parents[3]
data = root / "tests/data"

def sub(path, old, new, count=1):
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count))

def shares_answers(rows):
    n = len(rows)
    nyn = sum(r["variety"] == "nynorsk" for r in rows) / n
    multi = sum(len(r["text"].split()) >= 2 for r in rows) / n
    empty = sum(not r["labels"] for r in rows) / n
    return f"{nyn:.0%} nynorsk, {multi:.0%} multi-word, {empty:.0%} no label"

def shares_sentences(rows):
    n = len(rows)
    nyn = sum(r["variety"] == "nynorsk" for r in rows) / n
    empty = sum(not r["labels"] for r in rows) / n
    two = sum(len(r["labels"]) >= 2 for r in rows) / n
    return f"{nyn:.0%} nynorsk, {empty:.0%} no label, {two:.1%} two or more labels"

def demote(md):
    return "\n".join(("#" + line) if line.startswith("#") else line for line in md.splitlines())

if sys.argv[1:] in (["-h"], ["--help"]):
    print(__doc__)
    sys.exit(0)
if len(sys.argv) != 2:
    sys.exit(__doc__)
for entry in json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")):
    suffix, seed, setting = entry["suffix"], entry["seed"], entry["setting"]
    src = pathlib.Path(entry["folder"])
    dst = data / f"labelset_2026{suffix}"
    dst.mkdir(exist_ok=True)
    for name in ("answers.jsonl", "sentences.jsonl"):
        shutil.copy(src / name, dst / name)
    mk = data / "make_split.py"
    if f'"labelset_2026{suffix}"' not in mk.read_text():
        text = mk.read_text()
        last = re.findall(r'"labelset_2026[a-z]*": \d+\}', text)[-1]
        sub(mk, last, last[:-1] + f',\n         "labelset_2026{suffix}": {seed}}}')
    ev = root / "benchmarks/evaluate_codebooks.py"
    if f'"2026{suffix}"' not in ev.read_text():
        text = ev.read_text()
        last = re.findall(r'"2026[a-z]*": ROOT / "tests/data/labelset_2026[a-z]*"\}', text)[-1]
        sub(ev, last, last[:-1] + f',\n             "2026{suffix}": ROOT / "tests/data/labelset_2026{suffix}"}}')
    subprocess.run([sys.executable, str(mk), f"labelset_2026{suffix}"], check=True, cwd=root)
    answers = [json.loads(l) for l in (dst / "answers.jsonl").read_text().splitlines() if l.strip()]
    sentences = [json.loads(l) for l in (dst / "sentences.jsonl").read_text().splitlines() if l.strip()]
    notes_a = (src / "ANSWERS_NOTES.md").read_text() if (src / "ANSWERS_NOTES.md").exists() else "(no notes)"
    notes_s = (src / "SENTENCES_NOTES.md").read_text() if (src / "SENTENCES_NOTES.md").exists() else "(no notes)"
    readme = f"""# labelset_2026{suffix} — {entry["ordinal"]} blind labelled set (Norwegian), written in session {entry["session"]}

The {entry["ordinal"]} independent gold set for the `elevutbytte` and `erasmus_prioriteringer` codebooks, in
the same formats and under the same label rules as `../labelset_2026/` (its README, sections
"Formats" and "Label rules", with the rules decided in sessions 7 and 8, given to the writers as
`RULES.md`).

Written for respondents no earlier set had, about half of the items in the words any exchange pupil
or teacher uses and half specific to the groups: {setting}. Kept outside the repository for all of round {entry['round']} (nobody but the coordinator opened it); measured blind by the coordinator once after round {entry['round']}'s last landing and on the session's starting rules ({entry['start']}); from then on tuning material.

- **Who / how:** two helper sessions (LLM assistants){(' on ' + entry['date']) if entry.get('date') else ''}, one for the answers, one for
  the sentences, each **blind**: they read `DOMAIN.md` and the label rules only (no seeds, no
  codebook, no `src/`, no other labelled set, no RESULTS.md, the tagger never run). All texts are
  invented.
- `answers.jsonl`: {len(answers)} answers, ids `{answers[0]['id']}…{answers[-1]['id']}` ({shares_answers(answers)});
  `sentences.jsonl`: {len(sentences)} sentences, ids `{sentences[0]['id']}…{sentences[-1]['id']}` ({shares_sentences(sentences)}).
- `split.json` by `python tests/data/make_split.py labelset_2026{suffix}` (stratified 50/50 by primary/first
  label and variety, seed {seed}).

The writers' own notes follow (their paths refer to the folder they wrote in, `{src}`).

## answers.jsonl — elevutbytte answers ({src.name})

{demote(notes_a).strip()}

## sentences.jsonl — erasmus_prioriteringer sentences ({src.name})

{demote(notes_s).strip()}
"""
    (dst / "README.md").write_text(readme)
    print(suffix, len(answers), len(sentences))

print("ok")
