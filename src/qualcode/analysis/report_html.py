"""The report as one self-contained HTML page, from a Jinja2 template with autoescaping.

>>> render_html(report_content(project, clouds, interview_codebooks))  # doctest: +SKIP

Every value is escaped by the template; the only markup let through unescaped is the clouds'
SVG, which :func:`qualcode.wordcloud.render_cloud` builds with its text already escaped.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2

from qualcode.analysis.numbers import number, percent
from qualcode.analysis.report import ReportContent


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("qualcode.analysis", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["number"] = number
    env.filters["percent"] = percent
    return env


def render_html(content: ReportContent) -> str:
    """The page for ``content``: clouds inline as SVG, tables with bars on one 0–100 % scale, quotes."""
    return _environment().get_template("report.html.j2").render(r=content)
