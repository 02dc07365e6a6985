"""The project store: one SQLite file per project, through SQLAlchemy (PostgreSQL later)."""

from qualcode.store.project import Project, ProjectError

__all__ = ["Project", "ProjectError"]
