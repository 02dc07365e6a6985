"""Prepare a folder for the two blind writers of a new labelled set (see README.md here).

    python tests/data/blind/prepare.py /work/labelset49 ax 30 "the respondents to imagine …"

writes FOLDER/RULES.md (the formats and label rules of ../labelset_2026/README.md, the only file
besides DOMAIN.md the writers may read) and FOLDER/prompt_answers.md, FOLDER/prompt_sentences.md
(the briefs to give the two writers: ids PFXa…/PFXs…, NYN % nynorsk, the setting).
"""
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
LABEL_RULES = HERE.parent / "labelset_2026" / "README.md"


def rules(prefix: str) -> str:
    text = LABEL_RULES.read_text(encoding="utf-8")
    formats = text[text.index("Formats:"):text.index("## Label rules")]
    label_rules = text[text.index("## Label rules"):text.index("## Counts")]
    formats = re.sub(r"Ids are `n0001…n\d+` \(answers\) and `t0001…t\d+` \(sentences\)",
                     f"Ids are `{prefix}a0001…` (answers) and `{prefix}s0001…` (sentences)", formats)
    return ("# Label rules and formats for this set\n\n(Given to the writers of a blind labelled set. The rules are "
            "the project's; ids of items in other sets are mentioned only to record where a rule came from — you "
            "cannot and need not open those sets.)\n\n" + formats + label_rules)


def main(folder: str, prefix: str, nynorsk: str, setting: str) -> None:
    out = pathlib.Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    (out / "RULES.md").write_text(rules(prefix), encoding="utf-8")
    for kind in ("answers", "sentences"):
        brief = (HERE / f"writer_{kind}.md").read_text(encoding="utf-8")
        brief = (brief.replace("FOLDER", str(out)).replace("PFX", prefix).replace("NYN", nynorsk)
                 .replace("SETTING", setting))
        (out / f"prompt_{kind}.md").write_text(brief, encoding="utf-8")
    print(f"{out}: RULES.md, prompt_answers.md, prompt_sentences.md")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
