"""The project schema: one small, explicit set of tables (SQLAlchemy Core, SQLite or PostgreSQL).

documents   one row per version of an ingested file (interview, survey or document); texts have
            ``\\n`` line ends (since schema 5), so offsets are those REFI-QDA clients count
segments    the units of text: turns, sentences of long turns, survey answers and their words;
            ``documents.text[start:end] == segments.text`` always holds
respondents survey respondents (one survey document has many)
variables   metadata columns with their types (rolle, skoletype, fylke …)
codebooks, categories   the codebooks used in the project, as loaded
codings     a category on a span of a segment: source auto/manual/model, status, coder
memos       an analyst's notes on a segment, a coding or a document
decisions   the audit log: every human decision, never updated or deleted
parse_cache parsed spaCy Docs keyed by text hash and pipeline, so re-coding needs no re-parse
models      each codebook's trained code model (assisted coding), so the project stays one file
users       user accounts of a team project: name, role (admin | coder | reader), password hash
codebook_versions   every version of every codebook: the YAML as written (comments kept), its parsed
            form, who made it, when and what changed; ``codebooks.definition`` is the newest
questions   per survey question: its title, its codebook and the variable groups are compared by
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from qualcode.store.values import DocumentKind, Level, Role, Source, Status, VersionAction

SCHEMA_VERSION = 8

metadata = MetaData()


def one_of(column: str, values: type[StrEnum], table: str) -> CheckConstraint:
    """A CHECK constraint that ``column`` holds one of the Enum's values (or NULL).

    Written ``"status" = 'suggested' OR "status" = 'accepted' OR …``, not ``"status" IN (…)``,
    which means the same: SQLite checks an IN list through a temporary index it builds again for
    every row, and the two CHECKs of ``codings`` took half the time of inserting a first coding
    run's suggestions (24,000 rows: 0.17 s, with OR 0.08 s).
    """
    allowed = " OR ".join(f"\"{column}\" = '{v.value}'" for v in values)
    return CheckConstraint(allowed, name=f"ck_{table}_{column}")


meta = Table(
    "meta",
    metadata,
    Column("key", String(128), primary_key=True),  # e.g. coded:<codebook id>, and a codebook id may be 64 long
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(255), nullable=False),  # file name as the analyst knows it
    Column("kind", String(16), nullable=False),  # interview | survey | document
    Column("source_path", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("previous_id", Integer, ForeignKey("documents.id"), nullable=True),
    Column("current", Boolean, nullable=False, default=True),
    Column("text", Text, nullable=False),
    Column("encoding", String(32), nullable=True),
    Column("meta", JSON, nullable=False, default=dict),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_hash", "content_hash"),
    one_of("kind", DocumentKind, "documents"),
    Index("ix_documents_name", "name"),
)

respondents = Table(
    "respondents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("external_id", String(255), nullable=False),
    Column("row", Integer, nullable=False),  # row in the source file (header = 1)
    Column("meta", JSON, nullable=False, default=dict),
    UniqueConstraint("document_id", "external_id"),
)

segments = Table(
    "segments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("level", String(16), nullable=False),  # turn | sentence | paragraph | answer | word
    Column("parent_id", Integer, ForeignKey("segments.id"), nullable=True),
    Column("codable", Boolean, nullable=False),  # the unit the tagger codes (no double counting)
    Column("speaker", String(128), nullable=True),
    Column("respondent_id", Integer, ForeignKey("respondents.id"), nullable=True),
    Column("question", String(255), nullable=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("text_hash", String(32), nullable=False),
    Index("ix_segments_document", "document_id", "position"),
    Index("ix_segments_codable", "codable"),
    Index("ix_segments_parent", "parent_id"),
    one_of("level", Level, "segments"),
)

variables = Table(
    "variables",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(255), nullable=False, unique=True),
    Column("type", String(16), nullable=False),  # text | integer | number | date
    Column("scope", String(16), nullable=False),  # document | respondent
)

codebooks = Table(
    "codebooks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("name", String(255), nullable=False),
    Column("version", String(32), nullable=False),
    Column("source_path", Text, nullable=True),
    Column("definition", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

categories = Table(
    "categories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("codebook_id", Integer, ForeignKey("codebooks.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(64), nullable=False),
    Column("label", String(255), nullable=False),
    Column("color", String(7), nullable=False),
    Column("description", Text, nullable=True),
    Column("parent_key", String(64), nullable=True),
    Column("position", Integer, nullable=False),
    Column("active", Boolean, nullable=False, default=True),  # False once removed from the codebook
    UniqueConstraint("codebook_id", "key"),
)

codings = Table(
    "codings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("segment_id", Integer, ForeignKey("segments.id", ondelete="CASCADE"), nullable=False),
    Column("category_id", Integer, ForeignKey("categories.id"), nullable=False),
    Column("start", Integer, nullable=False),  # offsets into documents.text
    Column("end", Integer, nullable=False),
    Column("source", String(8), nullable=False),  # auto | manual | model
    Column("status", String(10), nullable=False),  # suggested | accepted | rejected
    Column("coder", String(128), nullable=True),  # who decided (None for untouched suggestions)
    Column("score", Float, nullable=True),
    Column("rule", Text, nullable=True),
    Column("evidence", JSON, nullable=True),  # [[start, end, text, rule], …] in document offsets
    Column("evidence_key", String(64), nullable=True),  # what the suggestion rested on
    Column("polarity", String(32), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_codings_segment", "segment_id"),
    Index("ix_codings_category_status", "category_id", "status"),
    one_of("source", Source, "codings"),
    one_of("status", Status, "codings"),
)

memos = Table(
    "memos",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=True),
    Column("segment_id", Integer, ForeignKey("segments.id", ondelete="CASCADE"), nullable=True),
    Column("coding_id", Integer, ForeignKey("codings.id", ondelete="CASCADE"), nullable=True),
    Column("coder", String(128), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("coding_id", Integer, ForeignKey("codings.id"), nullable=True),
    Column("memo_id", Integer, ForeignKey("memos.id"), nullable=True),
    Column("coder", String(128), nullable=False),
    Column("action", String(16), nullable=False),  # accept | reject | reset | manual | change | memo
    Column("old_status", String(10), nullable=True),
    Column("new_status", String(10), nullable=True),
    Column("detail", JSON, nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    one_of("old_status", Status, "decisions"),
    one_of("new_status", Status, "decisions"),
)

# Added in schema version 2.
parse_cache = Table(
    "parse_cache",
    metadata,
    Column("text_hash", String(32), primary_key=True),
    Column("pipeline", String(128), primary_key=True),
    Column("doc", LargeBinary, nullable=False),
)

# Added in schema version 3.
models = Table(
    "models",
    metadata,
    Column("codebook_key", String(64), primary_key=True),
    Column("trained_at", DateTime(timezone=True), nullable=False),
    Column("about", JSON, nullable=False),  # what it was trained on: decisions, examples, weights, versions
    Column("data", LargeBinary, nullable=False),  # the fitted model as arrays (.npz, no pickle; schema 4)
)

# Added in schema version 7: the project's user accounts (none: single-user use on localhost).
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("role", String(8), nullable=False),
    Column("password_hash", Text, nullable=False),  # argon2id, never the password
    Column("failed_logins", Integer, nullable=False, default=0),  # since the last successful sign-in
    Column("locked_until", DateTime(timezone=True), nullable=True),  # after repeated failures
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    one_of("role", Role, "users"),
)

# Added in schema version 8: the project holds its codebooks whole, so it needs no file beside it.
codebook_versions = Table(
    "codebook_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("codebook_id", Integer, ForeignKey("codebooks.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),  # 1, 2, 3 … per codebook; the highest is current
    Column("parent", Integer, nullable=True),  # the version this one was made from (what undo goes back to)
    Column("yaml", Text, nullable=False),  # the codebook as written, comments and layout kept
    Column("definition", JSON, nullable=False),  # its parsed form
    Column("author", String(128), nullable=True),
    Column("action", String(16), nullable=False),  # see VersionAction
    Column("summary", Text, nullable=False),  # what changed, in words
    Column("source", Text, nullable=True),  # the file it was read from, for the record only
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("codebook_id", "number"),
    one_of("action", VersionAction, "codebook_versions"),
)

questions = Table(
    "questions",
    metadata,
    Column("name", String(255), primary_key=True),  # the survey question as ingested (elev, laerer …)
    Column("title", String(255), nullable=True),  # "Elevenes utbytte"
    Column("codebook_key", String(64), nullable=True),  # a stored codebook's id
    Column("compare_by", String(255), nullable=True),  # the metadata variable groups are compared by
)
