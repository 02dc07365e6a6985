"""Deterministic 50/50 dev/test split of a labelled set, stratified.

Usage: python tests/data/make_split.py labelset_2026b   (writes tests/data/labelset_2026b/split.json)

answers.jsonl:   stratum = (primary or "none", variety)
sentences.jsonl: stratum = (first label or "none", variety)
Within a stratum, ids are sorted, shuffled with random.Random(seed of the set), and the first
half goes to dev. Odd-sized strata give their extra item alternately to dev and test (in sorted
stratum order), so each file splits as close to 50/50 as possible.
"""
import collections
import json
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = {"labelset_2026": 20261130, "labelset_2026b": 20261201, "labelset_2026c": 20261202,
         "labelset_2026d": 20261203,
         "labelset_2026e": 20261204,
         "labelset_2026f": 20261205,
         "labelset_2026g": 20261206,
         "labelset_2026h": 20261207,
         "labelset_2026i": 20261208,
         "labelset_2026j": 20261209,
         "labelset_2026k": 20261210,
         "labelset_2026l": 20261211,
         "labelset_2026m": 20261212,
         "labelset_2026n": 20261213,
         "labelset_2026o": 20261214,
         "labelset_2026p": 20261215,
         "labelset_2026q": 20261216,
         "labelset_2026r": 20261217,
         "labelset_2026s": 20261218,
         "labelset_2026t": 20261219,
         "labelset_2026u": 20261220,
         "labelset_2026v": 20261221,
         "labelset_2026w": 20261222,
         "labelset_2026x": 20261223,
         "labelset_2026y": 20261224,
         "labelset_2026z": 20261225,
         "labelset_2026aa": 20261226,
         "labelset_2026ab": 20261227,
         "labelset_2026ac": 20261228,
         "labelset_2026ad": 20261229,
         "labelset_2026ae": 20261230,
         "labelset_2026af": 20261231,
         "labelset_2026ag": 20270101,
         "labelset_2026ah": 20270102,
         "labelset_2026ai": 20270103,
         "labelset_2026aj": 20270104,
         "labelset_2026ak": 20270105,
         "labelset_2026al": 20270106,
         "labelset_2026am": 20270107,
         "labelset_2026an": 20270108,
         "labelset_2026ao": 20270109,
         "labelset_2026ap": 20270110,
         "labelset_2026aq": 20270111,
         "labelset_2026ar": 20270112,
         "labelset_2026as": 20270113,
         "labelset_2026at": 20270114,
         "labelset_2026au": 20270115,
         "labelset_2026av": 20270116,
         "labelset_2026aw": 20270117,
         "labelset_2026ax": 20270118,
         "labelset_2026ay": 20270119,
         "labelset_2026az": 20270120,
         "labelset_2026ba": 20270121,
         "labelset_2026bb": 20270122,
         "labelset_2026bc": 20270123,
         "labelset_2026bd": 20270124,
         "labelset_2026be": 20270125,
         "labelset_2026bf": 20270126}


def strata(path, key):
    groups = collections.defaultdict(list)
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        groups[key(r)].append(r['id'])
    return groups


def split(groups, rng):
    dev, test, extra_to_dev = [], [], True
    for k in sorted(groups):
        ids = sorted(groups[k])
        rng.shuffle(ids)
        n = len(ids) // 2
        if len(ids) % 2:
            n += 1 if extra_to_dev else 0
            extra_to_dev = not extra_to_dev
        dev += ids[:n]
        test += ids[n:]
    return dev, test


def main(name):
    folder = HERE / name
    rng = random.Random(SEEDS[name])
    ad, at = split(strata(folder / 'answers.jsonl', lambda r: (r['primary'] or 'none', r['variety'])), rng)
    sd, st = split(strata(folder / 'sentences.jsonl', lambda r: (r['labels'][0] if r['labels'] else 'none', r['variety'])), rng)
    out = {'dev': sorted(ad + sd), 'test': sorted(at + st)}
    assert not set(out['dev']) & set(out['test'])
    (folder / 'split.json').write_text(json.dumps(out, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
    print(name, 'answers dev/test', len(ad), len(at), '| sentences dev/test', len(sd), len(st))


if __name__ == '__main__':
    main(sys.argv[1])
