"""The report as a Word document, for project leads who write their evaluation reports in Word.

>>> render_docx(report_content(project, clouds, interview_codebooks)).save("rapport.docx")  # doctest: +SKIP

The same content as the HTML page, in Word's own building blocks so the lead can restyle it and
cross-reference it: the built-in Title, Heading 1–3, Caption and Quote styles; figure and table
captions numbered with SEQ fields ("Figur 1", "Tabell 1", as Word's Insert Caption writes them);
each cloud a PNG picture with its legend; comparisons as real tables with a column in the
category's colour; quotes with their "(rolle, skoletype)" attribution. A4, Norwegian proofing.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from qualcode.analysis.numbers import number, percent
from qualcode.analysis.report import Comparison, ReportContent
from qualcode.store.values import Status

TEXT_WIDTH = Cm(16)  # A4 with 2.5 cm margins


def render_docx(content: ReportContent) -> Document:
    """A python-docx ``Document`` holding the whole report; ``.save(path)`` writes it."""
    doc = Document()
    _page_and_language(doc, content.title)
    doc.add_heading(content.title, level=0)
    meta = doc.add_paragraph(f"Prosjekt {content.project} · laget {content.created.isoformat()} med qualcode · "
                             f"{number(content.documents)} dokumenter, {number(content.respondents)} respondenter")
    meta.style = doc.styles["Subtitle"]
    for note in content.notes:
        _note(doc, note)
    if content.clouds:
        doc.add_heading("Ordskyer", level=1)
        doc.add_paragraph("Ordets størrelse viser hvor mange respondenter som nevnte det (ikke hvor mange ganger det "
                          "ble skrevet); fargen viser hvilken kategori ordet hovedsakelig hører til. Bøyningsformer er "
                          "slått sammen.")
    for section in content.clouds:
        doc.add_heading(section.title, level=2)
        picture = doc.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        shape = picture.add_run().add_picture(io.BytesIO(section.cloud.png), width=TEXT_WIDTH)
        shape._inline.docPr.set("descr", f"Ordsky: {section.title} (N = {section.n}). Fargeforklaring: "
                                + ", ".join(label for label, _ in section.cloud.legend) + ".")
        _caption(doc, "Figur", f"{section.title}. N = {number(section.n)} respondenter "
                               f"(spørsmål «{section.question}», kodebok {section.codebook}).")
        if section.comparison:
            doc.add_heading(f"Sammenligning etter {section.comparison.by}", level=3)
            _comparison(doc, section.comparison, f"{section.title} etter {section.comparison.by}.")
        elif section.no_comparison:
            _note(doc, f"Ingen gruppesammenligning: {section.no_comparison}")
    if content.interviews:
        doc.add_heading("Intervjuer", level=1)
    for section in content.interviews:
        doc.add_heading(section.codebook, level=2)
        block = section.counts
        _caption(doc, "Tabell", f"{section.codebook}: kodede intervjusegmenter per kategori. N = {number(block.n)} "
                                f"kodbare segmenter i {number(block.documents or 0)} intervjuer.")
        rows = [[number(r.count), number(r.percent, 1), f"{number(r.documents or 0)} av {number(block.documents or 0)}"]
                for r in block.rows]
        _table(doc, ["Segmenter", "%", "Intervjuer"], [(r.label, r.color) for r in block.rows], rows)
        if section.comparison:
            doc.add_heading(f"Etter {section.comparison.by}", level=3)
            _comparison(doc, section.comparison, f"{section.codebook} etter {section.comparison.by}.")
        if section.quotes:
            doc.add_heading("Sitater", level=3)
        for group in section.quotes:
            label = doc.add_paragraph()
            label.paragraph_format.keep_with_next = True
            _swatch(label, group.color)
            label.add_run(group.label).bold = True
            for quote in group.quotes:
                paragraph = doc.add_paragraph(f"«{quote.text}» ", style="Quote")
                paragraph.add_run(quote.attribution).italic = False
                if quote.status != Status.ACCEPTED:
                    paragraph.add_run(" (forslag, ikke gjennomgått)").italic = False
    return doc


def _page_and_language(doc: Document, title: str) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    doc.core_properties.title = title
    doc.core_properties.language = "nb-NO"
    run_properties = doc.styles["Normal"].element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "nb-NO")
    run_properties.append(language)


def _note(doc: Document, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _caption(doc: Document, label: str, text: str) -> None:
    """A numbered caption ("Figur 1: …") in the Caption style, with a SEQ field Word renumbers and cross-references."""
    earlier = sum(1 for f in doc.element.body.iter(qn("w:fldSimple")) if f.get(qn("w:instr")).split()[1] == label)
    paragraph = doc.add_paragraph(style="Caption")
    paragraph.add_run(f"{label} ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" SEQ {label} \\* ARABIC ")
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = str(earlier + 1)
    run.append(text_element)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(f": {text}")
    if label == "Tabell":  # a table's caption stands above it
        paragraph.paragraph_format.keep_with_next = True


def _swatch(paragraph, color: str) -> None:
    run = paragraph.add_run("■ ")
    run.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())


def _shade(cell, color: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _table(doc: Document, headings: list[str], categories: list[tuple[str, str]], rows: list[list[str]]) -> Table:
    """A table: a narrow column in each category's colour, the category, then ``rows``' cells right-aligned."""
    table = doc.add_table(rows=1 + len(rows), cols=2 + len(headings))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    header = table.rows[0]
    _row_property(header, "w:tblHeader")  # the heading row repeats on every page the table spans
    for i, heading in enumerate(["", "Kategori", *headings]):
        cell = header.cells[i]
        _shade(cell, "#F2F2F2")
        cell.paragraphs[0].add_run(heading).bold = True
        cell.paragraphs[0].paragraph_format.keep_with_next = True
        if i >= 2:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for number_, (row, (label, color), values) in enumerate(zip(table.rows[1:], categories, rows), start=1):
        _row_property(row, "w:cantSplit")
        _shade(row.cells[0], color)
        row.cells[1].text = label
        for i, value in enumerate(values, start=2):
            row.cells[i].text = value
            row.cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if number_ < len(rows):  # a short table stays on one page
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
    widths = [Cm(0.6), Cm(6.4)] + [Cm(9 / len(headings))] * len(headings)
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _row_property(row, tag: str) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def _comparison(doc: Document, comparison: Comparison, caption: str) -> None:
    _caption(doc, "Tabell", f"{caption} {comparison.note}")
    headings = [f"{group}\nN\u00a0=\u00a0{number(n)}" for group, n in comparison.groups]
    rows = [[f"{number(count)} ({percent(pct)})" for count, pct in row.cells] for row in comparison.rows]
    _table(doc, headings, [(row.label, row.color) for row in comparison.rows], rows)
