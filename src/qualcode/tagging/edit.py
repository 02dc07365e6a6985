"""Edit codebook YAML, keeping its comments and layout (a ruamel.yaml round trip, not line surgery).

>>> text, codebook = with_term(text, "sprakferdigheter", "tysk")                      # doctest: +SKIP
>>> codebook = add_term("codebooks/elevutbytte.yaml", "sprakferdigheter", "tysk")     # doctest: +SKIP

The text functions (``with_term``, ``without_term``, ``with_term_moved``, ``with_description``)
return the new text and the codebook it parses to; the file functions (``add_term``,
``remove_term``) write the file atomically. Every edit is validated before anything is kept:
an edit that would break the codebook raises :class:`CodebookError` and changes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from qualcode.tagging.codebook import Codebook, CodebookError, parse_codebook

RULE_KEYS = ("terms", "compound_terms", "phrases", "exclude")


def _yaml(text: str) -> YAML:
    """A round-trip YAML that writes this text's own indentation back."""
    try:
        _, sequence, offset = load_yaml_guess_indent(text)
    except YAMLError:
        sequence, offset = 4, 2
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the analyst wrote
    yaml.indent(mapping=2, sequence=sequence or 4, offset=offset if offset is not None else 2)
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # token patterns keep their {…}
    return yaml


def _complete(text: str, source: str) -> bool:
    """Whether the text is a codebook with a rule in every category (an import is not, yet)."""
    try:
        parse_codebook(text, source)
    except CodebookError:
        return False
    return True


def edit_text(text: str, change: Callable[[CommentedMap], None], source: str = "<codebook>") -> tuple[str, Codebook]:
    """Apply ``change`` to the loaded YAML and return the new text and its codebook.

    A codebook that had a rule in every category must still have one after the edit; one that
    did not (imported from REFI-QDA, terms being added) is checked for everything else.
    """
    yaml = _yaml(text)
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        raise CodebookError(f"{source}: not valid YAML ({exc}).") from None
    if not isinstance(data, CommentedMap):
        raise CodebookError(f"{source} line 1: a codebook is a YAML mapping with id, name and categories.")
    complete = _complete(text, source)
    change(data)
    out = io.StringIO()
    yaml.dump(data, out)
    new_text = out.getvalue()
    return new_text, parse_codebook(new_text, source, complete=complete)


def _category(data: CommentedMap, category: str, source: str) -> CommentedMap:
    for item in data.get("categories") or []:
        if isinstance(item, dict) and str(item.get("id")) == category:
            return item
    raise CodebookError(f"{source}: no category '{category}'; the categories are "
                        f"{', '.join(str(c.get('id')) for c in data.get('categories') or [] if isinstance(c, dict))}.")


def _normal(term: str) -> str:
    return " ".join(str(term).lower().split())


def _check_key(key: str) -> None:
    if key not in RULE_KEYS:
        raise CodebookError(f"'{key}' is not a term list; use one of {', '.join(RULE_KEYS)}.")


def _append(block: CommentedMap, key: str, term: str) -> None:
    values = block.get(key)
    if values is None:
        values = CommentedSeq()
        # Rule lists sit before the examples, as in the shipped codebooks.
        position = list(block).index("examples") if "examples" in block else len(block)
        block.insert(position, key, values)
    if term in {_normal(v) for v in values}:
        return
    last = len(values) - 1
    values.append(term)
    if last >= 0 and last in values.ca.items and not values.fa.flow_style():
        # A comment after the old last item belongs to what follows the list, not inside it.
        values.ca.items[last + 1] = values.ca.items.pop(last)


def _remove(block: CommentedMap, key: str, term: str, category: str, source: str) -> None:
    values = block.get(key) or []
    for i, value in enumerate(values):
        if _normal(value) == term:
            if i == len(values) - 1 and i in values.ca.items and i > 0 and i - 1 not in values.ca.items:
                values.ca.items[i - 1] = values.ca.items.pop(i)  # keep the comment that followed the list
            del values[i]
            if not values:
                del block[key]
            return
    raise CodebookError(f"{source}: category '{category}' has no {key} entry '{term}'.")


def with_term(text: str, category: str, term: str, key: str = "terms", source: str = "<codebook>") -> tuple[str, Codebook]:
    """Add ``term`` to ``category``'s ``key`` list (terms, compound_terms, phrases, exclude)."""
    _check_key(key)
    term = _normal(term)
    if not term:
        raise CodebookError("an empty term cannot be added.")
    return edit_text(text, lambda data: _append(_category(data, category, source), key, term), source)


def without_term(text: str, category: str, term: str, key: str = "terms", source: str = "<codebook>") -> tuple[str, Codebook]:
    """Remove ``term`` from ``category``'s ``key`` list."""
    _check_key(key)
    term = _normal(term)
    return edit_text(text, lambda data: _remove(_category(data, category, source), key, term, category, source), source)


def with_term_moved(text: str, category: str, term: str, to: str, key: str = "terms",
                    source: str = "<codebook>") -> tuple[str, Codebook]:
    """Move ``term`` from ``category``'s ``key`` list to ``to``'s."""
    _check_key(key)
    term = _normal(term)

    def move(data: CommentedMap) -> None:
        target = _category(data, to, source)
        _remove(_category(data, category, source), key, term, category, source)
        _append(target, key, term)

    return edit_text(text, move, source)


def _folded(text: str, width: int = 96):
    """``text`` as a folded block scalar (``description: >``) wrapped at ``width``."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    value = FoldedScalarString(text + "\n")
    folds, line_start = [], 0
    for i, char in enumerate(text):
        if char == " " and i - line_start > width - 10:
            folds.append(i)
            line_start = i + 1
    value.fold_pos = folds
    return value


def with_description(text: str, category: str, description: str, source: str = "<codebook>") -> tuple[str, Codebook]:
    """Give ``category`` a new description (a folded block when it is long, as the shipped files write it)."""
    description = " ".join(description.split())

    def describe(data: CommentedMap) -> None:
        block = _category(data, category, source)
        value = _folded(description) if len(description) > 60 else description
        if "description" in block:
            block["description"] = value
        else:
            block.insert(list(block).index("color") + 1 if "color" in block else len(block), "description", value)

    return edit_text(text, describe, source)


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CodebookError(f"{path}: no such codebook file.") from None


def add_term(path: str | Path, category: str, term: str, key: str = "terms") -> Codebook:
    """Add ``term`` to ``category``'s ``key`` list in a codebook file (validated, then written atomically)."""
    path = Path(path)
    text, codebook = with_term(_read(path), category, term, key, str(path))
    _write(path, text)
    return codebook


def remove_term(path: str | Path, category: str, term: str, key: str = "terms") -> Codebook:
    """Remove ``term`` from ``category``'s ``key`` list in a codebook file."""
    path = Path(path)
    text, codebook = without_term(_read(path), category, term, key, str(path))
    _write(path, text)
    return codebook


def synced_text(text: str, codebook: Codebook) -> str:
    """``text`` brought up to date with ``codebook`` (an import added categories, say), keeping
    the comments and layout of everything that did not change."""
    new = codebook.model_dump(mode="json", exclude_defaults=True)
    yaml = _yaml(text)
    data = yaml.load(text)
    for field in ("id", "name", "language", "version", "description", "polarity"):
        if field in new and data.get(field) != new[field]:
            data[field] = new[field]
    blocks = {str(block.get("id")): block for block in data.get("categories") or [] if isinstance(block, dict)}
    categories = data.get("categories")
    if categories is None:
        categories = data["categories"] = CommentedSeq()
    for i in reversed(range(len(categories))):
        if str(categories[i].get("id")) not in {c["id"] for c in new["categories"]}:
            del categories[i]
    for category in new["categories"]:
        block = blocks.get(category["id"])
        if block is None:
            categories.append(CommentedMap(category))
            continue
        for field, value in category.items():
            if block.get(field) != value:
                block[field] = value
        for field in [f for f in block if f not in category]:
            del block[field]
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
