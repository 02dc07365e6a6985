#!/usr/bin/env python
"""Error analysis on UD dev: tokenization alignment, UPOS/lemma on 1:1-aligned tokens,
mapping errors reproduced by the model, top UPOS confusions. Usage: python diag.py MODEL_DIR [nob|nno]
(run from training/ after convert.py has written build/corpus)."""
import sys, collections; import evaluate, spacy
from spacy.tokens import DocBin
from spacy.training import Example
nlp=spacy.load(sys.argv[1]); std=sys.argv[2] if len(sys.argv)>2 else 'nob'
ud=list(DocBin().from_disk(f'build/corpus/ud_dev_{std}.spacy').get_docs(nlp.vocab))
nd=list(DocBin().from_disk(f'build/corpus/dev_{std}.spacy').get_docs(nlp.vocab))
mapped=[t.pos_ for d in nd for t in d]; mlem=[t.lemma_ for d in nd for t in d]
preds=list(nlp.pipe(d.text for d in ud))
off=0; n=al=ok=lem_ok=0; map_err_pred_map=0; map_err=0; conf=collections.Counter()
for p,g in zip(preds,ud):
    a=Example(p,g).alignment
    for i,t in enumerate(g):
        n+=1
        if a.y2x.lengths[i]!=1: continue
        j=a.y2x[i][0]
        if a.x2y.lengths[j]!=1: continue
        al+=1; pt=p[j]
        ok+=pt.pos_==t.pos_; lem_ok+=pt.lemma_==t.lemma_
        if mapped[off+i]!=t.pos_:
            map_err+=1; map_err_pred_map+= pt.pos_==mapped[off+i]
        if pt.pos_!=t.pos_: conf[(t.pos_,pt.pos_)]+=1
    off+=len(g)
print(f"gold tokens {n}, 1:1 aligned {al} ({al/n:.4f})")
print(f"UPOS on aligned tokens {ok/al:.4f}; lemma on aligned {lem_ok/al:.4f}")
print(f"tokens where mapping != UD gold: {map_err}; model predicted the mapped (wrong) label on {map_err_pred_map}")
print("top UPOS confusions (gold, pred):", conf.most_common(12))
