#!/usr/bin/env python
"""Write the proper nouns that UD nynorsk tags NOUN: ``src/qualcode/nlp/data/ndt_lexicon_proper_nouns.txt``.

UD_Norwegian-Nynorsk's conversion writes a proper noun as NOUN when the treebank gives it a
gender or marks it as an abbreviation (``subst mask|prop``, ``fem|prop``, ``nøyt|prop``,
``fork|prop``: the names the Oslo-Bergen lexicon lists, such as *Solveig*, *Stortinget*,
*EU*), and as PROPN when it is a bare ``prop`` (names the lexicon lacks): on UD nynorsk dev
all 1,544 aligned ``subst prop`` tokens follow this (315 NOUN, 1,229 PROPN). UD bokmål writes
them all PROPN. The lexicon property belongs to the name, not to the text (18 of the 4,199
name lemmas of the NDT nynorsk files have both), so the list is learnt from the treebank: the lemmas that NDT
*train* (both standards; not the select slice, not dev) annotates with a gender or as an
abbreviation more often than not. ``qualcode.nlp.propernouns`` reads it.

Usage: python proper_nouns.py [DATA_DIR]   (run from training/)
"""
import collections
import glob
import os
import sys

import convert

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "src", "qualcode", "nlp", "data", "ndt_lexicon_proper_nouns.txt")
LEXICON_FEATURES = {"mask", "fem", "nøyt", "fork"}


def lexicon_proper_nouns(data_dir):
    counts = collections.defaultdict(collections.Counter)
    for standard, (folder, _) in convert.STANDARDS.items():
        paths = sorted(glob.glob(os.path.join(data_dir, folder, "*.conll")))
        stems = [os.path.basename(p)[:-len(".conll")] for p in paths]
        select = convert.select_documents(stems, standard)
        for path, stem in zip(paths, stems):
            if convert.split_of(stem, standard, select) != "train":
                continue
            for _, sent in convert.read_conll(path):
                for tok in sent:
                    feats = set(tok[5].split("|"))
                    if tok[3] == "subst" and "prop" in feats:
                        counts[tok[2]][bool(feats & LEXICON_FEATURES)] += 1
    return sorted(lemma for lemma, c in counts.items() if c[True] > c[False])


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data", "norne")
    lemmas = lexicon_proper_nouns(data_dir)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# proper nouns NDT train annotates with gender or as abbreviations (training/proper_nouns.py)\n")
        f.write("".join(f"{lemma}\n" for lemma in lemmas))
    print(f"{len(lemmas)} lemmas -> {OUT}")


if __name__ == "__main__":
    main()
