"""The analysis report: what it says, gathered once, then written as HTML or as a Word document.

>>> content = report_content(project, clouds={"elev_ord": elev}, interview_codebooks=[elev, erasmus])  # doctest: +SKIP
>>> build_report(project, out_dir, clouds={"elev_ord": elev}, interview_codebooks=[elev, erasmus])  # doctest: +SKIP
>>> build_docx_report(project, out_dir / "rapport.docx", clouds={"elev_ord": elev}, interview_codebooks=[elev])  # doctest: +SKIP

The queries live here; ``report_html`` (a Jinja2 template) and ``report_docx`` (python-docx) only
lay out a :class:`ReportContent`, so the two formats always carry the same content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language

from qualcode.analysis.counts import CountBlock, category_counts, open_model_suggestions
from qualcode.analysis.stats import GroupTable, Quote, best_quotes, group_table
from qualcode.analysis.words import project_words
from qualcode.store import Project
from qualcode.store.questions import question_settings
from qualcode.store.summary import project_summary
from qualcode.tagging.codebook import Codebook
from qualcode.wordcloud import Cloud, WordCount, count_words, render_cloud, write_table

@dataclass(frozen=True)
class ComparisonRow:
    """One category across the groups: ``cells`` holds (count, percent of the group's N) per group."""

    label: str
    color: str
    cells: list[tuple[int, float]]


@dataclass(frozen=True)
class Comparison:
    """A category × group table; every percent is a share of its group's N (bars run 0–100 %)."""

    by: str
    unit: str  # "respondents" or "segments"
    groups: list[tuple[str, int]]  # (group, N)
    rows: list[ComparisonRow]

    @property
    def note(self) -> str:
        if self.unit == "respondents":
            return f"Andel respondenter per gruppe ({self.by}); en respondent telles én gang per kategori."
        return f"Andel av gruppens kodbare intervjusegmenter ({self.by}) som har kategorien."


@dataclass(frozen=True)
class CloudSection:
    question: str
    title: str
    codebook: str
    n: int
    cloud: Cloud  # with the legend drawn below it
    words: list[WordCount]  # every word, also those the cloud has no room for
    comparison: Comparison | None
    no_comparison: str | None = None  # why there is no comparison, when one was asked for


@dataclass(frozen=True)
class QuoteGroup:
    label: str
    color: str
    quotes: list[Quote]


@dataclass(frozen=True)
class InterviewSection:
    codebook: str
    counts: CountBlock
    comparison: Comparison | None
    quotes: list[QuoteGroup]


@dataclass
class ReportContent:
    """Everything the report says, in reading order."""

    title: str
    project: str
    created: date
    documents: int
    respondents: int
    by: str | None
    notes: list[str] = field(default_factory=list)
    clouds: list[CloudSection] = field(default_factory=list)
    interviews: list[InterviewSection] = field(default_factory=list)


@dataclass
class ReportFiles:
    html: Path
    images: list[Path]


def comparison(table: GroupTable, codebook: Codebook) -> Comparison:
    rows = [ComparisonRow(c.label, c.color, [(table.counts[g].get(c.id, 0), table.percent(g, c.id)) for g in table.groups])
            for c in codebook.categories]
    return Comparison(table.by, table.unit, [(g, table.n[g]) for g in table.groups], rows)


def _waiting_model_suggestions(project: Project, codebooks: list[Codebook]) -> list[str]:
    """A note for each codebook with model suggestions not reviewed yet: the reader learns they are not counted."""
    notes = []
    for codebook in {book.id: book for book in codebooks}.values():
        waiting = open_model_suggestions(project, codebook)
        if waiting:
            notes.append(f"Kodebok {codebook.name}: {waiting} modellforslag venter på gjennomgang "
                         "og er ikke talt med i tallene, ordskyene eller sitatene.")
    return notes


def report_content(project: Project, clouds: dict[str, Codebook], interview_codebooks: list[Codebook],
                   by: str | None = None, nlp: Language | None = None, title: str = "Analyserapport",
                   question_titles: dict[str, str] | None = None, quotes_per_category: int = 2) -> ReportContent:
    """Gather the report: a cloud (and a group comparison) per survey question, counts and quotes per codebook.

    A question's title and comparison variable are its settings stored in the project (see
    :mod:`qualcode.store.questions`); ``question_titles`` overrides titles, and ``by`` compares
    every question and the interviews by one variable.
    """
    from qualcode.nlp import load_pipeline

    nlp = nlp or load_pipeline()
    titles = question_titles or {}
    settings = question_settings(project)
    summary = project_summary(project)
    content = ReportContent(title, Path(project.location).name, date.today(), sum(summary.documents.values()),
                            summary.respondents, by, _waiting_model_suggestions(project, [*clouds.values(), *interview_codebooks]))
    for question, codebook in clouds.items():
        words = project_words(project, codebook, question, nlp=nlp)
        counts = count_words(words.entries, codebook)
        stored = settings.get(question)
        heading = titles.get(question) or (stored.heading if stored else question)
        question_by = by or (stored.by if stored else None)
        cloud = render_cloud(counts, codebook, title=heading, n=words.n)
        table, reason = None, None
        if question_by:
            try:
                table = comparison(group_table(project, codebook, question_by, question), codebook)
            except ValueError as exc:
                reason = str(exc)
        content.clouds.append(CloudSection(question, heading, codebook.name, words.n, cloud, counts, table, reason))
    if not summary.documents.get("interview"):
        return content
    for codebook in interview_codebooks:
        block = next((b for b in category_counts(project, codebook) if b.unit == "segments"), None)
        if block is None:
            continue
        table = None
        if by:
            try:
                table = comparison(group_table(project, codebook, by), codebook)
            except ValueError:
                table = None
        quotes = [QuoteGroup(c.label, c.color, found) for c in codebook.categories
                  if (found := best_quotes(project, codebook, c.id, limit=quotes_per_category))]
        content.interviews.append(InterviewSection(codebook.name, block, table, quotes))
    return content


def save_clouds(content: ReportContent, out_dir: Path, clouds: dict[str, Codebook]) -> list[Path]:
    """Each cloud as ``ordsky_QUESTION.svg``, ``.png`` and its word table ``.csv``."""
    images = []
    for section in content.clouds:
        for suffix in (".svg", ".png"):
            images.append(section.cloud.save(out_dir / f"ordsky_{section.question}{suffix}"))
        images.append(write_table(section.words, out_dir / f"ordsky_{section.question}.csv", clouds[section.question]))
    return images


def build_report(project: Project, out_dir: Path, clouds: dict[str, Codebook], interview_codebooks: list[Codebook],
                 by: str | None = None, nlp: Language | None = None, title: str = "Analyserapport",
                 question_titles: dict[str, str] | None = None) -> ReportFiles:
    """Write ``report.html`` (self-contained) and the cloud images (PNG and SVG, with CSV tables) into ``out_dir``."""
    from qualcode.analysis.report_html import render_html

    content = report_content(project, clouds, interview_codebooks, by, nlp, title, question_titles)
    out_dir.mkdir(parents=True, exist_ok=True)
    images = save_clouds(content, out_dir, clouds)
    path = out_dir / "report.html"
    path.write_text(render_html(content), encoding="utf-8")
    return ReportFiles(path, images)


def build_docx_report(project: Project, path: Path, clouds: dict[str, Codebook], interview_codebooks: list[Codebook],
                      by: str | None = None, nlp: Language | None = None, title: str = "Analyserapport",
                      question_titles: dict[str, str] | None = None) -> Path:
    """Write the report as a Word document (clouds as pictures, tables as Word tables, built-in styles)."""
    from qualcode.analysis.report_docx import render_docx

    content = report_content(project, clouds, interview_codebooks, by, nlp, title, question_titles)
    path.parent.mkdir(parents=True, exist_ok=True)
    render_docx(content).save(str(path))
    return path
