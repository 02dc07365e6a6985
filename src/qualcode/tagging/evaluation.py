"""Measure a codebook against a labelled set: per-category precision/recall, micro-F1, primary accuracy.

A labelled item is ``{"id", "text", "labels": [...], "primary": ... | null}`` (JSON Lines), with
optionally ``acceptable`` (a defensible extra reading: predicting it is not a false positive,
missing it not a false negative), ``variety`` (bokmål/nynorsk) and ``note`` ("noise" for answers
that must never be coded; writers also name the kind, "noise:place", "noise:dont-know;trap:…").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from qualcode.tagging.codebook import Codebook
from qualcode.tagging.tagger import primary_category


@dataclass
class CategoryScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    items: int
    per_category: dict[str, CategoryScore]
    primary_correct: int
    primary_total: int
    noise_coded: list[str] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    @property
    def micro(self) -> CategoryScore:
        total = CategoryScore()
        for s in self.per_category.values():
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        return total

    @property
    def primary_accuracy(self) -> float:
        return self.primary_correct / self.primary_total if self.primary_total else 1.0

    def summary(self) -> str:
        """One line: micro P/R/F1, primary accuracy and noise answers coded."""
        m = self.micro
        primary = f", primary {self.primary_accuracy:.3f} ({self.primary_correct}/{self.primary_total})" \
            if self.primary_total else ""
        return (f"{self.items} items: micro P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f}{primary}, "
                f"noise coded {len(self.noise_coded)}")

    def table(self) -> str:
        lines = [f"{'category':28} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn"]
        for cat, s in self.per_category.items():
            lines.append(f"{cat:28} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {s.tp}/{s.fp}/{s.fn}")
        m = self.micro
        lines.append(f"{'micro':28} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f}  {m.tp}/{m.fp}/{m.fn}")
        lines.append(f"primary accuracy {self.primary_accuracy:.3f} ({self.primary_correct}/{self.primary_total}); "
                     f"noise answers coded: {len(self.noise_coded)}")
        return "\n".join(lines)


def read_labelled(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_split(path: str | Path) -> dict[str, set[str]]:
    """A split file ``{"dev": [ids], "test": [ids]}`` as sets of ids."""
    with open(path, encoding="utf-8") as handle:
        return {name: set(ids) for name, ids in json.load(handle).items()}


@dataclass
class Tagged:
    """One item and what the tagger made of it."""

    item: dict
    scores: dict[str, float]
    evidence: list[tuple[str, str, str]]  # (category, text, rule)


def tagged(item: dict, doc) -> Tagged:
    """``item`` with what the codebook tagger made of its text, ``doc``."""
    return Tagged(item, dict(doc._.qc_scores or {}), [(s.label_, s.text, s.id_) for s in doc.spans["qualcode"]])


def tag_items(nlp: Language, items: list[dict]) -> list[Tagged]:
    """Tag every item with ``nlp`` (which must end in a qualcode_codebook tagger)."""
    return [tagged(item, doc) for item, doc in zip(items, nlp.pipe(i["text"] for i in items))]


def score(tagged: list[Tagged], codebook: Codebook) -> Evaluation:
    """Score tagged items (see :func:`evaluate`)."""
    per = {c.id: CategoryScore() for c in codebook.categories}
    result = Evaluation(len(tagged), per, 0, 0)
    for t in tagged:
        item = t.item
        predicted = set(t.scores)
        gold = set(item.get("labels", []))
        acceptable = set(item.get("acceptable", []))
        for cat in per:
            if cat in predicted and cat in gold:
                per[cat].tp += 1
            elif cat in predicted and cat not in acceptable:
                per[cat].fp += 1
            elif cat in gold:
                per[cat].fn += 1
        primary = primary_category(t.scores, codebook)
        if "primary" in item:
            result.primary_total += 1
            result.primary_correct += primary == item["primary"]
        if not gold and predicted and is_noise(item.get("note", "")):
            result.noise_coded.append(item["text"])
        if (predicted - acceptable) != gold or ("primary" in item and primary != item["primary"]):
            result.errors.append({"id": item["id"], "text": item["text"], "gold": sorted(gold),
                                  "acceptable": sorted(acceptable), "predicted": sorted(predicted), "primary": primary,
                                  "gold_primary": item.get("primary"), "evidence": t.evidence})
    return result


def is_noise(note: str) -> bool:
    """True for an answer labelled noise: the note "noise" alone or with its kind ("noise:place"),
    also as one of several notes ("noise:bare-evaluation;trap:lærerik")."""
    return any(part.strip().split(":")[0] == "noise" for part in note.replace(",", ";").split(";"))


def evaluate(nlp: Language, codebook: Codebook, items: list[dict]) -> Evaluation:
    """Tag every item with ``nlp`` (which must end in a qualcode_codebook tagger) and score it.

    Primary accuracy counts items that have a gold primary, plus noise items (gold: no code),
    which are right only when nothing is coded. A predicted category the item lists as
    ``acceptable`` is neither a true nor a false positive.
    """
    return score(tag_items(nlp, items), codebook)
