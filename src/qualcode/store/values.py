"""The values a status, source, kind, role or codebook change may take: one Enum each, mirrored by a CHECK constraint.

They are ``StrEnum``s, so ``Status.ACCEPTED == "accepted"`` and the stored value is the plain word.

>>> Status("accepted") is Status.ACCEPTED
True
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a coding stands in review."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Source(StrEnum):
    """Who proposed a coding: a codebook rule, an analyst, or the trained code model."""

    AUTO = "auto"
    MANUAL = "manual"
    MODEL = "model"


class DocumentKind(StrEnum):
    INTERVIEW = "interview"
    SURVEY = "survey"
    DOCUMENT = "document"


class Level(StrEnum):
    """The unit a segment is: a speaker turn, a sentence of a long turn, a paragraph, a survey answer or word."""

    TURN = "turn"
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    ANSWER = "answer"
    WORD = "word"


class Role(StrEnum):
    """What a project's user may do: readers look, coders review, admins also edit codebooks and users."""

    READER = "reader"
    CODER = "coder"
    ADMIN = "admin"

    @property
    def can_decide(self) -> bool:
        return self in (Role.CODER, Role.ADMIN)

    @property
    def can_edit_codebooks(self) -> bool:
        return self is Role.ADMIN

    @property
    def can_manage_users(self) -> bool:
        return self is Role.ADMIN


class VersionAction(StrEnum):
    """How a stored codebook's version came about."""

    FILE = "file"  # read from a YAML file (qualcode code --codebook FILE)
    APP = "app"  # edited on the app's Kodebok page
    EDIT = "edit"  # edited from the command line (suggest-terms --add)
    IMPORT = "import"  # imported from REFI-QDA
    MIGRATION = "migration"  # stored when an older project was upgraded
    UNDO = "undo"  # an earlier version restored
