"""An imported codebook as a YAML file in the format of docs/codebook-format.md, ready for rules.

>>> print(codebook_yaml(codebook, "fra_nvivo.qdc"))        # doctest: +SKIP

A REFI-QDA codebook carries names, colours, descriptions and the hierarchy, never the rules
that find a category. The file this writes has every category with empty rule lists and a
comment saying what to add; ``load_codebook`` refuses it until each category has a rule.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from qualcode.tagging.codebook import Codebook

HEADER = """\
# Codebook imported from {source} (REFI-QDA).
# The categories have names, colours, descriptions and a hierarchy, but no rules yet: give each
# one terms, compound_terms, phrases or patterns (see docs/codebook-format.md), then code with
#   qualcode code PROJECT --codebook {target}
"""


class _Dumper(yaml.SafeDumper):
    """Long texts as folded blocks (``description: >``), as the shipped codebooks write them."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    value = value.strip()
    style = ">" if len(value) > 60 and "\n" not in value else ("|" if "\n" in value else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _block(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=96, default_flow_style=False)


def codebook_yaml(codebook: Codebook, source: str, target: str = "THIS_FILE.yaml", header: str | None = None) -> str:
    """YAML text for ``codebook``: the header comment, the codebook fields, then one block per
    category with empty ``terms``/``compound_terms``/``phrases`` for the analyst to fill in.
    ``header`` replaces the comment that says the codebook came from REFI-QDA."""
    head = {"id": codebook.id, "name": codebook.name, "language": codebook.language,
            "version": str(codebook.version), "description": codebook.description}
    if codebook.polarity:
        head["polarity"] = {name: pole.model_dump(mode="json") for name, pole in codebook.polarity.items()}
    lines = [HEADER.format(source=source, target=target) if header is None else header, _block(head), "categories:\n"]
    for category in codebook.categories:
        entry = {"id": category.id, "label": category.label, "color": category.color,
                 "description": category.description, "parent": category.parent,
                 "terms": list(category.terms), "compound_terms": list(category.compound_terms),
                 "phrases": list(category.phrases)}
        if category.patterns:
            entry["patterns"] = [dict(p) if not isinstance(p, dict) else p for p in category.patterns]
        if category.together:
            entry["together"] = list(category.together)
        if category.exclude:
            entry["exclude"] = list(category.exclude)
        if category.exclude_patterns:
            entry["exclude_patterns"] = [{"pattern": p.pattern} for p in category.exclude_patterns]
        if category.weak:
            entry["weak"] = list(category.weak)
        if category.secondary:
            entry["secondary"] = list(category.secondary)
        if category.media:
            entry["media"] = list(category.media)
        if category.places:
            entry["places"] = list(category.places)
        examples = category.examples.model_dump(mode="json", exclude_defaults=True) if category.examples else {}
        if examples:
            entry["examples"] = examples
        block = _block([entry]).replace("\n- ", "\n  - ")
        block = "  " + block.replace("\n  ", "\n    ").rstrip("\n") + "\n"
        if not category.has_rule:
            block = block.replace("    terms: []", "    terms: []            # TODO: lemmas that are evidence", 1)
        lines.append(block)
    return "".join(lines)


def write_codebook_yaml(codebook: Codebook, path: Path, source: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(codebook_yaml(codebook, source, str(path)), encoding="utf-8")
    return path
