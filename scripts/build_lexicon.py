"""Build the lemma tables shipped in ``src/qualcode/nlp/data`` from the NDT train files.

One set of tables per written standard: bokmål (``ndt_*``) from ``ndt-nob-train-dev`` and
nynorsk (``ndt_nno_*``) from ``ndt-nno-train-dev``.

The blank-pipeline lemmatizer backs simplemma with a form→lemma table learnt from the
Norwegian Dependency Treebank, and the compound splitter weighs candidate parts by lemma
frequency. Only the *train* files are read (the dev split is kept for evaluation), and only
word forms, lemmas and counts are written: no sentence of the treebank is republished.

Usage::

    python scripts/build_lexicon.py ../shared/data/norne
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

# The UD dev split, as listed in shared/data/norne/README.md.
DEV_RANGES = [
    ("ap012_0003", "ap014_0002"),
    ("bt005_0002", "bt005_0005"),
    ("db013_0005", "db014_0002"),
    ("kk006_00001", "kk007_0000"),
    ("sp-bm002_0000", "sp-bm002_0001"),
    ("vg002_0004", "vg002_0004"),
    ("blogg-bm003_0001", "blogg-bm003_0002"),
    ("nou004_0001", "nou004_0001"),
    ("st005_0001", "st005_0002"),
]

# The nynorsk UD dev split: these 20 files (shared/data/norne/README.md).
NNO_DEV_FILES = frozenset("""blogg-nn003_0002 dot014_0008 dot014_0009 dot014_0010 dot015_0000
    dot015_0001 dot015_0002 firda-nn004_0006 firda-nn005_0000 firda-nn005_0001 firda-nn005_0002
    kk-nn006_0003 kk-nn007_0000 kk-nn007_0001 kk-nn007_0002 mom003_0005 st-nn002_0001
    vtb-nn006_0005 vtb-nn007_0000 vtb-nn007_0001""".split())
STANDARDS = {"nob": ("ndt-nob-train-dev", "ndt_"), "nno": ("ndt-nno-train-dev", "ndt_nno_")}

WORD = re.compile(r"^[a-zæøåéèêóòôüäö][a-zæøåéèêóòôüäö\-]*$")
CONTENT_POS = {"subst", "adj", "verb"}
SKIP_POS = {"clb", "<komma>", "<parentes-beg>", "<parentes-slutt>", "<anf>", "<strek>"}


def is_dev(stem: str) -> bool:
    prefix = stem.rsplit("_", 1)[0]
    for lo, hi in DEV_RANGES:
        if prefix == lo.rsplit("_", 1)[0] and lo <= stem <= hi:
            return True
    return False


def main(data_dir: Path, out_dir: Path) -> None:
    for standard in STANDARDS:
        build(data_dir, out_dir, standard)


def build(data_dir: Path, out_dir: Path, standard: str) -> None:
    folder, prefix = STANDARDS[standard]
    name = "NDT" if standard == "nob" else "NDT nynorsk"
    form_lemma: dict[str, Counter[str]] = defaultdict(Counter)
    lemma_freq: Counter[str] = Counter()
    nouns: set[str] = set()
    files = sorted((data_dir / folder).glob("*.conll"))
    train = [f for f in files if not (is_dev(f.stem) if standard == "nob" else f.stem in NNO_DEV_FILES)]
    for path in train:
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 5 or cols[3] in SKIP_POS:
                continue
            form, lemma = cols[1].lower(), cols[2].lower()
            if not (WORD.match(form) and WORD.match(lemma)):
                continue
            form_lemma[form][lemma] += 1
            # Compound parts are content words: common nouns, adjectives, verbs. Keeping
            # prepositions and pronouns out stops "undervisning" splitting into under+visning.
            if cols[3] in CONTENT_POS and "prop" not in cols[5].split("|"):
                lemma_freq[lemma] += 1
                if cols[3] == "subst":
                    nouns.add(lemma)
    with open(out_dir / f"{prefix}form_lemma.tsv", "w", encoding="utf-8") as out:
        out.write(f"# form\tlemma — most frequent {name} lemma per lower-cased form (train split)\n")
        for form in sorted(form_lemma):
            # Forms that are their own lemma are listed too: "i" is the preposition, not a form
            # of nynorsk "eg" as simplemma would have it.
            lemma, _ = form_lemma[form].most_common(1)[0]
            out.write(f"{form}\t{lemma}\n")
    with open(out_dir / f"{prefix}lemma_freq.tsv", "w", encoding="utf-8") as out:
        out.write(f"# lemma\tcount — content-word (noun, adjective, verb) lemma frequencies, {name} train split\n")
        for lemma, count in sorted(lemma_freq.items()):
            out.write(f"{lemma}\t{count}\n")
    with open(out_dir / f"{prefix}noun_lemmas.txt", "w", encoding="utf-8") as out:
        out.write(f"# common-noun lemmas of the {name} train split, one per line\n")
        out.write("\n".join(sorted(nouns)) + "\n")
    print(f"{standard}: {len(train)} train files of {len(files)}; {len(form_lemma)} forms, {len(lemma_freq)} lemmas")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "norne"
    main(data, root / "src" / "qualcode" / "nlp" / "data")
