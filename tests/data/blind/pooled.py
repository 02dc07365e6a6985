"""Issue 15's targets over several sets pooled, from evaluate_codebooks --errors output (see README.md here).

    python tests/data/blind/pooled.py OUTPUT ROOT SPLIT SET...

ROOT: the checkout holding the sets; SPLIT: dev, test or whole. With SPLIT test it also prints, per set, the sampling
spread of the set's sentence precision and nynorsk − bokmål F1 gap (bootstrap within variety, 2000 resamples; "if 0":
the share of resamples within 0.03 if the true gap were 0).
"""
import ast, json, random, statistics, sys
out, root, split_name, sets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
errors = {}
for line in open(out):
    line = line.strip()
    if line.startswith("{'id'"):
        d = ast.literal_eval(line); errors[d["id"]] = d
def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1; r = tp / (tp + fn) if tp + fn else 1
    return 2 * p * r / (p + r) if p + r else 0
S = {v: [0, 0, 0] for v in ("bokmål", "nynorsk")}; A = {v: [0, 0, 0, 0, 0] for v in ("bokmål", "nynorsk")}; noise = []
for s in sets:
    ids = set(json.load(open(f"{root}/tests/data/labelset_2026{s}/split.json"))[split_name]) if split_name != "whole" else None
    for kind in ("sentences", "answers"):
        for l in open(f"{root}/tests/data/labelset_2026{s}/{kind}.jsonl"):
            if not l.strip(): continue
            it = json.loads(l)
            if ids is not None and it["id"] not in ids: continue
            gold = set(it["labels"]); acc = set(it.get("acceptable", []))
            e = errors.get(it["id"])
            pred = set(e["predicted"]) if e else gold
            tp, fp, fn = len(gold & pred), len(pred - gold - acc), len(gold - pred)
            v = it["variety"]
            if kind == "sentences":
                S[v][0] += tp; S[v][1] += fp; S[v][2] += fn
            else:
                A[v][0] += tp; A[v][1] += fp; A[v][2] += fn
                A[v][4] += 1
                A[v][3] += (e["primary"] == it.get("primary")) if e else 1
                if "noise" in (it.get("note") or "") and pred:
                    noise.append((it["id"], it["text"], sorted(pred)))
tot = lambda D, k: [D["bokmål"][i] + D["nynorsk"][i] for i in range(k)]
st, at = tot(S, 3), tot(A, 5)
print(f"sentences tp/fp/fn {st} P {st[0]/(st[0]+st[1]):.3f} F1 {f1(*st):.3f} gap(nyn-bm) {f1(*S['nynorsk'])-f1(*S['bokmål']):+.3f}")
print(f"answers tp/fp/fn {at[:3]} P {at[0]/(at[0]+at[1]):.3f} primary {at[3]}/{at[4]} = {at[3]/at[4]:.3f} gap {A['nynorsk'][3]/A['nynorsk'][4]-A['bokmål'][3]/A['bokmål'][4]:+.3f}")
print("noise coded", len(noise), noise)

if split_name == "test":
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
