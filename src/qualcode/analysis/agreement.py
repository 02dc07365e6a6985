"""Agreement between two coders, or a coder and the tagger: Cohen's kappa and Krippendorff's alpha.

>>> result = agreement(project, "AB", "TH", codebook="elevutbytte")     # doctest: +SKIP
>>> result.pooled_kappa, result.alpha                                    # doctest: +SKIP
(0.71, 0.70)

The unit is the segment the tagger codes (a sentence of a long turn, a short turn, a word of a
survey answer). For each category a coder either gave a unit that category or not, so every
category is a yes/no judgement on every unit. Units are the codable segments of the current
documents both coders worked on (made a decision in; the tagger has worked on every document),
less the segments holding a suggestion (the tagger's or the model's) that a human coder of the
pair has not decided on yet: there the coder has not said anything, and their silence is not a
"no". So a coder's first two decisions compare the segments they reviewed, not every suggestion
of the document (``Agreement.units`` of ``Agreement.available``). A segment without any
suggestion counts: a coder working through the document left it uncoded.

- A human coder's judgements are their own decisions, read from the audit log: what they
  accepted, coded by hand or imported, and not rejected or reset since. Two coders can thus
  review the same suggestions independently. The tagger (``"tagger"``) says yes wherever it
  made a suggestion, whatever became of it.
- A coding marks every unit it overlaps, so a manual coding of part of a turn counts for the
  sentence it lies in.
- Per category: Cohen's kappa and Krippendorff's alpha (nominal) on the yes/no judgements.
  Pooled: the pooled kappa of De Vries et al. (2008), ``(mean p_o − mean p_e) / (1 − mean p_e)``
  over the categories, and one Krippendorff's alpha over all (unit, category) judgements.
- Categories neither coder used are listed, not scored (they add no information; the pooled
  kappa is the same with or without them). A statistic that is undefined (both coders said yes
  to every unit, say) is ``nan``.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from qualcode.review.judgements import MACHINE_CODERS, judgements
from qualcode.store import Project, schema

MACHINES = {name: source for source, name in MACHINE_CODERS.items()}  # "tagger" → codings with source "auto"


class AgreementError(ValueError):
    """Agreement cannot be computed (unknown coder, no shared documents, codebook unclear)."""


@dataclass(frozen=True)
class CategoryAgreement:
    category: str  # key
    label: str
    both: int  # units both coders gave the category
    only_a: int
    only_b: int
    neither: int
    observed: float  # p_o: share of units the coders agree on
    expected: float  # p_e: agreement expected by chance from each coder's own rate
    kappa: float
    alpha: float

    @property
    def units(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither


@dataclass(frozen=True)
class Agreement:
    coder_a: str
    coder_b: str
    codebook: str
    units: int  # the segments compared: both coders judged them
    documents: list[str]
    categories: list[CategoryAgreement]
    unused: list[str]  # categories neither coder used
    pooled_kappa: float
    alpha: float
    available: int = 0  # codable segments in the documents both coders worked on

    @property
    def observed(self) -> float:
        """Mean share of agreeing units over the scored categories."""
        return sum(c.observed for c in self.categories) / len(self.categories) if self.categories else math.nan


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else math.nan


def observed_expected(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[float, float]:
    """``(p_o, p_e)`` for two coders' labels on the same units."""
    if len(a) != len(b) or not a:
        raise ValueError("both coders need a label for each of the same, non-empty list of units")
    n = len(a)
    p_o = sum(x == y for x, y in zip(a, b)) / n
    count_a, count_b = Counter(a), Counter(b)
    p_e = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    return p_o, p_e


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's kappa for two coders' nominal labels on the same units (``nan`` when p_e = 1).

    >>> round(cohen_kappa([1, 1, 0, 0, 1, 0], [1, 0, 0, 0, 1, 1]), 4)
    0.3333
    """
    p_o, p_e = observed_expected(a, b)
    return _ratio(p_o - p_e, 1 - p_e)


def pooled_kappa(pairs: Sequence[tuple[Sequence[Hashable], Sequence[Hashable]]]) -> float:
    """The pooled kappa of De Vries et al. (2008) over several items (here: categories)."""
    if not pairs:
        return math.nan
    stats = [observed_expected(a, b) for a, b in pairs]
    p_o = sum(o for o, _ in stats) / len(stats)
    p_e = sum(e for _, e in stats) / len(stats)
    return _ratio(p_o - p_e, 1 - p_e)


def krippendorff_alpha(data: Sequence[Sequence[Hashable | None]]) -> float:
    """Krippendorff's alpha, nominal: one row per coder, one column per unit, ``None`` for a
    missing value. Units with fewer than two values are left out (``nan`` if no variation).

    >>> round(krippendorff_alpha([[1, 1, 0, 0, 1, 0], [1, 0, 0, 0, 1, 1]]), 4)
    0.3889
    """
    coincidences: Counter = Counter()
    for values in zip(*data):
        present = [v for v in values if v is not None]
        m = len(present)
        if m < 2:
            continue
        counts = Counter(present)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                coincidences[c, k] += pairs / (m - 1)
    totals: Counter = Counter()
    for (c, _), value in coincidences.items():
        totals[c] += value
    n = sum(totals.values())
    disagree = sum(value for (c, k), value in coincidences.items() if c != k)
    chance = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if not chance:
        return math.nan
    return 1 - (n - 1) * disagree / chance


def _known_coders(conn: Connection) -> list[str]:
    c, d = schema.codings, schema.decisions
    names = set(conn.execute(select(d.c.coder).distinct()).scalars()) | \
        set(conn.execute(select(c.c.coder).distinct().where(c.c.coder.is_not(None))).scalars())
    machines = {name for name, source in MACHINES.items()
                if conn.execute(select(c.c.id).where(c.c.source == source).limit(1)).first()}
    return sorted(names) + sorted(machines)


def _judgements(conn: Connection, coder: str, yes: dict, decided: dict) -> tuple[set[int], set[int]]:
    """Ids of the codings ``coder`` says yes to, and of every coding they decided on."""
    if coder in MACHINES:
        ids = set(conn.execute(select(schema.codings.c.id).where(schema.codings.c.source == MACHINES[coder])).scalars())
        return ids, ids
    said_yes = {coding_id for coding_id, coders in yes.items() if coder in coders}
    return said_yes, said_yes | decided.get(coder, set())


def agreement(project: Project, coder_a: str, coder_b: str, codebook: str | None = None) -> Agreement:
    """Agreement between ``coder_a`` and ``coder_b`` (a name, or ``"tagger"``) on the categories
    of ``codebook`` (a key; may be left out when only one codebook fits). See the module docstring."""
    if coder_a == coder_b:
        raise AgreementError(f"give two different coders (both are '{coder_a}').")
    s, d, c, cat, cb = schema.segments, schema.documents, schema.codings, schema.categories, schema.codebooks
    with project.read() as conn:
        known = _known_coders(conn)
        for coder in (coder_a, coder_b):
            if coder not in known:
                raise AgreementError(f"{project.location}: no coder '{coder}' in this project. Coders: "
                                     f"{', '.join(known) or 'none yet'} ('tagger' stands for the codebook's "
                                     f"suggestions).")
        yes, decided = judgements(conn)
        yes_a, seen_a = _judgements(conn, coder_a, yes, decided)
        yes_b, seen_b = _judgements(conn, coder_b, yes, decided)
        wanted = seen_a | seen_b
        every = {row.id: row for row in conn.execute(
            select(c.c.id, c.c.start, c.c.end, s.c.document_id, cat.c.key, cb.c.key.label("book"), c.c.source)
            .join(s, s.c.id == c.c.segment_id).join(cat, cat.c.id == c.c.category_id)
            .join(cb, cb.c.id == cat.c.codebook_id))}
        codings = {i: row for i, row in every.items() if i in wanted}
        codebook = _pick_codebook(conn, codebook, codings, yes_a, yes_b, project.location)
        labels = dict(conn.execute(select(cat.c.key, cat.c.label).join(cb, cb.c.id == cat.c.codebook_id)
                                   .where(cb.c.key == codebook).order_by(cat.c.position)).all())
        documents = dict(conn.execute(select(d.c.id, d.c.name).where(d.c.current.is_(True)).order_by(d.c.id)).all())
        worked = [set(documents) if coder in MACHINES else
                  {codings[i].document_id for i in seen if i in codings and codings[i].book == codebook}
                  for coder, seen in ((coder_a, seen_a), (coder_b, seen_b))]
        shared = sorted(set(documents) & worked[0] & worked[1])
        if not shared:
            raise AgreementError(f"'{coder_a}' and '{coder_b}' have not both coded any current document with "
                                 f"codebook '{codebook}'; there is nothing to compare.")
        units = conn.execute(select(s.c.id, s.c.document_id, s.c.start, s.c.end)
                             .where(s.c.document_id.in_(shared), s.c.codable.is_(True))
                             .order_by(s.c.document_id, s.c.start)).all()
    index: dict[int, tuple[list[int], list]] = defaultdict(lambda: ([], []))
    for unit in units:
        index[unit.document_id][0].append(unit.start)
        index[unit.document_id][1].append(unit)

    def marks(yes: set[int]) -> dict[str, set[int]]:
        """The units each category's codings in ``yes`` overlap."""
        result: dict[str, set[int]] = defaultdict(set)
        for coding_id in yes:
            row = every.get(coding_id)
            if row is None or row.book != codebook or row.document_id not in index:
                continue
            starts, segs = index[row.document_id]
            i = max(bisect_right(starts, row.start) - 1, 0)
            while i < len(segs) and segs[i].start < row.end:
                if segs[i].end > row.start:
                    result[row.key].add(segs[i].id)
                i += 1
        return result

    marked_a, marked_b = marks(yes_a), marks(yes_b)
    machine_made = {i for i, row in every.items() if row.source in MACHINES.values()}
    unjudged: set[int] = set()
    for coder, seen in ((coder_a, seen_a), (coder_b, seen_b)):
        if coder not in MACHINES:  # a suggestion this coder never decided on: their silence there is no "no"
            unjudged |= set().union(set(), *marks(machine_made - seen).values())
    unit_ids = [u.id for u in units if u.id not in unjudged]
    if not unit_ids:
        raise AgreementError(f"'{coder_a}' and '{coder_b}' have not both judged any segment with codebook "
                             f"'{codebook}': every segment holds a suggestion one of them has not decided on yet.")
    rows, pairs, all_a, all_b = [], [], [], []
    for key, label in labels.items():
        if not marked_a.get(key) and not marked_b.get(key):
            continue
        a = [int(u in marked_a[key]) for u in unit_ids]
        b = [int(u in marked_b[key]) for u in unit_ids]
        pairs.append((a, b))
        all_a += a
        all_b += b
        p_o, p_e = observed_expected(a, b)
        both = sum(x and y for x, y in zip(a, b))
        only_a, only_b = sum(a) - both, sum(b) - both
        rows.append(CategoryAgreement(key, label, both, only_a, only_b, len(a) - both - only_a - only_b, p_o, p_e,
                                      _ratio(p_o - p_e, 1 - p_e), krippendorff_alpha([a, b])))
    return Agreement(coder_a, coder_b, codebook, len(unit_ids), [documents[i] for i in shared], rows,
                     [label for key, label in labels.items() if not marked_a.get(key) and not marked_b.get(key)],
                     pooled_kappa(pairs), krippendorff_alpha([all_a, all_b]) if all_a else math.nan, len(units))


def _pick_codebook(conn: Connection, codebook: str | None, codings: dict, yes_a: set[int], yes_b: set[int],
                   location: str) -> str:
    books = list(conn.execute(select(schema.codebooks.c.key).order_by(schema.codebooks.c.id)).scalars())
    if codebook is not None:
        if codebook not in books:
            raise AgreementError(f"{location}: no codebook '{codebook}' in this project (it has: {', '.join(books)}).")
        return codebook
    used = [{codings[i].book for i in yes if i in codings} for yes in (yes_a, yes_b)]
    both = [book for book in books if book in used[0] & used[1]]
    if len(both) == 1:
        return both[0]
    choices = both or books
    raise AgreementError(f"say which codebook to compare on, with --codebook ({', '.join(choices)}).")
