"""The analysis report: one self-contained HTML file (no external assets) plus the cloud images.

>>> build_report(project, out_dir, clouds={"elev_ord": elev}, interview_codebooks=[elev, erasmus])  # doctest: +SKIP
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language

from qualcode.analysis.counts import category_counts, open_model_suggestions
from qualcode.analysis.stats import best_quotes, group_table
from qualcode.analysis.words import project_words
from qualcode.store import Project
from qualcode.store.summary import project_summary
from qualcode.tagging.codebook import Codebook
from qualcode.wordcloud import count_words, render_cloud, write_table

QUESTION_TITLES = {
    "elev": "Elevenes utbytte", "laerer": "Lærernes utbytte", "lærer": "Lærernes utbytte", "skole": "Skolens utbytte",
}
CSS = """
body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em} h2{margin-top:2em;border-bottom:2px solid #ddd;padding-bottom:.2em}
h3{margin-top:1.4em} .meta{color:#555} figure{margin:1em 0} figure svg{width:100%;height:auto;border:1px solid #eee}
table{border-collapse:collapse;margin:.6em 0;font-size:.95em} th,td{padding:.3em .6em;border-bottom:1px solid #e4e4e4;text-align:left}
td.num,th.num{text-align:right} .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;vertical-align:-1px}
.bar{height:.8em;display:inline-block;vertical-align:middle} .barcell{width:260px}
blockquote{margin:.6em 0 .6em 0;padding:.4em 1em;border-left:5px solid #ccc;background:#fafafa}
blockquote cite{display:block;color:#555;font-style:normal;margin-top:.2em} .note{color:#666;font-size:.9em}
"""


def question_title(question: str) -> str:
    stem = question.split("_")[0].lower()
    return QUESTION_TITLES.get(stem, question)


def _e(text) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class ReportFiles:
    html: Path
    images: list[Path]


def _group_section(table, codebook: Codebook) -> str:
    head = "".join(f'<th class="num">{_e(g)}<br><span class="note">N = {table.n[g]}</span></th><th class="barcell"></th>'
                   for g in table.groups)
    rows = []
    # Bars share one scale, the table's largest share, so small interview shares stay visible.
    top = max((table.percent(g, c.id) for g in table.groups for c in codebook.categories), default=0) or 1
    for c in codebook.categories:
        cells = ""
        for g in table.groups:
            pct = table.percent(g, c.id)
            cells += (f'<td class="num">{table.counts[g].get(c.id, 0)} ({pct:.0f} %)</td>'
                      f'<td class="barcell"><span class="bar" style="width:{240 * pct / top:.0f}px;background:{c.color}"></span></td>')
        rows.append(f'<tr><td><span class="swatch" style="background:{c.color}"></span>{_e(c.label)}</td>{cells}</tr>')
    unit = ("Andel respondenter per gruppe ({by}); en respondent telles én gang per kategori."
            if table.unit == "respondents" else
            "Andel av gruppens kodbare intervjusegmenter ({by}) som har kategorien.")
    return f'<table><tr><th>Kategori</th>{head}</tr>{"".join(rows)}</table><p class="note">{unit.format(by=_e(table.by))}</p>'


def _waiting_model_suggestions(project: Project, codebooks: list[Codebook]) -> list[str]:
    """A note for each codebook with model suggestions not reviewed yet: the reader learns they are not counted."""
    notes = []
    for codebook in {book.id: book for book in codebooks}.values():
        waiting = open_model_suggestions(project, codebook)
        if waiting:
            notes.append(f'<p class="note">Kodebok {_e(codebook.name)}: {waiting} modellforslag venter på gjennomgang '
                         f'og er ikke talt med i tallene, ordskyene eller sitatene.</p>')
    return notes


def build_report(project: Project, out_dir: Path, clouds: dict[str, Codebook], interview_codebooks: list[Codebook],
                 by: str | None = "skolenivå", nlp: Language | None = None, title: str = "Analyserapport") -> ReportFiles:
    """Write ``report.html`` and the cloud images (PNG and SVG, with CSV tables) into ``out_dir``."""
    from qualcode.nlp import load_pipeline

    nlp = nlp or load_pipeline()
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = project_summary(project)
    images: list[Path] = []
    body = [f"<h1>{_e(title)}</h1>",
            f'<p class="meta">Prosjekt {_e(Path(project.location).name)} · laget {date.today().isoformat()} med qualcode · '
            f'{sum(summary.documents.values())} dokumenter, {summary.respondents} respondenter</p>']
    body += _waiting_model_suggestions(project, [*clouds.values(), *interview_codebooks])
    if clouds:
        body.append("<h2>Ordskyer</h2><p>Ordets størrelse viser hvor mange respondenter som nevnte det (ikke hvor mange "
                    "ganger det ble skrevet); fargen viser hvilken kategori ordet hovedsakelig hører til. Bøyningsformer "
                    "er slått sammen.</p>")
    for question, codebook in clouds.items():
        words = project_words(project, codebook, question, nlp=nlp)
        counts = count_words(words.entries, codebook)
        heading = question_title(question)
        cloud = render_cloud(counts, codebook, title=heading, n=words.n)
        for suffix in (".svg", ".png"):
            images.append(cloud.save(out_dir / f"ordsky_{question}{suffix}"))
        images.append(write_table(counts, out_dir / f"ordsky_{question}.csv", codebook))
        svg = cloud.svg.split("\n", 0)[0]
        body.append(f"<h3>{_e(heading)} <span class='note'>(spørsmål «{_e(question)}», kodebok {_e(codebook.name)})</span></h3>")
        body.append(f'<figure>{svg}<figcaption class="note">N = {words.n} respondenter. Filer: ordsky_{_e(question)}.png, '
                    f'.svg, .csv</figcaption></figure>')
        if by:
            try:
                table = group_table(project, codebook, by, question)
                body.append(f"<h4>Sammenligning etter {_e(by)}</h4>" + _group_section(table, codebook))
            except ValueError as exc:
                body.append(f'<p class="note">Ingen gruppesammenligning: {_e(exc)}</p>')
    if interview_codebooks and summary.documents.get("interview"):
        body.append("<h2>Intervjuer</h2>")
    for codebook in interview_codebooks if summary.documents.get("interview") else []:
        block = next((b for b in category_counts(project, codebook) if b.unit == "segments"), None)
        if block is None:
            continue
        body.append(f"<h3>{_e(codebook.name)}</h3><table><tr><th>Kategori</th><th class='num'>Segmenter</th>"
                    f"<th class='num'>%</th><th class='num'>Intervjuer</th></tr>")
        for row in block.rows:
            body.append(f'<tr><td><span class="swatch" style="background:{row.color}"></span>{_e(row.label)}</td>'
                        f'<td class="num">{row.count}</td><td class="num">{row.percent:.1f}</td><td class="num">{row.documents} av {block.documents}</td></tr>')
        body.append(f"</table><p class='note'>N = {block.n} kodbare segmenter i {block.documents} intervjuer.</p>")
        if by:
            try:
                body.append(f"<h4>Etter {_e(by)}</h4>" + _group_section(group_table(project, codebook, by), codebook))
            except ValueError:
                pass
        body.append("<h4>Sitater</h4>")
        for c in codebook.categories:
            quotes = best_quotes(project, codebook, c.id, limit=2)
            if not quotes:
                continue
            body.append(f'<p><span class="swatch" style="background:{c.color}"></span><strong>{_e(c.label)}</strong></p>')
            for q in quotes:
                status = "" if q.status == "accepted" else " <span class='note'>(forslag, ikke gjennomgått)</span>"
                body.append(f'<blockquote style="border-left-color:{c.color}">«{_e(q.text)}»<cite>{_e(q.attribution)}{status}</cite></blockquote>')
    page = ("<!DOCTYPE html><html lang='nb'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{_e(title)}</title>"
            f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>")
    path = out_dir / "report.html"
    path.write_text(page, encoding="utf-8")
    return ReportFiles(path, images)
