"""Deterministic 50/50 dev/test split, stratified.

answers.jsonl:   stratum = (primary or "none", variety)
sentences.jsonl: stratum = (first label or "none", variety)
Within a stratum, ids are sorted, shuffled with random.Random(SEED), and the first
half goes to dev. Odd-sized strata give their extra item alternately to dev and
test (in sorted stratum order), so each file splits as close to 50/50 as possible.
"""
import json, random, collections, pathlib

SEED = 20261202
HERE = pathlib.Path(__file__).resolve().parent

def strata(path, key):
    groups = collections.defaultdict(list)
    for line in open(HERE / path, encoding='utf-8'):
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

rng = random.Random(SEED)
ad, at = split(strata('answers.jsonl', lambda r: (r['primary'] or 'none', r['variety'])), rng)
sd, st = split(strata('sentences.jsonl', lambda r: (r['labels'][0] if r['labels'] else 'none', r['variety'])), rng)
out = {'dev': sorted(ad + sd), 'test': sorted(at + st)}
assert not set(out['dev']) & set(out['test'])
(HERE / 'split.json').write_text(json.dumps(out, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
print('answers dev/test', len(ad), len(at), '| sentences dev/test', len(sd), len(st))
