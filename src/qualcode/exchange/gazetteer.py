"""Word lists behind pseudonymisation: what to keep (countries …) and which words are names.

* :func:`default_keep_places` — countries, continents, regions, counties, large cities and
  programmes (``exchange/data/keep_places.txt``): an Erasmus+ analysis compares partner
  countries, and "Spania" points to nobody. A project edits its own list
  (:func:`project_keep_places`, ``qualcode keep-places``), stored in the project.
* :func:`gazetteer_persons` — persons found by Norwegian first names and surnames from the
  ``faker`` package's ``no_NO`` locale (the most common names in Norway, maintained there), so a
  name the pipeline's name finder misses is still replaced. The analyst's ``--names`` list adds
  the rest.

>>> gazetteer_persons(["I går snakket Kari Hansen med Ola om Spania."])
[('person', 'Kari Hansen'), ('person', 'Ola')]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from sqlalchemy import delete, insert, select

from qualcode.store import Project, schema

KEEP_META_KEY = "pseudonymise_keep_places"  # {"add": [...], "remove": [...]} in the project's meta


@lru_cache(maxsize=1)
def default_keep_places() -> tuple[str, ...]:
    """The shipped keep-list, in file order."""
    text = resources.files("qualcode.exchange").joinpath("data/keep_places.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _stored(project: Project) -> dict[str, list[str]]:
    m = schema.meta
    with project.read() as conn:
        value = conn.execute(select(m.c.value).where(m.c.key == KEEP_META_KEY)).scalar()
    data = json.loads(value) if value else {}
    return {"add": list(data.get("add", [])), "remove": list(data.get("remove", []))}


def project_keep_places(project: Project) -> list[str]:
    """The project's keep-list: the default one with the project's additions and removals."""
    stored = _stored(project)
    removed = {name.casefold() for name in stored["remove"]}
    names = [name for name in default_keep_places() if name.casefold() not in removed]
    return names + [name for name in stored["add"] if name not in names]


def edit_keep_places(project: Project, add: Iterable[str] = (), remove: Iterable[str] = ()) -> list[str]:
    """Add names to the project's keep-list or take them off; returns the new list.

    >>> edit_keep_places(project, add=["Hallbrunn"], remove=["Oslo"])  # doctest: +SKIP
    """
    stored = _stored(project)
    for name in (" ".join(n.split()) for n in add if n.strip()):
        stored["remove"] = [n for n in stored["remove"] if n.casefold() != name.casefold()]
        if name not in stored["add"] and name not in default_keep_places():
            stored["add"].append(name)
    for name in (" ".join(n.split()) for n in remove if n.strip()):
        stored["add"] = [n for n in stored["add"] if n.casefold() != name.casefold()]
        if name.casefold() in {n.casefold() for n in default_keep_places()} and name not in stored["remove"]:
            stored["remove"].append(name)
    m = schema.meta
    with project.transaction() as conn:
        conn.execute(delete(m).where(m.c.key == KEEP_META_KEY))
        conn.execute(insert(m).values(key=KEEP_META_KEY, value=json.dumps(stored, ensure_ascii=False)))
    return project_keep_places(project)


# ---------------------------------------------------------------- name gazetteer

@lru_cache(maxsize=1)
def norwegian_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) of faker's ``no_NO`` person provider."""
    from faker.providers.person.no_NO import Provider

    first = set(Provider.first_names_male) | set(Provider.first_names_female)
    return frozenset(first), frozenset(Provider.last_names)


_WORD = re.compile(r"[A-ZÆØÅ][a-zæøåéèüöä]+(?:-[A-ZÆØÅ][a-zæøåéèüöä]+)?")
_SENTENCE_END = re.compile(r"(?:^|[.!?:«\"\n]\s*)$")


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 3):start])) or start == 0


def gazetteer_persons(texts: Iterable[str]) -> list[tuple[str, str]]:
    """``("person", name)`` for the Norwegian first names in ``texts``, with the capitalised
    name that follows (a surname), and for listed surnames inside a sentence.

    A first name or surname that is also a common word ("Per", "Lie", "Strand") counts only
    inside a sentence, where Norwegian capitalises names alone.
    """
    from qualcode.nlp.lemmatizer import is_known_word

    first_names, surnames = norwegian_names()
    found: list[tuple[str, str]] = []
    for text in texts:
        words = list(_WORD.finditer(text))
        i = 0
        while i < len(words):
            word = words[i]
            name = word.group(0)
            common = is_known_word(name.lower()) and _sentence_start(text, word.start())
            if name in first_names and not common:
                full = name
                nxt = words[i + 1] if i + 1 < len(words) else None
                if nxt is not None and text[word.end():nxt.start()] == " " and (
                        nxt.group(0) in surnames or not is_known_word(nxt.group(0).lower())):
                    full = f"{name} {nxt.group(0)}"
                    i += 1
                found.append(("person", full))
            elif name in surnames and not _sentence_start(text, word.start()):
                found.append(("person", name))
            i += 1
    return found
