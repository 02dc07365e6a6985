"""What a project holds: documents, segments, respondents, variables, N per question."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table, distinct, func, select

from qualcode.store import Project, schema
from qualcode.store.values import Source, Status


def counted(codings: Table = schema.codings) -> ColumnElement[bool]:
    """The codings that count as findings, as a condition on ``codings``.

    An accepted coding counts (a manual one is stored accepted), and so does an open rule
    suggestion, as it always has: a rule names its evidence in the codebook. An open model
    suggestion does not: it is a guess waiting for review, and counting it would let the
    classifier write the report. Once accepted it counts like any other coding.

    >>> select(func.count()).select_from(schema.codings).where(counted())   # doctest: +SKIP
    """
    return (codings.c.status == Status.ACCEPTED) | ((codings.c.status == Status.SUGGESTED) & (codings.c.source != Source.MODEL))


@dataclass(frozen=True)
class ProjectSummary:
    documents: dict[str, int]  # current documents per kind
    superseded: int  # older versions kept for their codings
    segments: dict[str, int]  # per level, current documents only
    codable: int
    respondents: int
    variables: list[tuple[str, str, str]]  # (name, type, scope)
    questions: dict[str, int]  # question → N respondents with at least one codable word
    schema_version: int


def project_summary(project: Project) -> ProjectSummary:
    """Counts a user checks after an ingest (``qualcode ls``)."""
    d, s, r, v = schema.documents, schema.segments, schema.respondents, schema.variables
    current = select(d.c.id).where(d.c.current.is_(True))
    with project.read() as conn:
        documents = dict(conn.execute(select(d.c.kind, func.count()).where(d.c.current.is_(True)).group_by(d.c.kind)).all())
        superseded = conn.execute(select(func.count()).where(d.c.current.is_(False))).scalar()
        segments = dict(conn.execute(select(s.c.level, func.count()).where(s.c.document_id.in_(current)).group_by(s.c.level)).all())
        codable = conn.execute(select(func.count()).where(s.c.document_id.in_(current), s.c.codable.is_(True))).scalar()
        respondents = conn.execute(select(func.count()).where(r.c.document_id.in_(current))).scalar()
        variables = [tuple(row) for row in conn.execute(select(v.c.name, v.c.type, v.c.scope).order_by(v.c.scope, v.c.name))]
        questions = dict(conn.execute(
            select(s.c.question, func.count(distinct(s.c.respondent_id)))
            .where(s.c.document_id.in_(current), s.c.level == "word", s.c.codable.is_(True))
            .group_by(s.c.question).order_by(s.c.question)).all())
    return ProjectSummary(documents, superseded, segments, codable, respondents, variables, questions,
                          project.schema_version)
