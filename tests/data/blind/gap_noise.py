"""Sampling spread of a set's sentence precision and nynorsk − bokmål F1 gap on a split (bootstrap within variety,
2000 resamples), from evaluate_codebooks --errors output: python tests/data/blind/gap_noise.py OUTPUT ROOT SET...
(test split). "if 0": the share of resamples within 0.03 if the true gap were 0."""
import ast, json, random, re, sys, statistics
out, root, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
errors = {}
for line in open(out):
    line = line.strip()
    if line.startswith("{'id'"):
        d = ast.literal_eval(line); errors[d["id"]] = d
def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1; r = tp / (tp + fn) if tp + fn else 1
    return 2 * p * r / (p + r) if p + r else 0
random.seed(1)
print("set  | sent P (obs, P(pass)) | F1 gap obs, SE, P(|gap|<=0.03 if true gap = obs) , P(if true gap 0)")
for s in sets:
    split = json.load(open(f"{root}/tests/data/labelset_2026{s}/split.json"))
    test = set(split["test"])
    items = [json.loads(l) for l in open(f"{root}/tests/data/labelset_2026{s}/sentences.jsonl") if l.strip()]
    rows = {"bokmål": [], "nynorsk": []}
    for it in items:
        if it["id"] not in test: continue
        gold = set(it["labels"]); acc = set(it.get("acceptable", []))
        pred = set(errors[it["id"]]["predicted"]) if it["id"] in errors else gold
        tp = len(gold & pred); fp = len(pred - gold - acc); fn = len(gold - pred)
        rows[it["variety"]].append((tp, fp, fn))
    def stats(b, n):
        tb = [sum(x[i] for x in b) for i in range(3)]; tn = [sum(x[i] for x in n) for i in range(3)]
        tot = [tb[i] + tn[i] for i in range(3)]
        return tot[0] / (tot[0] + tot[1]), f1(*tn) - f1(*tb)
    P, gap = stats(rows["bokmål"], rows["nynorsk"])
    Ps, gaps = [], []
    for _ in range(2000):
        b = random.choices(rows["bokmål"], k=len(rows["bokmål"])); n = random.choices(rows["nynorsk"], k=len(rows["nynorsk"]))
        p, g = stats(b, n); Ps.append(p); gaps.append(g)
    se = statistics.pstdev(gaps); sp = statistics.pstdev(Ps)
    pass_obs = sum(abs(g) <= 0.03 for g in gaps) / len(gaps)
    pass0 = sum(abs(g - gap) <= 0.03 for g in gaps) / len(gaps)
    print(f"{s:4} | P {P:.3f} ±{sp:.3f} pass {sum(p >= 0.95 for p in Ps)/len(Ps):.2f} | gap {gap:+.3f} SE {se:.3f} pass {pass_obs:.2f} | if 0: {pass0:.2f} | n nyn {len(rows['nynorsk'])} bm {len(rows['bokmål'])}")
