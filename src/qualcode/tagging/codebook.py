"""Codebooks: YAML files of categories and the rules that find them (docs/codebook-format.md).

>>> cb = load_codebook("codebooks/elevutbytte.yaml")     # doctest: +SKIP
>>> cb.category("sprakferdigheter").color                  # doctest: +SKIP
'#7FBC41'

Every problem is reported as ``FILE line N: what is wrong — what to do``.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from qualcode.limits import MAX_YAML_BYTES, LimitError, check_size, check_yaml

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


WHOLE_WORD = "="  # «=råd» in a together group: the word counts whole, never as a part of a compound


def _marked_groups(entry: str) -> list[list[str]]:
    """The word groups of a ``together`` entry as written, whole-word marks kept: «=råd/dyrt + familie»."""
    return [[w.strip() for w in group.lower().split("/") if w.strip()] for group in entry.split("+")]


def together_groups(entry: str) -> list[list[str]]:
    """The word groups of a ``together`` entry: «kaste/kast + mat/klær» → [[kaste, kast], [mat, klær]]
    (a whole-word mark dropped: «=råd» → «råd»; see :func:`together_whole_words`)."""
    return [[w.removeprefix(WHOLE_WORD) for w in group] for group in _marked_groups(entry)]


def together_whole_words(entry: str) -> frozenset[str]:
    """The words of a ``together`` entry marked «=»: they count as a whole word (its form or lemma), not as a part
    of a compound. «=råd» is the means in «dårleg råd» but a council in «elevrådet», «husråd»; «=dyr» is costly in
    «ein dyr tur» but an animal in «robotdyr»."""
    return frozenset(w.removeprefix(WHOLE_WORD) for group in _marked_groups(entry) for w in group
                     if w.startswith(WHOLE_WORD))


def _together_entry(value: str, field: str) -> str:
    """A together entry, checked and written one way: «kaste/kast + mat/klær»."""
    groups = _marked_groups(value)
    words = [w.removeprefix(WHOLE_WORD) for group in groups for w in group]
    if len(groups) < 2 or not all(groups) or any(" " in w or WHOLE_WORD in w or not w for w in words):
        raise ValueError(f"'{field}' entry '{value}' is not two or more groups of single words joined by "
                         f"' + ', each group's words separated by '/' (e.g. 'kaste/kast + mat/klær'; a word "
                         f"marked '=' counts only as a whole word: '=råd')")
    return " + ".join("/".join(group) for group in groups)


class CodebookError(ValueError):
    """A codebook that cannot be used; the message names the file, the line and the fix."""


class Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: list[dict[str, Any]]
    weight: float = 1.0


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    positive: list[str] = Field(default_factory=list)
    negative: list[str] = Field(default_factory=list)


class Category(BaseModel):
    """One code: what it is called, its colour, and the rules that find it."""

    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    color: str
    description: str = ""
    parent: str | None = None
    terms: list[str] = Field(default_factory=list)
    compound_terms: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)
    together: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    # token patterns (as under ``patterns``) whose words are no evidence of this category: a sense the words of an
    # exclude entry cannot say in order («klimaet i Sevilla var …» is the weather; see docs/codebook-format.md)
    exclude_patterns: list[Pattern] = Field(default_factory=list)
    # words and phrases of the rules above that are evidence only with support (see docs/codebook-format.md)
    weak: list[str] = Field(default_factory=list)
    # words of the rules above that add the category only beside another category's evidence, never as the primary
    secondary: list[str] = Field(default_factory=list)
    # words of the rules above that name a means, a channel or a vehicle («tolk», «tegnspråk», «podkast»): no evidence
    # where they are the channel or the vehicle of another category's activity (see docs/codebook-format.md, "Media")
    media: list[str] = Field(default_factory=list)
    # words of the rules above that name a place («skog», «hav»): no evidence where they are only where another
    # category's activity took place (see docs/codebook-format.md, "Places")
    places: list[str] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"id '{value}' must be lower-case ASCII letters, digits and _ (e.g. 'sprakferdigheter')")
        if len(value) > 64:  # the project stores ids in VARCHAR(64) columns (PostgreSQL enforces it)
            raise ValueError(f"id '{value[:20]}…' is {len(value)} characters long; use at most 64")
        return value

    @field_validator("color")
    @classmethod
    def _color(cls, value: str) -> str:
        if not _HEX.match(str(value)):
            raise ValueError(f"colour '{value}' is not a hex colour like #1B7837")
        return value.upper()

    @field_validator("terms", "compound_terms", "phrases", "exclude", "weak", "secondary", "media", "places")
    @classmethod
    def _words(cls, values: list[str]) -> list[str]:
        cleaned = []
        for value in values:
            text = " ".join(str(value).lower().split())
            if not text:
                raise ValueError("an empty term; remove it")
            cleaned.append(text)
        return cleaned

    @field_validator("exclude")
    @classmethod
    def _exclude(cls, values: list[str]) -> list[str]:
        # «app/nett + billett/hotell»: a word of the first group is no evidence when the sentence
        # also holds a word of the others (the together form of an exclusion)
        entries = [_together_entry(value, "exclude") if "+" in value else value for value in values]
        for entry in entries:
            if "*" in entry and not (entry.startswith("* + ") and "*" not in entry[4:]):
                raise ValueError(f"exclude entry '{entry}': '*' (every word of the category) can only be the whole "
                                 f"first group of a together-form exclusion, e.g. '* + søknad/rapport'")
        return entries

    @field_validator("together")
    @classmethod
    def _together(cls, values: list[str]) -> list[str]:
        return [_together_entry(str(value), "together") for value in values]

    @model_validator(mode="after")
    def _weak_is_listed(self) -> "Category":
        listed = set(self.terms) | set(self.compound_terms) | set(self.phrases)
        for word in self.weak:
            if word not in listed:
                raise ValueError(f"weak word '{word}' is not one of this category's terms, compound_terms or "
                                 f"phrases; list it there first (weak only says it needs support)")
        for word in self.secondary:
            if word not in listed:
                raise ValueError(f"secondary word '{word}' is not one of this category's terms, compound_terms or "
                                 f"phrases; list it there first (secondary only says it never codes alone)")
        for word in self.media:
            if word not in listed:
                raise ValueError(f"media word '{word}' is not one of this category's terms, compound_terms or "
                                 f"phrases; list it there first (media only says when it is no evidence)")
        for word in self.places:
            if word not in listed:
                raise ValueError(f"place word '{word}' is not one of this category's terms, compound_terms or "
                                 f"phrases; list it there first (places only says when it is no evidence)")
        return self

    @property
    def has_rule(self) -> bool:
        return bool(self.terms or self.compound_terms or self.phrases or self.patterns or self.together)


class Pole(BaseModel):
    model_config = ConfigDict(extra="forbid")
    terms: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)


class Activities(BaseModel):
    """An answer that names only an activity, and the category such an answer is evidence of.

    A survey answer the codebook's rules leave uncoded whose word is the verbal noun of a verb
    («kanopadling», «dissekering», «vedhogging») names something the respondent did or learnt; it
    becomes weak evidence (``activity:<word>``, a lower score than any rule) of ``category``.
    ``heads`` are nouns of a skill, a method, a field of work or a subject («ferdighet», «arbeid», «fag»): a compound
    of one of them with a word no rule reads («friluftsferdigheter», «gardsarbeid») is such evidence too, and so is
    a word ending in one of ``endings``, the suffixes of the names of fields («logistikk», «kriminologi»).
    ``exclude`` lists the verbal nouns that name the programme or the trip itself, not an outcome
    («utveksling», «reising», «shopping»); a compound ending in one is excluded too.
    """

    model_config = ConfigDict(extra="forbid")
    category: str
    heads: list[str] = Field(default_factory=list)
    endings: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)

    @field_validator("heads", "endings", "exclude")
    @classmethod
    def _words(cls, values: list[str]) -> list[str]:
        return Category._words(values)


class Codebook(BaseModel):
    """A validated codebook. ``categories`` keep their file order (the tie-break order)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    language: str = "nb"
    version: str = "1.0"
    description: str = ""
    categories: list[Category]
    polarity: dict[str, Pole] = Field(default_factory=dict)
    activities: Activities | None = None
    # nouns of the exchange's own setting (trip, camp, school): a survey answer's definite compound on one names
    # the respondent's own trip or institution, and its modifier is no evidence (see programme.setting_names)
    settings: list[str] = Field(default_factory=list)
    source: str | None = Field(default=None, exclude=True)
    text: str | None = Field(default=None, exclude=True, repr=False)  # the YAML as written, comments kept

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return Category._id(value)

    @field_validator("settings")
    @classmethod
    def _settings(cls, values: list[str]) -> list[str]:
        return Category._words(values)

    @field_validator("version", mode="before")
    @classmethod
    def _version(cls, value: Any) -> str:
        if len(str(value)) > 32:  # VARCHAR(32) in the project
            raise ValueError(f"version '{value}' is longer than 32 characters; use a short one like 2.1 or 2026-11")
        return str(value)

    @cached_property
    def order(self) -> dict[str, int]:
        return {c.id: i for i, c in enumerate(self.categories)}

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(f"codebook '{self.id}' has no category '{category_id}'")

    @property
    def colors(self) -> dict[str, str]:
        return {c.id: c.color for c in self.categories}


def _line_index(node: yaml.Node, path: tuple = (), index: dict | None = None) -> dict[tuple, int]:
    """Line number (1-based) of every mapping key and list item, by its path in the document."""
    index = {} if index is None else index
    index.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            index[path + (key.value,)] = key.start_mark.line + 1
            _line_index(value, path + (key.value,), index)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            index[path + (i,)] = item.start_mark.line + 1
            _line_index(item, path + (i,), index)
    return index


def _line(lines: dict[tuple, int], loc: tuple) -> int:
    while loc and loc not in lines:
        loc = loc[:-1]
    return lines.get(loc, 1)


def _check_patterns(codebook: Codebook, where) -> None:
    import spacy
    from spacy.matcher import Matcher

    matcher = Matcher(spacy.blank("nb").vocab, validate=True)
    for ci, category in enumerate(codebook.categories):
        for pi, pattern in enumerate(category.patterns):
            try:
                matcher.add(f"{category.id}#{pi}", [pattern.pattern])
            except Exception as exc:  # spaCy raises ValueError/MatchPatternError with a long text
                first = str(exc).strip().splitlines()
                detail = next((ln.strip() for ln in first if ln.strip() and not ln.startswith("=")), str(exc))
                raise CodebookError(f"{where(('categories', ci, 'patterns', pi))}: category '{category.id}': "
                                    f"spaCy rejects this token pattern ({detail[:200]}). See "
                                    f"https://spacy.io/usage/rule-based-matching for the syntax.") from None


def parse_codebook(text: str, source: str = "<codebook>", *, complete: bool = True) -> Codebook:
    """Validate codebook YAML text (see :func:`load_codebook`).

    ``complete=False`` accepts categories without rules yet: a codebook imported from REFI-QDA
    is edited a term at a time, and a category without rules simply finds nothing.
    """
    try:
        check_yaml(text, source)
    except LimitError as exc:
        raise CodebookError(str(exc)) from None
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise CodebookError(f"{source}{line}: not valid YAML ({getattr(exc, 'problem', exc)}). "
                            f"Check the indentation and quote values that contain ':' or '#'.") from None
    if not isinstance(data, dict):
        raise CodebookError(f"{source} line 1: a codebook is a YAML mapping with id, name and categories.")
    lines = _line_index(node) if node is not None else {}

    def where(loc: tuple) -> str:
        return f"{source} line {_line(lines, loc)}"

    for reserved in ("source", "text"):  # fields qualcode fills in, never read from the file
        if reserved in data:
            raise CodebookError(f"{where((reserved,))}: unknown field '{reserved}'; see docs/codebook-format.md "
                                f"for the fields a codebook takes.")

    try:
        codebook = Codebook(**data, source=source, text=text)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        field = loc[-1] if loc else ""
        if error["type"] == "missing":
            message = f"'{field}' is missing; every {'category' if 'categories' in loc else 'codebook'} needs one"
        elif error["type"] == "extra_forbidden":
            message = f"unknown field '{field}'; see docs/codebook-format.md for the fields a codebook takes"
        name = ""
        if len(loc) >= 2 and loc[0] == "categories" and isinstance(loc[1], int):
            cat = data.get("categories", [])[loc[1]]
            if isinstance(cat, dict) and "id" in cat:
                name = f"category '{cat['id']}': "
        raise CodebookError(f"{where(loc)}: {name}{message}.") from None
    seen: dict[str, int] = {}
    for i, category in enumerate(codebook.categories):
        if category.id in seen:
            raise CodebookError(f"{where(('categories', i, 'id'))}: duplicate category id '{category.id}' "
                                f"(first at line {_line(lines, ('categories', seen[category.id], 'id'))}); ids must be unique.")
        seen[category.id] = i
    for i, category in enumerate(codebook.categories):
        if category.parent is not None and category.parent not in seen:
            raise CodebookError(f"{where(('categories', i, 'parent'))}: category '{category.id}' has parent "
                                f"'{category.parent}', which is not a category in this codebook.")
        if complete and not category.has_rule:
            raise CodebookError(f"{where(('categories', i))}: category '{category.id}' has no rule; add terms, "
                                f"compound_terms, phrases, patterns or together.")
    for i, category in enumerate(codebook.categories):  # a parent chain must end
        chain, current = {category.id}, category.parent
        while current is not None:
            if current in chain:
                raise CodebookError(f"{where(('categories', i, 'parent'))}: category '{category.id}' is its own ancestor.")
            chain.add(current)
            current = codebook.categories[seen[current]].parent
    if codebook.activities is not None and codebook.activities.category not in seen:
        raise CodebookError(f"{where(('activities', 'category'))}: activities name category "
                            f"'{codebook.activities.category}', which is not a category in this codebook; use one of "
                            f"{', '.join(seen)}.")
    _check_patterns(codebook, where)
    return codebook


def load_codebook(path: str | Path) -> Codebook:
    """Load and validate a codebook YAML file."""
    path = Path(path)
    try:
        check_size(path, path.stat().st_size, MAX_YAML_BYTES, "YAML file")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CodebookError(f"{path}: no such codebook file. The shipped ones are in codebooks/.") from None
    except LimitError as exc:
        raise CodebookError(str(exc)) from None
    except UnicodeDecodeError:
        raise CodebookError(f"{path}: not UTF-8 text. Save the codebook as UTF-8.") from None
    return parse_codebook(text, str(path))
