"""Issue 15's targets over several sets pooled, from evaluate_codebooks --errors output (see README.md here).
python tests/data/blind/pooled.py OUTPUT ROOT SPLIT SET... (ROOT: the checkout holding the sets; SPLIT: dev, test or whole)"""
import ast, json, sys
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
