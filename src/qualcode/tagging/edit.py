"""Edit a codebook file in place: add or remove a term, keeping the file's comments and layout.

>>> codebook = add_term("codebooks/elevutbytte.yaml", "sprakferdigheter", "tysk")        # doctest: +SKIP

The edited text is validated before it is written; an edit that would break the codebook
raises :class:`CodebookError` and leaves the file as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from qualcode.tagging.codebook import Codebook, CodebookError, parse_codebook

RULE_KEYS = ("terms", "compound_terms", "phrases", "exclude")


def _category_block(lines: list[str], category: str, source: str) -> tuple[int, int, int]:
    """(first line, end line, indent of the category's keys) of ``category``'s block."""
    start = next((i for i, line in enumerate(lines) if re.match(rf"\s*-\s+id:\s*['\"]?{re.escape(category)}['\"]?\s*$", line)), None)
    if start is None:
        raise CodebookError(f"{source}: no category '{category}' (ids are written '- id: {category}').")
    dash = lines[start].index("-")
    indent = dash + 2
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].strip() and (len(lines[i]) - len(lines[i].lstrip())) <= dash), len(lines))
    return start, end, indent


def _item(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True).strip().removesuffix("...").strip()


def _write(path: Path, text: str) -> Codebook:
    codebook = parse_codebook(text, str(path))  # raises before anything is written
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return codebook


def add_term(path: str | Path, category: str, term: str, key: str = "terms") -> Codebook:
    """Add ``term`` to ``category``'s ``key`` list (terms, compound_terms, phrases, exclude)."""
    if key not in RULE_KEYS:
        raise CodebookError(f"'{key}' is not a term list; use one of {', '.join(RULE_KEYS)}.")
    term = " ".join(term.lower().split())
    if not term:
        raise CodebookError("an empty term cannot be added.")
    path = Path(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    start, end, indent = _category_block(lines, category, str(path))
    current = parse_codebook("\n".join(lines), str(path)).category(category)
    if term in getattr(current, key):
        return parse_codebook("\n".join(lines), str(path))
    key_line = next((i for i in range(start, end) if re.match(rf"\s{{{indent}}}{key}:", lines[i])), None)
    if key_line is not None and "[" in lines[key_line]:
        # A flow list ("terms: [engelsk, uttale]") becomes a block list, so the new term joins it
        # instead of starting a second "terms:" key that YAML would let win silently.
        value = lines[key_line].split(":", 1)[1].split(" #", 1)[0]
        items = yaml.safe_load(value) or []
        lines[key_line:key_line + 1] = [f"{' ' * indent}{key}:"] + [f"{' ' * (indent + 2)}- {_item(str(x))}" for x in items]
        end += len(items)
    if key_line is None:
        examples = next((i for i in range(start, end) if lines[i].startswith(" " * indent + "examples:")), end)
        lines[examples:examples] = [f"{' ' * indent}{key}:", f"{' ' * (indent + 2)}- {_item(term)}"]
    else:
        lines[key_line] = f"{' ' * indent}{key}:"
        j = key_line + 1
        while j < end and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
            j += 1
        while lines[j - 1].strip() == "" and j - 1 > key_line:
            j -= 1
        item_indent = indent + 2
        for k in range(key_line + 1, j):
            if lines[k].lstrip().startswith("- "):
                item_indent = len(lines[k]) - len(lines[k].lstrip())
                break
        lines[j:j] = [f"{' ' * item_indent}- {_item(term)}"]
    return _write(path, "\n".join(lines))


def remove_term(path: str | Path, category: str, term: str, key: str = "terms") -> Codebook:
    """Remove ``term`` from ``category``'s ``key`` list."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    start, end, indent = _category_block(lines, category, str(path))
    key_line = next((i for i in range(start, end) if lines[i].startswith(" " * indent + key + ":")), None)
    term = " ".join(term.lower().split())
    if key_line is not None:
        for i in range(key_line + 1, end):
            stripped = lines[i].strip()
            if stripped and len(lines[i]) - len(lines[i].lstrip()) <= indent:
                break
            value = stripped.removeprefix("- ").split(" #", 1)[0].strip().strip("'\"").lower()
            if stripped.startswith("- ") and value == term:
                del lines[i]
                return _write(path, "\n".join(lines))
    raise CodebookError(f"{path}: category '{category}' has no {key} entry '{term}'.")
