#!/usr/bin/env python
"""Convert the Norwegian Dependency Treebank (NorNE release) to spaCy DocBins.

Input:  <data_dir>/ndt-nob-train-dev/*.conll  (CoNLL-X, Oslo-Bergen tags, NDT
        dependency labels, lemmas, NorNE entities in column 10 as ``name=B-PER``)
Output: <out_dir>/train.spacy, <out_dir>/dev.spacy   (NDT relations, UD UPOS+feats)
        <out_dir>/ud_dev.spacy                      (gold UD dev, for evaluate.py)
        <out_dir>/mapping_agreement.json            (OBT->UD mapping vs. UD dev)

The Oslo-Bergen (OBT) tags are mapped to UD UPOS and UD features by rules
(``map_token``): morphological features are translated one by one, and the
category splits that OBT does not make (AUX/VERB, SCONJ/ADP, DET/PRON/NUM,
PART "ikke", relative "som") are decided from the lemma and from the NDT
dependency structure.  The rules were written against the UD dev split, which
contains the same sentences as the NDT dev files; ``--check`` prints the
token-level agreement and the most frequent remaining disagreements.

Usage: python convert.py DATA_DIR OUT_DIR [--docsize 10] [--standards nob,nno] [--check]

``--standards nob`` (or ``nno``) writes a corpus of one written standard: its train.spacy and
select.spacy are that standard's alone (the same documents as train_nob.spacy/select_nob.spacy
of the joint conversion), for a per-standard model (README "One pipeline for both standards").
"""
import argparse
import collections
import glob
import json
import os
import re
import sys

import spacy
from spacy.tokens import Doc, DocBin, Span

# --------------------------------------------------------------------------
# Split (from the NorNE README / UD_Norwegian-Bokmaal README)
# dev = ap012_0003–ap014_0002, bt005_0002–bt005_0005, db013_0005–db014_0002,
#       kk006_0001–kk007_0000, sp-bm002_0000–0001, vg002_0004,
#       blogg-bm003_0001–0002, nou004_0001, st005_0001–0002
# --------------------------------------------------------------------------
DEV_RANGES = [
    ("ap012_0003", "ap014_0002"),
    ("bt005_0002", "bt005_0005"),
    ("db013_0005", "db014_0002"),
    ("kk006_0001", "kk007_0000"),
    ("sp-bm002_0000", "sp-bm002_0001"),
    ("vg002_0004", "vg002_0004"),
    ("blogg-bm003_0001", "blogg-bm003_0002"),
    ("nou004_0001", "nou004_0001"),
    ("st005_0001", "st005_0002"),
]


# Nynorsk (UD_Norwegian-Nynorsk): the 20 NDT files whose sentences make up the UD dev split
# (listed in the data README); every other nynorsk file is train.
NNO_DEV_FILES = frozenset("""blogg-nn003_0002 dot014_0008 dot014_0009 dot014_0010 dot015_0000
    dot015_0001 dot015_0002 firda-nn004_0006 firda-nn005_0000 firda-nn005_0001 firda-nn005_0002
    kk-nn006_0003 kk-nn007_0000 kk-nn007_0001 kk-nn007_0002 mom003_0005 st-nn002_0001
    vtb-nn006_0005 vtb-nn007_0000 vtb-nn007_0001""".split())

STANDARDS = {  # written standard -> (NDT folder, UD dev file)
    "nob": ("ndt-nob-train-dev", os.path.join("ud-nob", "no_bokmaal-ud-dev.conllu")),
    "nno": ("ndt-nno-train-dev", os.path.join("ud-nno", "no_nynorsk-ud-dev.conllu")),
}

# Checkpoints and settings are chosen on a slice of TRAIN held out for the purpose ("select"),
# never on dev: dev gives only the final figure. The slice is every SELECT_EVERY-th source
# document (all files of one article/blog/report, e.g. dot012_0000..0006), so the names of one
# text never sit on both sides, as they would not for a real new text.
SELECT_EVERY = 10

# NorNE's nine entity types -> the four the product uses (pseudonymisation, entity lists).
# GPE_LOC and GPE_ORG are one place name in two roles; PROD, EVT, DRV and MISC are not
# identifying and are dropped (they are rare, and the hardest to learn from small data).
ENTITY_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE_LOC": "GPE", "GPE_ORG": "GPE"}


def document_of(stem):
    """Source document of an NDT file: ``dot012_0003`` -> ``dot012``."""
    return stem.rsplit("_", 1)[0]


def split_of(stem, standard, select_docs):
    """"dev" (UD dev), "select" (held-out slice of train) or "train"."""
    if (is_dev(stem) if standard == "nob" else stem in NNO_DEV_FILES):
        return "dev"
    return "select" if document_of(stem) in select_docs else "train"


def select_documents(stems, standard):
    """Every SELECT_EVERY-th train document of one standard, in name order."""
    docs = sorted({document_of(s) for s in stems
                   if not (is_dev(s) if standard == "nob" else s in NNO_DEV_FILES)})
    return set(docs[SELECT_EVERY // 2::SELECT_EVERY])


def _series(stem):
    return re.match(r"[a-z-]+", stem).group(0)


def is_dev(stem):
    for a, b in DEV_RANGES:
        if _series(stem) == _series(a) and a <= stem <= b:
            return True
    return False


# --------------------------------------------------------------------------
# Reading CoNLL
# --------------------------------------------------------------------------
def read_conll(path):
    """Yield sentences as lists of column lists (no comments, no MWT/empty nodes)."""
    sent, comments = [], []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if sent:
                    yield comments, sent
                sent, comments = [], []
                continue
            if line.startswith("#"):
                comments.append(line)
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            sent.append(cols)
    if sent:
        yield comments, sent


def drop_heading_bars(sent):
    """NDT marks headlines with a final '|' token (clb <overskrift>). It is not
    part of the text (UD removed it too): drop it, re-attach its dependents."""
    bars = [t for t in sent if t[1] == "|" and t[4] == "clb"]
    if not bars or len(bars) == len(sent):
        return sent
    removed = {t[0]: t[6] for t in bars}
    keep = [t for t in sent if t[0] not in removed]
    newid = {t[0]: str(i + 1) for i, t in enumerate(keep)}
    out = []
    for t in keep:
        t = list(t)
        h = t[6]
        while h in removed:
            h = removed[h]
        t[6] = newid.get(h, "0")
        t[0] = newid[t[0]]
        out.append(t)
    return out


# --------------------------------------------------------------------------
# OBT -> UD mapping
# --------------------------------------------------------------------------
NUMBER_WORDS = set(
    """null én to tre fire fem seks sju syv åtte ni ti elleve tolv tretten fjorten
    femten seksten sytten atten nitten tjue tyve tretti tredve førti femti seksti
    sytti åtti nitti hundre tusen halvannen eneste ene
    éin eitt tolv fjorten femten seksten sytten nitten tjuge hundre tusen halvannan einaste""".split()
)
NUM_RE = re.compile(r"^[\d.,:/\-–+½¼¾]*\d[\d.,:/\-–+½¼¾]*$")
AUX_LEMMAS = {"ha", "være", "bli", "kunne", "ville", "skulle", "måtte", "burde",
              "få", "tørre", "matte",
              # nynorsk
              "vere", "vilje", "torde"}  # UD nynorsk keeps passive "verte" a VERB
COPULAS = {"være", "vere"}
PUNCT_POS = {"clb", "<komma>", "<anf>", "<strek>", "<parentes-beg>",
             "<parentes-slutt>", "<punkt>", "<kolon>", "<spm>", "<utrop>",
             "<ellipse>", "<semi>"}
PRED_RELS = {"SPRED", "OPRED", "FSPRED", "FOPRED"}


def _is_num_lemma(lemma):
    low = lemma.lower()
    return bool(NUM_RE.match(low)) or low in NUMBER_WORDS or bool(
        re.match(r"^(tjue|tretti|førti|femti|seksti|sytti|åtti|nitti|hundre|tusen)", low)
        and re.search(r"(en|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|hundre|tusen)$", low))


def _nominal_feats(fs, f, gender=True, definite=True, number=True):
    if gender:
        g = [x for x in ("mask", "fem", "nøyt") if x in fs]
        if g == ["mask"]:
            f["Gender"] = "Masc"
        elif g == ["fem"]:
            f["Gender"] = "Fem"
        elif g == ["nøyt"]:
            f["Gender"] = "Neut"
        elif set(g) == {"mask", "fem"}:
            f["Gender"] = "Fem,Masc"
    if definite:
        if "ub" in fs:
            f["Definite"] = "Ind"
        elif "be" in fs or "bu" in fs:  # nynorsk tags definite as "bu"
            f["Definite"] = "Def"
    if number:
        if "ent" in fs or "eint" in fs:  # nynorsk: eint
            f["Number"] = "Sing"
        elif "fl" in fs:
            f["Number"] = "Plur"
    if "gen" in fs:
        f["Case"] = "Gen"
    if "fork" in fs:
        f["Abbr"] = "Yes"


def feats_str(f):
    return "|".join(f"{k}={f[k]}" for k in sorted(f, key=str.lower)) or "_"


def _clause_preposition(clause, deprel, after_copula, sent, children):
    """UPOS of a preposition whose complement (PUTFYLL) is a clause, as UD Norwegian has it.

    UD makes the preposition the ``mark`` (SCONJ) of an adverbial clause ("for å vinne",
    "til tross for at"), of a predicative ("ble til å leve med") and of an infinitive or
    *at*-clause that modifies a noun ("grunnen til at ...", "planen om å ..."); before an
    interrogative clause modifying a noun ("spørsmålet om hvem som ...") and in a fragment,
    a conjunct, an apposition or after the copula it is ``case`` (ADP). Checked against the
    NDT↔UD dev alignment (``--check``): bokmål 56 ATR + finite-clause prepositions, 44 of them
    with *at* (41 SCONJ in UD), the 14 others all ADP; nynorsk 20 of 20 ADP."""
    if deprel == "ADV":
        return "SCONJ"
    if deprel == "ATR":
        if clause[3] == "inf-merke":
            return "SCONJ"
        first = min([clause] + children.get(clause[0], []), key=lambda k: int(k[0]))
        return "SCONJ" if clause[3] == "verb" and first[3] == "sbu" and first[2].lower() == "at" else "ADP"
    if deprel in PRED_RELS and not after_copula:
        return "SCONJ"
    return "ADP"


def map_token(tok, sent, children):
    """Map one NDT token to (UPOS, UD feature string).

    tok: CoNLL-X columns; sent: the sentence; children: dict id -> list of tokens.
    """
    form, lemma, pos, feats, deprel = tok[1], tok[2], tok[3], tok[5], tok[7]
    fs = set(feats.split("|")) if feats != "_" else set()
    low = lemma.lower()
    kids = children.get(tok[0], [])
    kid_rels = {k[7] for k in kids}
    f = {}

    if pos in PUNCT_POS:
        return "PUNCT", "_"
    if pos == "symb":
        return "SYM", "_"
    if pos == "ukjent":
        return "X", "_"
    if pos == "interj":
        return "INTJ", "_"
    if pos == "konj":
        return "CCONJ", "_"
    if pos == "inf-merke":
        return "PART", "_"

    if pos == "subst":
        upos = "PROPN" if "prop" in fs else "NOUN"
        _nominal_feats(fs, f)
        return upos, feats_str(f)

    if pos == "adj":
        upos = "ADJ"
        _nominal_feats(fs, f)
        for obt, ud in (("pos", "Pos"), ("komp", "Cmp"), ("sup", "Sup")):
            if obt in fs:
                f["Degree"] = ud
        if "<perf-part>" in fs or "<pres-part>" in fs:
            f["VerbForm"] = "Part"
        return upos, feats_str(f)

    if pos == "verb":
        if "pres" in fs:
            f.update(Mood="Ind", Tense="Pres", VerbForm="Fin")
        elif "pret" in fs:
            f.update(Mood="Ind", Tense="Past", VerbForm="Fin")
        elif "imp" in fs:
            f.update(Mood="Imp", VerbForm="Fin")
        elif "inf" in fs:
            f["VerbForm"] = "Inf"
        elif "perf-part" in fs or "<perf-part>" in fs:
            f["VerbForm"] = "Part"
        if "pass" in fs:
            f["Voice"] = "Pass"
        if "fork" in fs:
            f["Abbr"] = "Yes"
        upos = "VERB"
        if low in AUX_LEMMAS and "INFV" in kid_rels:
            upos = "AUX"  # auxiliary / modal governing a non-finite verb (NDT: verb chain)
        elif low in COPULAS and "SPRED" in kid_rels:
            upos = "AUX"  # copula (UD treats only "være" as copula AUX)
        return upos, feats_str(f)

    if pos == "adv":
        if low in ("ikke", "ikkje"):
            return "PART", "Polarity=Neg"
        if "fork" in fs:
            f["Abbr"] = "Yes"
        return "ADV", feats_str(f)

    if pos == "sbu":
        if low == "som":
            return "PRON", "PronType=Rel"
        return "SCONJ", "_"

    if pos == "prep":
        if "fork" in fs:
            f["Abbr"] = "Yes"
        if re.match(r"^(her|der|dit)", low):  # her, der, herfra, derpå, dit ...
            return "ADV", feats_str(f)
        putfyll = [k for k in kids if k[7] == "PUTFYLL"]
        head = sent[int(tok[6]) - 1] if tok[6] != "0" else None
        after_copula = deprel == "SPRED" and head is not None and head[2] in COPULAS
        clause = next((k for k in putfyll if k[3] in ("inf-merke", "verb")), None)
        if clause is not None:
            return _clause_preposition(clause, deprel, after_copula, sent, children), feats_str(f)
        if deprel in PRED_RELS and putfyll and not after_copula:
            return "SCONJ", feats_str(f)  # predicative "som"/"til"/"i" + nominal (UD: mark)
        # locative complements of the copula and stranded predicative prepositions: UD case
        return "ADP", feats_str(f)

    if pos == "pron":
        if "hum" in fs:
            f["Animacy"] = "Hum"
        if "nom" in fs:
            f["Case"] = "Nom"
        elif "akk" in fs:
            f["Case"] = "Acc"
        _nominal_feats(fs, f, definite=False)
        for p in ("1", "2", "3"):
            if p in fs:
                f["Person"] = p
        types = set()
        if "pers" in fs:
            types.add("Prs")
        if "refl" in fs:
            types.add("Prs")
            f["Reflex"] = "Yes"
        if "sp" in fs:
            types.add("Int")
        if "res" in fs:
            types.add("Rcp")
        if "poss" in fs:
            f["Poss"] = "Yes"
        if low in ("noe", "noen", "noko", "nokon"):
            types.add("Ind")
        elif low in ("alle", "begge", "enhver", "kvar", "einkvar"):
            types.add("Tot")
        elif low in ("ingen", "ingenting"):
            types.add("Neg")
            f["Polarity"] = "Neg"
        elif low in ("en", "ein"):
            types.add("Art")
        if not types:
            types.add("Prs")
        f["PronType"] = ",".join(sorted(types))
        return "PRON", feats_str(f)

    if pos == "det":
        if "poss" in fs:
            _nominal_feats(fs, f, definite=False)
            f["Poss"] = "Yes"
            f["PronType"] = "Rcp" if "res" in fs else "Prs"
            return "PRON", feats_str(f)
        _nominal_feats(fs, f)
        if "dem" in fs:
            f["PronType"] = "Dem"
            return "DET", feats_str(f)
        if "sp" in fs:
            f["PronType"] = "Int"
            return "DET", feats_str(f)
        if "kvant" in fs:
            if low in ("en", "ein"):
                f["PronType"] = "Art"
                return "DET", feats_str(f)
            if _is_num_lemma(lemma):
                f["NumType"] = "Card"
                return "NUM", feats_str(f)
            if low in ("all", "alle", "begge", "hver", "enhver", "samtlige", "kvar", "einkvar"):
                f["PronType"] = "Tot"
            elif low in ("ingen", "intet", "inga", "ingi"):
                f["PronType"] = "Neg"
                f["Polarity"] = "Neg"
            else:
                f["PronType"] = "Ind"
            return "DET", feats_str(f)
        f["PronType"] = "Prs"  # forst: selv, egen, selve
        return "DET", feats_str(f)

    return "X", "_"


# --------------------------------------------------------------------------
# Spacing (NDT has no SpaceAfter information)
# --------------------------------------------------------------------------
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "»", "...", "…", "%"}
NO_SPACE_AFTER = {"(", "[", "{", "«"}


def guess_spaces(words):
    spaces = [True] * len(words)
    quote_open = False
    for i, w in enumerate(words):
        if w in NO_SPACE_AFTER:
            spaces[i] = False
        if i > 0 and w in NO_SPACE_BEFORE:
            spaces[i - 1] = False
        if w == '"':
            if quote_open:
                if i > 0:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            quote_open = not quote_open
    if words:
        spaces[-1] = True
    return spaces


def bio_to_spans(tags):
    spans, start, label = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                spans.append((start, i, label))
                start, label = None, None
            if t.startswith("B-") or t.startswith("I-"):
                start, label = i, t[2:]
    return spans


def ner_tag(misc):
    """NorNE BIO tag from the last column, entity type merged by ENTITY_TYPES."""
    for part in misc.split("|"):
        if part.startswith("name="):
            tag = part[5:]
            if tag == "O":
                return tag
            merged = ENTITY_TYPES.get(tag[2:])
            return f"{tag[:2]}{merged}" if merged else "O"
    return "O"


# --------------------------------------------------------------------------
# Doc building
# --------------------------------------------------------------------------
def ndt_sentence(sent):
    """-> dict with words, tags, morphs, lemmas, heads (0-based, sentence-local), deps, ents."""
    sent = drop_heading_bars(sent)
    children = collections.defaultdict(list)
    for t in sent:
        children[t[6]].append(t)
    words, pos, morphs, lemmas, heads, deps, ner = [], [], [], [], [], [], []
    roots = [i for i, t in enumerate(sent) if t[6] == "0"]
    first_root = roots[0] if roots else 0
    for i, t in enumerate(sent):
        upos, feats = map_token(t, sent, children)
        words.append(t[1])
        pos.append(upos)
        morphs.append("" if feats == "_" else feats)
        lemmas.append(t[2])
        h = int(t[6]) - 1
        if h < 0:
            if i == first_root:
                heads.append(i)
                deps.append("ROOT")
            else:  # extra roots (rare): attach to the first root
                heads.append(first_root)
                deps.append(t[7])
        else:
            heads.append(h)
            deps.append(t[7])
        ner.append(ner_tag(t[9]) if len(t) > 9 else "O")
    return dict(words=words, pos=pos, morphs=morphs, lemmas=lemmas, heads=heads,
                deps=deps, ner=ner, tokens=sent)


def make_doc(vocab, sents, spaces_list=None, with_parse=True):
    words, spaces, pos, morphs, lemmas, heads, deps, sent_starts, ner = ([] for _ in range(9))
    for si, s in enumerate(sents):
        off = len(words)
        sp = spaces_list[si] if spaces_list else guess_spaces(s["words"])
        words += s["words"]
        spaces += sp
        pos += s["pos"]
        morphs += s["morphs"]
        lemmas += s["lemmas"]
        if with_parse:
            heads += [h + off for h in s["heads"]]
            deps += s["deps"]
        sent_starts += [True] + [False] * (len(s["words"]) - 1)
        ner += s["ner"]
    if spaces:
        spaces[-1] = False
    kwargs = dict(words=words, spaces=spaces, pos=pos, morphs=morphs, lemmas=lemmas)
    if with_parse:
        kwargs.update(heads=heads, deps=deps)
    else:
        kwargs.update(sent_starts=sent_starts)
    doc = Doc(vocab, **kwargs)
    doc.ents = [Span(doc, a, b, label=l) for a, b, l in bio_to_spans(ner)]
    return doc


def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def read_ud(path):
    """UD dev -> list of dicts (words, spaces, pos, morphs, lemmas, ner, text)."""
    out = []
    for comments, sent in read_conll(path):
        text = next((c.split("=", 1)[1].strip() for c in comments if c.startswith("# text")), None)
        spaces = ["SpaceAfter=No" not in t[9].split("|") for t in sent]
        out.append(dict(words=[t[1] for t in sent], spaces=spaces, pos=[t[3] for t in sent],
                        morphs=["" if t[5] == "_" else t[5] for t in sent],
                        lemmas=[t[2] for t in sent], ner=[ner_tag(t[9]) for t in sent],
                        heads=None, deps=None, text=text, tokens=sent))
    return out


# --------------------------------------------------------------------------
# Mapping check against UD dev
# --------------------------------------------------------------------------
def check_mapping(ndt_dev, ud_dev, report_path=None, show=40):
    assert len(ndt_dev) == len(ud_dev), (len(ndt_dev), len(ud_dev))
    n = upos_ok = feats_ok = both_ok = 0
    conf = collections.Counter()
    feat_conf = collections.Counter()
    per_upos = collections.defaultdict(lambda: [0, 0])
    skipped = 0
    for a, b in zip(ndt_dev, ud_dev):
        if a["words"] != b["words"]:
            skipped += 1
            continue
        for i in range(len(a["words"])):
            n += 1
            gu, gf = b["pos"][i], b["morphs"][i] or ""
            pu, pf = a["pos"][i], a["morphs"][i] or ""
            u = gu == pu
            ff = gf == pf
            upos_ok += u
            feats_ok += ff
            both_ok += u and ff
            per_upos[gu][0] += 1
            per_upos[gu][1] += u
            if not u:
                conf[(a["tokens"][i][3], a["lemmas"][i].lower(), pu, gu)] += 1
            if not ff:
                feat_conf[(a["tokens"][i][3], a["tokens"][i][5], pf, gf)] += 1
    res = dict(tokens=n, sentences_skipped=skipped, upos=upos_ok / n, feats=feats_ok / n,
               upos_and_feats=both_ok / n,
               upos_per_label={k: round(v[1] / v[0], 4) for k, v in sorted(per_upos.items())},
               top_upos_errors=[[*k, c] for k, c in conf.most_common(show)],
               top_feat_errors=[[*k, c] for k, c in feat_conf.most_common(show)])
    if report_path:
        with open(report_path, "w", encoding="utf-8") as f:
            json.dump(res, f, ensure_ascii=False, indent=1)
    return res


def convert_standard(nlp, data_dir, standard, out_dir, docsize, check):
    """Convert one written standard; returns {split: [Doc]} and prints the counts."""
    folder, ud_file = STANDARDS[standard]
    files = sorted(glob.glob(os.path.join(data_dir, folder, "*.conll")))
    if not files:
        sys.exit(f"no NDT files under {data_dir}/{folder}")
    stems = [os.path.basename(p)[:-len(".conll")] for p in files]
    select_docs = select_documents(stems, standard)
    split = {"train": [], "select": [], "dev": []}
    dev_sents = []
    n_sents, n_tokens, n_files = collections.Counter(), collections.Counter(), collections.Counter()
    for path, stem in zip(files, stems):
        which = split_of(stem, standard, select_docs)
        sents = [ndt_sentence(s) for _, s in read_conll(path)]
        sents = [s for s in sents if s["words"]]
        n_files[which] += 1
        n_sents[which] += len(sents)
        n_tokens[which] += sum(len(s["words"]) for s in sents)
        if which == "dev":
            dev_sents += sents
        for group in chunks(sents, docsize):  # docs never cross file boundaries
            doc = make_doc(nlp.vocab, group)
            doc.user_data["standard"] = standard
            split[which].append(doc)
    for which, docs in split.items():
        DocBin(docs=docs, store_user_data=False).to_disk(
            os.path.join(out_dir, f"{which}_{standard}.spacy"))
        print(f"{standard} {which}: {n_files[which]} files, {n_sents[which]} sentences, "
              f"{n_tokens[which]} tokens, {len(docs)} docs")
    print(f"{standard} select documents: {' '.join(sorted(select_docs))}")

    ud_path = os.path.join(data_dir, ud_file)
    if os.path.exists(ud_path):
        ud = read_ud(ud_path)
        docs = [make_doc(nlp.vocab, g, spaces_list=[s["spaces"] for s in g], with_parse=False)
                for g in chunks(ud, docsize)]
        DocBin(docs=docs, store_user_data=False).to_disk(
            os.path.join(out_dir, f"ud_dev_{standard}.spacy"))
        print(f"{standard} ud_dev: {len(ud)} sentences, {sum(len(s['words']) for s in ud)} tokens, "
              f"{len(docs)} docs")
        res = check_mapping(dev_sents, ud,
                            os.path.join(out_dir, f"mapping_agreement_{standard}.json"))
        print(f"{standard} mapping agreement on UD dev ({res['tokens']} tokens, "
              f"{res['sentences_skipped']} sentences not aligned): UPOS {res['upos']:.4f}, "
              f"feats {res['feats']:.4f}, UPOS+feats {res['upos_and_feats']:.4f}")
        if check:
            print("per UPOS:", res["upos_per_label"])
            print("UPOS errors (OBT pos, lemma, mapped, gold, count):")
            for e in res["top_upos_errors"]:
                print("  ", e)
            print("feat errors (OBT pos, OBT feats, mapped, gold, count):")
            for e in res["top_feat_errors"]:
                print("  ", e)
    return split


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--docsize", type=int, default=10)
    ap.add_argument("--standards", default="nob,nno",
                    help="written standards to convert (nob = bokmål, nno = nynorsk)")
    ap.add_argument("--check", action="store_true", help="print mapping disagreements")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    nlp = spacy.blank("nb")
    combined = collections.defaultdict(list)
    for standard in args.standards.split(","):
        for which, docs in convert_standard(nlp, args.data_dir, standard, args.out_dir,
                                            args.docsize, args.check).items():
            combined[which] += docs
    # The training and selection corpora mix both standards; dev stays per standard.
    for which in ("train", "select"):
        DocBin(docs=combined[which], store_user_data=False).to_disk(
            os.path.join(args.out_dir, f"{which}.spacy"))
        print(f"{which} (all standards): {len(combined[which])} docs")


if __name__ == "__main__":
    main()
