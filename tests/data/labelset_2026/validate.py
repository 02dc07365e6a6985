import json, collections as C, sys
A = {'nokkelkompetanser','sprakferdigheter','medborgerskap','sosial_inkludering','personlig_utvikling'}
T = {'inkludering_mangfold','digital_omstilling','miljo_klima','demokratisk_deltakelse'}
ok = True
def err(*a):
    global ok; ok = False; print('ERROR', *a)
ids = set()
ans = [json.loads(l) for l in open('answers.jsonl', encoding='utf-8')]
for r in ans:
    if set(r) != {'id','text','labels','primary','variety','note'}: err('keys', r)
    if r['id'] in ids: err('dup id', r['id'])
    ids.add(r['id'])
    if not r['text'].strip(): err('empty', r)
    if not 1 <= len(r['text'].split()) <= 5: err('words', r)
    if not set(r['labels']) <= A or len(set(r['labels'])) != len(r['labels']): err('labels', r)
    if (r['primary'] is None) != (r['labels'] == []) or (r['primary'] and r['primary'] not in r['labels']): err('primary', r)
    if r['variety'] not in ('bokmål','nynorsk'): err('variety', r)
    if (r['note'] == 'noise') and r['labels']: err('noise with labels', r)
    if (r['note'] == 'ambiguous') != (len(r['labels']) > 1) and not r['note'].startswith('trap'): err('ambiguous', r)
sen = [json.loads(l) for l in open('sentences.jsonl', encoding='utf-8')]
for r in sen:
    if set(r) != {'id','text','labels','acceptable','variety','note'}: err('keys', r)
    if r['id'] in ids: err('dup id', r['id'])
    ids.add(r['id'])
    n = len(r['text'].split())
    if not 8 <= n <= 35: err('words', n, r)
    if not set(r['labels']) <= T or not set(r['acceptable']) <= T: err('labels', r)
    if set(r['labels']) & set(r['acceptable']): err('overlap', r)
    if r['variety'] not in ('bokmål','nynorsk'): err('variety', r)
for name, rows in (('answers', ans), ('sentences', sen)):
    t = C.Counter((r['text'].lower()) for r in rows)
    d = [k for k, v in t.items() if v > 1]
    if name == 'sentences' and d: err('dup text', d)
    print(f'== {name}: {len(rows)} rows')
    print(' variety', dict(C.Counter(r['variety'] for r in rows)))
    print(' in labels', dict(C.Counter(l for r in rows for l in r['labels'])))
    if name == 'answers':
        print(' primary', dict(C.Counter(r['primary'] for r in rows)))
        print(' primary x variety', dict(C.Counter((r['primary'], r['variety']) for r in rows)))
    else:
        print(' acceptable', dict(C.Counter(l for r in rows for l in r['acceptable'])))
        print(' n labels', dict(C.Counter(len(r['labels']) for r in rows)))
        print(' first label', dict(C.Counter(r['labels'][0] if r['labels'] else 'none' for r in rows)))
    print(' notes', dict(sorted(C.Counter(r['note'] for r in rows).items(), key=lambda x: -x[1])))
print('OK' if ok else 'FAILED')
