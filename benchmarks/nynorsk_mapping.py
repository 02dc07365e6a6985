"""How well the nynorsk → bokmål mapping agrees with an independent dictionary (issue 15, round 7).

    python -m benchmarks.nynorsk_mapping

Needs Apertium's nynorsk–bokmål pair (Debian: ``apt-get install apertium-nno-nob``), used here only
to check the mapping; nothing of it is shipped or used when qualcode runs. Two checks on words no
labelled set contains:

1. **Lemmas.** The NDT nynorsk lemmas (``nlp/data/ndt_nno_lemma_freq.tsv``) that the nno-nob
   dictionary translates to another word and the bokmål treebank does not have: how many
   :func:`~qualcode.tagging.lexicon.normalised_lemma` takes to the dictionary's bokmål lemma, how
   many to another word, how many it leaves as they are. (Issue 15 round 7: 811 right and 279
   another word of 1,798 before, 1,258 and 207 at 5c3a168.)
2. **Codebook terms.** Every term and phrase of the two shipped codebooks translated to nynorsk
   (nob-nno) and tagged: how many translations miss the category the bokmål term is coded with.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR = Path("/usr/share/apertium/apertium-nno-nob")


def _dictionary_pairs(lemmas: list[str]) -> dict[str, set[str]]:
    """nynorsk lemma → the bokmål lemmas the nno-nob dictionary gives it (analysis, then lookup)."""
    analysed = subprocess.run(["lt-proc", str(PAIR / "nno-nob.automorf.bin")], input="\n".join(lemmas) + "\n",
                              capture_output=True, text=True, check=True).stdout
    readings = []
    for line in analysed.splitlines():
        match = re.match(r"\^(.*)\$$", line.strip())
        if not match:
            continue
        form, *analyses = re.split(r"(?<!\\)/", match.group(1))
        readings += [(form, a) for a in analyses if not a.startswith("*") and a.split("<", 1)[0] == form and "<" in a]
    looked_up = subprocess.run(["lt-proc", "-b", str(PAIR / "nno-nob.autobil.bin")],
                               input="".join(f"^{a}$\n" for _, a in readings), capture_output=True, text=True,
                               check=True).stdout.splitlines()
    pairs: dict[str, set[str]] = defaultdict(set)
    for (form, _), line in zip(readings, looked_up):
        match = re.match(r"\^(.*)\$$", line.strip())
        if match:
            for target in re.split(r"(?<!\\)/", match.group(1))[1:]:
                if not target.startswith("@"):
                    pairs[form].add(target.split("<", 1)[0].replace("\\", "").lower())
    return pairs


def lemma_check() -> Counter:
    from qualcode.tagging.lexicon import normalised_lemma
    from qualcode.tagging.nynorsk import is_bokmal_word

    text = resources.files("qualcode.nlp").joinpath("data/ndt_nno_lemma_freq.tsv").read_text("utf-8")
    lemmas = [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]
    result = Counter()
    for nynorsk, bokmal in _dictionary_pairs(lemmas).items():
        if nynorsk in bokmal or not nynorsk.isalpha():
            continue  # the same word in both standards
        if is_bokmal_word(nynorsk):
            result["also a bokmål word (left alone by design unless rare in bokmål)"] += 1
            continue
        ours = normalised_lemma(nynorsk, nynorsk)
        result["right" if ours in bokmal else "left as it is" if ours == nynorsk else "another word"] += 1
    return result


def term_check() -> tuple[int, int, list[str]]:
    from qualcode.tagging import codebook_pipeline, load_codebook

    missed, total, examples = 0, 0, []
    for path in ("codebooks/elevutbytte.yaml", "codebooks/erasmus_prioriteringer.yaml"):
        codebook = load_codebook(ROOT / path)
        nlp = codebook_pipeline(codebook)
        entries = [(c.id, t) for c in codebook.categories for t in [*c.terms, *c.phrases, *c.compound_terms]]
        translated = subprocess.run(["apertium", "-u", "nob-nno"], input="\n\n".join(t for _, t in entries) + "\n",
                                    capture_output=True, text=True, check=True).stdout
        nynorsk = [t.strip() for t in translated.split("\n\n")][: len(entries)]
        bokmal_docs = nlp.pipe(t for _, t in entries)
        for (category, term), nn, bokmal_doc, nn_doc in zip(entries, nynorsk, bokmal_docs, nlp.pipe(nynorsk)):
            if nn.lower() == term.lower() or category not in (bokmal_doc._.qc_scores or {}):
                continue
            total += 1
            if category not in (nn_doc._.qc_scores or {}):
                missed += 1
                examples.append(f"{term} → {nn}")
    return missed, total, examples


if __name__ == "__main__":
    if not (shutil.which("lt-proc") and shutil.which("apertium") and PAIR.exists()):
        raise SystemExit("benchmarks/nynorsk_mapping.py needs Apertium's nynorsk–bokmål pair: "
                         "apt-get install apertium-nno-nob")
    counts = lemma_check()
    print(f"NDT nynorsk lemmas the dictionary translates to another word: {sum(counts.values())}; "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    missed, total, examples = term_check()
    print(f"codebook terms whose nynorsk translation misses their category: {missed} of {total}")
    print("  " + "; ".join(examples[:40]))
