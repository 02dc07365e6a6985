"""Survey questions' settings, stored in the project: a title, a codebook, a comparison variable.

>>> set_question(project, "elev_ord", title="Elevenes utbytte", codebook="elevutbytte", by="skolenivå")  # doctest: +SKIP
>>> question_settings(project)["elev_ord"].title                                          # doctest: +SKIP
'Elevenes utbytte'

The library knows the concept (a question has a title, a codebook and groups to compare);
the project knows its data. Nothing here guesses from a question's name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from qualcode.store import schema
from qualcode.store.project import Project, ProjectError


@dataclass(frozen=True)
class QuestionSettings:
    """One survey question: its name in the project and what the analyst set for it."""

    name: str
    title: str | None = None
    codebook: str | None = None  # a stored codebook's id
    by: str | None = None  # the metadata variable groups are compared by

    @property
    def heading(self) -> str:
        """What a figure or a report section is called: the title, else the question's name."""
        return self.title or self.name


def _questions(project: Project) -> list[str]:
    from qualcode.store.summary import project_summary

    return list(project_summary(project).questions)


def question_named(project: Project, name: str) -> str:
    """The survey question ``name`` means: the question itself, or the one question whose name
    starts with ``name_`` (``elev`` for ``elev_ord``)."""
    questions = _questions(project)
    if name in questions:
        return name
    matches = [q for q in questions if q.startswith(f"{name}_")]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(questions) or "none (ingest a survey first)"
    raise ProjectError(f"{project.location}: no survey question '{name}'; the questions are: {known}.")


def question_settings(project: Project) -> dict[str, QuestionSettings]:
    """Settings for every survey question in the project (empty settings where none are stored)."""
    q = schema.questions
    with project.read() as conn:
        stored = {row.name: QuestionSettings(row.name, row.title, row.codebook_key, row.compare_by)
                  for row in conn.execute(select(q))}
    return {name: stored.get(name, QuestionSettings(name)) for name in _questions(project)}


def settings_for(project: Project, question: str) -> QuestionSettings:
    return question_settings(project).get(question, QuestionSettings(question))


_UNSET = object()


def set_question(project: Project, name: str, *, title=_UNSET, codebook=_UNSET, by=_UNSET) -> QuestionSettings:
    """Store settings for survey question ``name`` (or ``elev`` for ``elev_ord``); a setting left
    out keeps its value, an empty string or None clears it."""
    question = question_named(project, name)
    current = settings_for(project, question)
    if by not in (_UNSET, None, ""):
        variables = _variables(project)
        if by not in variables:
            raise ProjectError(f"{project.location}: no metadata variable '{by}' to compare by; the variables are: "
                               f"{', '.join(variables) or 'none'}.")

    def chosen(value, old):
        return old if value is _UNSET else (value or None)

    updated = QuestionSettings(question, chosen(title, current.title), chosen(codebook, current.codebook),
                               chosen(by, current.by))
    q = schema.questions
    with project.transaction() as conn:
        conn.execute(delete(q).where(q.c.name == question))
        conn.execute(insert(q).values(name=question, title=updated.title, codebook_key=updated.codebook,
                                      compare_by=updated.by))
    return updated


def _variables(project: Project) -> list[str]:
    with project.read() as conn:
        return list(conn.execute(select(schema.variables.c.name).order_by(schema.variables.c.name)).scalars())
