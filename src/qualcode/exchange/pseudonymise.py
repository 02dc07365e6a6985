"""Pseudonymised exports: persons, schools, organisations and places replaced consistently ("Person 1", "Skole A").

>>> names = NameList(persons=["Marte Haugland"], schools=["Brekkestrand ungdomsskole"])
>>> p = Pseudonymiser(names)
>>> p.text("Marte Haugland jobber på Brekkestrand ungdomsskole. Martes elever reiste.")
'Person 1 jobber på Skole A. Person 1s elever reiste.'

The names come from a list the analyst edits (YAML, see :func:`load_names`), from the ``skole``
metadata of the documents, from the pipeline's named entities when it has a name finder
(``ner``, or an ``entity_ruler``), and from a gazetteer of Norwegian first names and surnames
(:mod:`qualcode.exchange.gazetteer`). Places and organisations that identify nobody — countries,
continents, counties, large cities, Erasmus+ — are kept: the project's keep-list
(:func:`~qualcode.exchange.gazetteer.project_keep_places`, ``qualcode keep-places``) starts from
a documented default. A person's first or last name alone, and a school's place name alone
("Brekkestrand"), get the same pseudonym as the full name. Numbers and letters follow the order
in which the names first occur in the project, so every export of the same project uses the same
pseudonyms. :meth:`Pseudonymiser.report` says what was replaced, by type, and what was kept.
The project itself is never changed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from qualcode.exchange.common import ExchangeError
from qualcode.exchange.gazetteer import default_keep_places, gazetteer_persons, project_keep_places
from qualcode.ingest.transcripts import ROLE_WORDS
from qualcode.limits import LimitError, load_yaml
from qualcode.store import Project, schema

KINDS = ("person", "school", "organisation", "place")
KIND_NAMES = {"person": ("person", "persons"), "school": ("school", "schools"),
              "organisation": ("organisation", "organisations"), "place": ("place", "places")}
_KEYS = {"personer": "persons", "persons": "persons", "skoler": "schools", "schools": "schools",
         "organisasjoner": "organisations", "organisations": "organisations",
         "steder": "places", "places": "places", "behold": "keep", "keep": "keep"}
SCHOOL_META_KEYS = ("skole", "school")
_NER_KINDS = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place", "GPE_LOC": "place",
              "GPE_ORG": "place", "ORG": "organisation"}
_SCHOOL_WORD = re.compile(r"skole|skule|gymnas|school", re.IGNORECASE)
_ROLE = re.compile(rf"(?:{ROLE_WORDS})(?:\s*\d{{1,2}})?", re.IGNORECASE)  # speaker roles: "Lærer 2", "Rektor"


@dataclass
class NameList:
    """Names to replace, by kind, and words never to replace (``keep``), as the analyst lists them."""

    persons: list[str] = field(default_factory=list)
    schools: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)


@dataclass
class PseudonymisationReport:
    """What an export replaced, by type (distinct names), and the found names it kept."""

    replaced: dict[str, list[str]]  # kind → names
    kept: list[str]  # found by the name finder, kept by the keep-list ("Norge", "Spania")

    def describe(self) -> str:
        """"Pseudonymised 4 names (2 persons, 1 school, 1 place); kept as not identifying: Norge, Spania"."""
        total = sum(len(names) for names in self.replaced.values())
        parts = [f"{len(names)} {KIND_NAMES[kind][len(names) != 1]}" for kind, names in self.replaced.items() if names]
        text = f"Pseudonymised {total} names" + (f" ({', '.join(parts)})" if parts else "")
        if self.kept:
            text += "; kept as not identifying: " + ", ".join(self.kept)
        return text


def load_names(path: str | Path) -> NameList:
    """Read a names file::

        personer: [Marte Haugland, Ola Nordmann]
        skoler: [Brekkestrand ungdomsskole]
        organisasjoner: [Fjordvik IL]
        steder: [Zielnowo]
        behold: [Polen, Erasmus]     # never replaced, even if the name finder flags them
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ExchangeError(f"{path}: no such names file. Write one with the keys personer, skoler, steder "
                            f"and behold, each a list of names.") from None
    try:
        data = load_yaml(text, path) or {}
    except LimitError as exc:
        raise ExchangeError(str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise ExchangeError(f"{path}{line}: not valid YAML ({getattr(exc, 'problem', exc)}).") from None
    if not isinstance(data, dict):
        raise ExchangeError(f"{path} line 1: a names file is a mapping of personer, skoler, steder and behold "
                            f"to lists of names.")
    names = NameList()
    for key, values in data.items():
        attr = _KEYS.get(str(key).lower())
        if attr is None:
            raise ExchangeError(f"{path}: unknown key '{key}'; use personer, skoler, organisasjoner, steder or behold.")
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not all(isinstance(v, (str, int)) for v in values):
            raise ExchangeError(f"{path}: '{key}' must be a list of names (one '- Name' per line).")
        getattr(names, attr).extend(" ".join(str(v).split()) for v in values if str(v).strip())
    return names


class OffsetMap:
    """Moves offsets in an original text to the pseudonymised one. An offset inside a replaced
    name moves to the start of its pseudonym (``start``) or to the end of it (``end``)."""

    def __init__(self, replacements: list[tuple[int, int, str]]) -> None:
        self._starts = [s for s, _, _ in replacements]
        self._ends = [e for _, e, _ in replacements]
        self._new_starts: list[int] = []
        self._shift = [0]  # shift after the first i replacements
        for s, e, new in replacements:
            self._new_starts.append(s + self._shift[-1])
            self._shift.append(self._shift[-1] + len(new) - (e - s))
        self._lengths = [len(new) for _, _, new in replacements]

    def start(self, offset: int) -> int:
        return self._map(offset, at_end=False)

    def end(self, offset: int) -> int:
        return self._map(offset, at_end=True)

    def _map(self, offset: int, at_end: bool) -> int:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self._starts[i] < offset < self._ends[i]:
            return self._new_starts[i] + (self._lengths[i] if at_end else 0)
        if i >= 0 and offset == self._starts[i]:
            return self._new_starts[i]
        return offset + self._shift[i + 1]


class Pseudonymiser:
    """Replaces the names it knows; ``Pseudonymiser.for_project`` learns them from a project."""

    def __init__(self, names: NameList, found: Iterable[tuple[str, str]] = (), order: Iterable[str] = (),
                 kept: Iterable[str] = ()) -> None:
        """``found`` adds ``(kind, name)`` pairs (metadata, named entities); ``order`` is text in
        which the names first occur, which decides their numbers; ``kept`` lists the found names
        the keep-list left alone (for :meth:`report`)."""
        keep = set(names.keep)
        self.kept = sorted(set(kept))
        canonical: dict[str, str] = {}  # name → kind
        listed = [("person", n) for n in names.persons] + [("school", n) for n in names.schools] + \
                 [("organisation", n) for n in names.organisations] + [("place", n) for n in names.places]
        for kind, value in listed + list(found):
            if value and value not in keep and value not in canonical:
                canonical[value] = kind
        # A name found alone ("Henrik", "Kvitberg") that is a word of a longer name is that name.
        words = {word for name in canonical if " " in name for word in name.split()}
        canonical = {name: kind for name, kind in canonical.items() if " " in name or name not in words}
        self._surface = self._aliases(canonical, keep)
        alternatives = sorted(self._surface, key=len, reverse=True)
        # A name stands alone (no letter glued on either side); a genitive -s may follow it.
        self._pattern = (re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?=s?(?![\w]))")
                         if alternatives else None)
        self._pseudonyms: dict[str, str] = {}
        self._kinds = dict(canonical)
        self._counts = {kind: 0 for kind in KINDS}
        for text in order:
            for match in self._matches(text):
                self._pseudonym(self._surface[match.group(0)])
        for name, kind in canonical.items():  # listed names that never occur still get one
            self._pseudonym((kind, name))

    @staticmethod
    def _aliases(canonical: dict[str, str], keep: set[str]) -> dict[str, tuple[str, str]]:
        surface = {name: (kind, name) for name, kind in canonical.items()}
        parts: dict[str, set[tuple[str, str]]] = {}
        for name, kind in canonical.items():
            words = name.split()
            if kind == "person" and len(words) > 1:
                aliases = words
            elif kind == "school" and len(words) > 1:
                # "Brekkestrand ungdomsskole" → "Brekkestrand": the capitalised words before the school word
                stem = []
                for word in words:
                    if not word[:1].isupper() or _SCHOOL_WORD.search(word):
                        break
                    stem.append(word)
                aliases = [" ".join(stem)] if stem and len(stem) < len(words) else []
            else:
                aliases = []
            for alias in aliases:
                if len(alias) >= 3 and alias[:1].isupper() and alias not in keep:
                    parts.setdefault(alias, set()).add((kind, name))
        for alias, owners in parts.items():
            if alias in surface:
                continue
            # A first name two listed persons share says too much to leave, and too little to number.
            surface[alias] = next(iter(owners)) if len(owners) == 1 else ("person", "[navn]")
        return surface

    def _pseudonym(self, owner: tuple[str, str]) -> str:
        kind, name = owner
        if name == "[navn]":
            return name
        if name not in self._pseudonyms:
            self._counts[kind] += 1
            n = self._counts[kind]
            self._pseudonyms[name] = {"person": f"Person {n}", "school": f"Skole {_letters(n)}",
                                      "organisation": f"Organisasjon {_letters(n)}",
                                      "place": f"Sted {_letters(n)}"}[kind]
        return self._pseudonyms[name]

    def _matches(self, text: str) -> Iterable[re.Match[str]]:
        return self._pattern.finditer(text) if self._pattern is not None and text else ()

    @property
    def pseudonyms(self) -> dict[str, str]:
        """Every name and the pseudonym that replaces it (for the analyst's key, kept apart)."""
        return dict(self._pseudonyms)

    def report(self) -> PseudonymisationReport:
        """The names replaced, by type, and the found names kept."""
        replaced: dict[str, list[str]] = {kind: [] for kind in KINDS}
        for name in self._pseudonyms:
            replaced[self._kinds.get(name, "person")].append(name)
        return PseudonymisationReport(replaced, self.kept)

    def replacements(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, pseudonym)`` for every name in ``text``, in order."""
        return [(m.start(), m.end(), self._pseudonym(self._surface[m.group(0)])) for m in self._matches(text)]

    def text(self, text: str) -> str:
        return self.text_with_offsets(text)[0]

    def text_with_offsets(self, text: str) -> tuple[str, OffsetMap]:
        """The pseudonymised text and the map from old offsets to new ones."""
        replacements = self.replacements(text)
        pieces, pos = [], 0
        for start, end, new in replacements:
            pieces += [text[pos:start], new]
            pos = end
        pieces.append(text[pos:])
        return "".join(pieces), OffsetMap(replacements)

    def value(self, value: Any) -> Any:
        """A metadata value: strings are pseudonymised, numbers and dates kept."""
        return self.text(value) if isinstance(value, str) else value

    def meta(self, meta: dict[str, Any]) -> dict[str, Any]:
        return {key: self.value(value) for key, value in meta.items()}

    @classmethod
    def for_project(cls, project: Project, names: NameList | None = None, nlp=None) -> Pseudonymiser:
        """Learn the names of a project: the list, ``skole`` metadata, the Norwegian first names
        and surnames of the gazetteer and (when ``nlp`` has a name finder such as ``ner``) the
        persons, schools, organisations and places it finds in the documents. Found names on
        the project's keep-list (countries …) are kept; names the analyst lists are replaced."""
        names = names or NameList()
        keep_places = project_keep_places(project)
        d, m = schema.documents, schema.memos
        with project.read() as conn:
            documents = conn.execute(select(d.c.text, d.c.meta, d.c.kind).where(d.c.current.is_(True))
                                     .order_by(d.c.id)).all()
            memos = list(conn.execute(select(m.c.text).order_by(m.c.id)).scalars())
            r = schema.respondents
            respondent_meta = list(conn.execute(select(r.c.meta).order_by(r.c.id)).scalars())
        found: list[tuple[str, str]] = []
        for meta in [doc.meta for doc in documents] + respondent_meta:
            for key in SCHOOL_META_KEYS:
                if isinstance(meta.get(key), str) and meta[key].strip():
                    found.append(("school", " ".join(meta[key].split())))
        # Survey answers are single words the name finder mistakes for names; names are in interviews.
        interviews = [doc.text for doc in documents if doc.kind != "survey"]
        kept: list[str] = []
        # The gazetteer first: a Norwegian first name is a person even when the name finder
        # reads it as a place ("sammen med Tobias"); a name keeps the first kind it is found as.
        found.extend(gazetteer_persons(interviews))
        if nlp is not None and name_finders(nlp):
            found.extend(entities(nlp, interviews, keep=(), kept=kept))
        keep = {name.casefold() for name in keep_places}
        kept += [name for _, name in found if name.casefold() in keep]
        found = [(kind, name) for kind, name in found if name.casefold() not in keep]
        order = []
        for doc in documents:
            order.extend(str(v) for v in doc.meta.values() if isinstance(v, str))
            order.append(doc.text)
        return cls(names, found, order + memos, kept=kept)


def name_finders(nlp) -> list[str]:
    """The pipeline's components that find named entities (``ner``, an ``entity_ruler`` …)."""
    return [name for name in nlp.pipe_names if "doc.ents" in nlp.get_pipe_meta(name).assigns]


def entities(nlp, texts: list[str], keep: Iterable[str] | None = None,
             kept: list[str] | None = None) -> list[tuple[str, str]]:
    """``(kind, name)`` of the persons, schools, organisations and places the pipeline's name
    finders find; names on ``keep`` (default: the shipped keep-list) are left out, and added to
    ``kept`` when it is given."""
    keep_set = {n.casefold() for n in (default_keep_places() if keep is None else keep)}
    result = []
    needed = name_finders(nlp) + [name for name in nlp.pipe_names if name in ("tok2vec", "transformer")]
    with nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in needed]):
        for doc in nlp.pipe(texts):
            for ent in doc.ents:
                name = " ".join(ent.text.split())
                if not name[:1].isupper() or len(name) < 2 or _ROLE.fullmatch(name):
                    continue  # "Lærer 2" and "Koordinator" are speakers' roles, not names
                kind = _NER_KINDS.get(ent.label_)
                if ent.label_ in ("ORG", "GPE_ORG") and _SCHOOL_WORD.search(name):
                    kind = "school"
                if kind and name.casefold() in keep_set:
                    if kept is not None:
                        kept.append(name)
                elif kind:
                    result.append((kind, name))
    return result


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
