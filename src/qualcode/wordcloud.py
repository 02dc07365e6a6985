"""Word clouds coloured like the categories, sized by respondents (as the seed report draws them).

>>> counts = count_words(entries, codebook)              # doctest: +SKIP
>>> cloud = render_cloud(counts, codebook, title="Elevutbytte", n=78)   # doctest: +SKIP
>>> cloud.save("elevutbytte.svg")                         # doctest: +SKIP

- Size is the number of distinct respondents who wrote a word, not the number of times it was
  written: "engelsk, Engelsk" from one respondent counts once.
- What respondents mean merges into one word: inflections, capitals, nynorsk and bokmål forms
  (they share a bokmål lemma, :func:`~qualcode.tagging.lexicon.normalised_lemma`), and typos (a
  word the lexicon does not know, within a typo or two of a word others wrote, joins it). The
  word shows as the form respondents wrote most often (ties: the lemma); every variant and its
  count stays in :attr:`WordCount.variants`, and a variant can be kept apart
  (``WordEntry.merge=False``, ``qualcode wordcloud --no-merge VARIANT``).
- Colour is the codebook colour of the word's primary category: the category most of its
  respondents' answers were coded with, ties going to the category that comes first in the
  codebook. Words with no category are grey, or left out.
- The same input gives the same image: fixed layout seed, sorted input, bundled font.
"""

from __future__ import annotations

import io
import logging
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from qualcode.tagging.codebook import Codebook

# Light grey, so "uncoded" never reads as a dark grey category colour (#525252 in skoleutbytte).
UNCODED_COLOR = "#BDBDBD"
UNCODED_LABEL = {"nb": "Ukodet", "en": "Uncoded"}
LAYOUT_SEED = 20211101


@dataclass(frozen=True)
class WordEntry:
    """One word (or short phrase) one respondent wrote, with the categories it was coded with.

    ``key`` is what merges variants (bokmål lemmas); ``primary`` the entry's primary category;
    ``merge=False`` keeps the written form apart (an analyst undid the merge).
    """

    respondent: Hashable
    text: str
    key: tuple[str, ...]
    primary: str | None
    categories: tuple[str, ...] = ()
    merge: bool = True


@dataclass
class WordCount:
    word: str  # the form shown in the cloud: the one respondents wrote most often (ties: the lemma)
    respondents: int
    category: str | None
    color: str
    forms: list[str] = field(default_factory=list)  # how respondents wrote it, most frequent first
    lemma: str = ""  # what the variants merged on
    variants: list[tuple[str, int]] = field(default_factory=list)  # (written form, respondents), most first


@lru_cache(maxsize=1)
def font_path() -> str:
    """DejaVu Sans from matplotlib (a dependency of wordcloud): it has æ, ø and å."""
    import matplotlib

    return str(Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf")


def _merge_typos(respondents: dict[tuple, set]) -> dict[tuple, tuple]:
    """Where each one-word key that the lexicon does not know goes: the key within its typo limit
    that most respondents wrote, if that one is known or more common («vennskapp» → vennskap)."""
    from qualcode.nlp.lemmatizer import is_known_word
    from qualcode.tagging.fuzzy import FuzzyIndex

    single = {key[0]: key for key in respondents if len(key) == 1 and not key[0].startswith("=")}
    index = FuzzyIndex(single)
    moves: dict[tuple, tuple] = {}
    for word, key in single.items():
        if is_known_word(word):
            continue
        targets = [t for t in index.lookup(word) if t != word and (
            is_known_word(t) or len(respondents[single[t]]) > len(respondents[key]))]
        if targets:
            best = min(targets, key=lambda t: (-len(respondents[single[t]]), t))
            moves[key] = single[best]
    return moves


def count_words(entries: Iterable[WordEntry], codebook: Codebook) -> list[WordCount]:
    """Merge entries by key and count distinct respondents; sorted by respondents, then word."""
    entries = [e for e in entries if e.key]
    respondents: dict[tuple, set] = defaultdict(set)

    def key_of(e: WordEntry) -> tuple:
        return e.key if e.merge else ("=" + e.text.strip().lower(),)

    for e in entries:
        respondents[key_of(e)].add(e.respondent)
    moves = _merge_typos(respondents)
    forms: dict[tuple, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    votes: dict[tuple, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    merged: dict[tuple, set] = defaultdict(set)
    for e in entries:
        key = key_of(e)
        key = moves.get(key, key)
        merged[key].add(e.respondent)
        forms[key][" ".join(e.text.split())].add(e.respondent)
        if e.primary:
            votes[key][e.primary].add(e.respondent)
    colors = codebook.colors
    result = []
    for key, who in merged.items():
        by_category = votes.get(key, {})
        category = min(by_category, key=lambda c: (-len(by_category[c]), codebook.order.get(c, 10**6))) if by_category else None
        variants = sorted(((f, len(r)) for f, r in forms[key].items()), key=lambda fc: (-fc[1], fc[0]))
        lemma = key[0][1:] if key[0].startswith("=") else " ".join(key)
        most = [f for f, n in variants if n == variants[0][1]]
        word = most[0] if len(most) == 1 else lemma
        result.append(WordCount(word, len(who), category, colors.get(category, UNCODED_COLOR),
                                [f for f, _ in variants], lemma, variants))
    # Two keys may read the same (a variant kept apart, or a phrase that equals a lemma).
    seen: dict[str, WordCount] = {}
    for wc in sorted(result, key=lambda w: (-w.respondents, w.word)):
        if wc.word in seen:
            wc.word = f"{wc.word} ({wc.lemma})" if wc.lemma != wc.word else f"{wc.word}*"
        seen[wc.word] = wc
    return sorted(result, key=lambda w: (-w.respondents, w.word))


def entry_key(tokens: list[tuple[str, str, bool]]) -> tuple[str, ...]:
    """Merge key of an answer from its tokens ``(text, lemma, is_stop)``: the bokmål lemmas of its
    content words («SPRÅKFERDIGHETER», «språkferdighetene» and «samhald»/«samhold» merge)."""
    from qualcode.tagging.lexicon import normalised_lemma

    content = [normalised_lemma(text, lemma) for text, lemma, stop in tokens if not stop and re.search(r"\w", text)]
    if not content:
        content = [normalised_lemma(text, lemma) for text, lemma, _ in tokens if re.search(r"\w", text)]
    return tuple(content)


@dataclass
class Cloud:
    """A rendered cloud: SVG text and PNG bytes, plus the words it shows."""

    svg: str
    png: bytes
    words: list[WordCount]
    legend: list[tuple[str, str]] = field(default_factory=list)  # (label, colour) as drawn below the cloud

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".svg":
            path.write_text(self.svg, encoding="utf-8")
        elif path.suffix.lower() == ".png":
            path.write_bytes(self.png)
        else:
            raise ValueError(f"{path}: a cloud is saved as .svg or .png")
        return path


def _legend_items(words: list[WordCount], codebook: Codebook, language: str) -> list[tuple[str, str]]:
    shown = {w.category for w in words}
    items = [(c.label, c.color) for c in codebook.categories if c.id in shown]
    if None in shown:
        items.append((UNCODED_LABEL.get(language, "Uncoded"), UNCODED_COLOR))
    return items


def render_cloud(counts: list[WordCount], codebook: Codebook, *, title: str, n: int, width: int = 1000,
                 height: int = 560, max_words: int = 120, show_uncoded: bool = True, language: str = "nb") -> Cloud:
    """Lay out and draw a cloud with a title (with N) above and a legend below; SVG and PNG."""
    from PIL import Image, ImageDraw, ImageFont
    from wordcloud import WordCloud

    words = [w for w in counts if show_uncoded or w.category is not None][:max_words]
    if not words:
        raise ValueError("no words to draw (after filters and noise removal)")
    color_of = {w.word: w.color for w in words}
    cloud = WordCloud(font_path=font_path(), width=width, height=height, background_color="white",
                      random_state=LAYOUT_SEED, prefer_horizontal=1.0, max_words=max_words, margin=14,
                      relative_scaling=0.6, min_font_size=11, collocations=False, normalize_plurals=False,
                      color_func=lambda word, **_: color_of[word])
    cloud.generate_from_frequencies({w.word: w.respondents for w in sorted(words, key=lambda w: w.word)})
    legend = _legend_items(words, codebook, language)
    heading = f"{title} (N = {n})"

    # -- PNG: the cloud with a title band above and a legend band below --
    font = ImageFont.truetype(font_path(), 26)
    small = ImageFont.truetype(font_path(), 18)
    rows, x, row_width = [[]], 0, width - 40
    for label, color in legend:
        item = 28 + int(small.getlength(label)) + 28
        if x + item > row_width and rows[-1]:
            rows.append([])
            x = 0
        rows[-1].append((label, color))
        x += item
    top, bottom = 56, 20 + 30 * len(rows)
    canvas = Image.new("RGB", (width, height + top + bottom), "white")
    draw = ImageDraw.Draw(canvas)
    draw.text((20, 14), heading, font=font, fill="#222222")
    canvas.paste(cloud.to_image(), (0, top))
    y = top + height + 10
    for row in rows:
        x = 20
        for label, color in row:
            draw.rectangle([x, y + 3, x + 18, y + 21], fill=color)
            draw.text((x + 26, y), label, font=small, fill="#222222")
            x += 28 + int(small.getlength(label)) + 28
        y += 30
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")

    # -- SVG: the same, with the cloud's own SVG nested and the font embedded --
    # The embedded subset gets a family name of its own, and its rules apply inside this SVG only:
    # inlined into an HTML page, a subset named 'DejaVu Sans' would replace the page's font.
    font_face, family = _font_face(heading + "".join(w.word for w in words) + "".join(l for l, _ in legend))
    fonts = f"'{family}', 'DejaVu Sans', sans-serif"
    inner = cloud.to_svg(embed_font=False)
    inner = inner.replace("<svg ", f'<svg x="0" y="{top}" ', 1)
    inner = re.sub(r"<style>text\{font-family:[^;]*;", lambda _: f"<style>{font_face}.{family} text{{font-family:{fonts};", inner, count=1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + top + bottom}" '
             f'viewBox="0 0 {width} {height + top + bottom}" role="img" aria-label="{escape(heading)}" class="{family}">',
             '<rect width="100%" height="100%" fill="white"/>',
             f'<text x="20" y="40" font-family="{fonts}" font-size="26" fill="#222222" class="title">{escape(heading)}</text>',
             inner]
    y = top + height + 10
    for row in rows:
        x = 20
        for label, color in row:
            parts.append(f'<g class="legend"><rect x="{x}" y="{y + 3}" width="18" height="18" fill="{color}"/>'
                         f'<text x="{x + 26}" y="{y + 18}" font-family="{fonts}" font-size="18" fill="#222222">{escape(label)}</text></g>')
            x += 28 + int(small.getlength(label)) + 28
        y += 30
    parts.append("</svg>")
    return Cloud("\n".join(parts), buffer.getvalue(), words, legend)


def _font_face(text: str) -> tuple[str, str]:
    """A CSS @font-face with DejaVu Sans cut down to the characters of ``text``, as WOFF, and its family name.

    Built here rather than by wordcloud so the bytes are the same every time: sorted
    characters, and the font's timestamp left as it is. The family name is unique to the
    character set ("qualcode-cloud-3f2a…"), so two clouds on one page never borrow each other's subset.
    """
    import base64
    import hashlib

    import fontTools.subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # chatter about tables it drops
    options = fontTools.subset.Options(hinting=False, desubroutinize=True, ignore_missing_glyphs=True)
    font = TTFont(font_path(), recalcTimestamp=False)
    subsetter = fontTools.subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(text))))
    subsetter.subset(font)
    font.flavor = "woff"
    buffer = io.BytesIO()
    font.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    family = "qualcode-cloud-" + hashlib.sha1("".join(sorted(set(text))).encode("utf-8")).hexdigest()[:12]
    return (f"@font-face{{font-family:'{family}';font-weight:normal;font-style:normal;"
            f'src:url("data:font/woff;base64,{data}")format("woff");}}', family)


def write_table(counts: list[WordCount], path: str | Path, codebook: Codebook) -> Path:
    """The cloud's table, sorted by respondents: ``word, lemma, respondents, category, color, variants``.

    ``variants`` lists every written form merged into the word with its respondents
    ("vennskap (17); venskap (4); vennskapp (1)"), so a merge can be checked and undone.
    """
    import csv

    from qualcode.exchange.cells import csv_row

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    labels = {c.id: c.label for c in codebook.categories}
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["word", "lemma", "respondents", "category", "color", "variants"])
        for w in counts:  # words and labels come from other people's files: never a formula (see exchange.cells)
            writer.writerow(csv_row([w.word, w.lemma, w.respondents, labels.get(w.category, ""), w.color,
                                     "; ".join(f"{form} ({n})" for form, n in w.variants)]))
    return path
