"""Who said yes to which coding: every coder's last word, read back from the audit log.

>>> yes, decided = judgements(conn)                      # doctest: +SKIP
>>> yes[42]                                               # doctest: +SKIP
{'AB': datetime(2024, 3, 1, 9, 30), 'TH': datetime(2024, 3, 2, 14, 5)}

A coding row holds only the latest decision, but two coders can review the same suggestion;
the log keeps both. Agreement and exports read the coders' judgements from here. Suggestions
nobody decided on stand for the machine that made them: ``tagger`` for the codebook tagger.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, select

from qualcode.store import schema
from qualcode.store.values import Source, Status

TAGGER = "tagger"
MACHINE_CODERS = {Source.AUTO: TAGGER, Source.MODEL: "model"}  # coding source → the coder name that stands for it
YES = frozenset({"accept", "manual", "import"})
DECIDED = YES | {"reject", "reset"}


def judgements(conn: Connection) -> tuple[dict[int, dict[str, datetime]], dict[str, set[int]]]:
    """Every human coder's last word on every coding.

    Returns ``yes`` (coding id → {coder: when they said yes}) and ``decided`` (coder → ids of the
    codings they decided on, yes or no). A coding that carries a coder's name as accepted but has
    no log entry of theirs (written by another tool) counts as their yes.
    """
    c, d = schema.codings, schema.decisions
    last: dict[tuple[int, str], tuple[str, datetime]] = {}
    rows = conn.execute(select(d.c.coding_id, d.c.coder, d.c.action, d.c.at)
                        .where(d.c.coding_id.is_not(None), d.c.action.in_(DECIDED)).order_by(d.c.at, d.c.id))
    for coding_id, coder, action, at in rows:
        last[coding_id, coder] = (action, at)
    yes: dict[int, dict[str, datetime]] = defaultdict(dict)
    decided: dict[str, set[int]] = defaultdict(set)
    for (coding_id, coder), (action, at) in last.items():
        decided[coder].add(coding_id)
        if action in YES:
            yes[coding_id][coder] = at
    rows = conn.execute(select(c.c.id, c.c.coder, c.c.updated_at)
                        .where(c.c.status == Status.ACCEPTED, c.c.coder.is_not(None)))
    for coding_id, coder, at in rows:
        if (coding_id, coder) not in last:
            yes[coding_id][coder] = at
            decided[coder].add(coding_id)
    return dict(yes), dict(decided)
