"""Start page: who is coding, with which codebook, and where the project stands."""

import streamlit as st

from qualcode.analysis.numbers import number, percent
from qualcode.app.common import codebooks, css_colour, h, page, remember, t
from qualcode.app.login import signed_in
from qualcode.review.queue import overview

ready = page("start", needs_setup=False)
if ready:
    proj, _, _ = ready
    books = codebooks(proj)
    keys = list(books)
    current = st.session_state.get("codebook")
    col1, col2 = st.columns(2)
    if signed_in() is None:  # without user accounts the coder types a name; with them it is the signed-in user
        coder = col1.text_input(t("coder"), value=st.session_state.get("coder", ""), help=t("coder_help"), key="coder_input")
        remember(coder=coder.strip())
    codebook = col2.selectbox(t("codebook"), keys, index=keys.index(current) if current in keys else 0,
                              format_func=books.get, key="codebook_input")
    remember(codebook=codebook)
    ov = overview(proj, codebook)
    st.subheader(t("overview"))
    a, b, c, d = st.columns(4)
    a.metric(t("documents"), number(sum(ov.documents.values())), help=t("documents_help"))
    b.metric(t("respondents"), number(ov.respondents), help=t("respondents_help"))
    c.metric(t("units"), number(ov.codable), help=t("units_help"))
    # One decimal below 10 %: the first decisions of a large project must move the figure.
    d.metric(t("progress"), percent(100 * ov.progress, 1 if 0 < ov.progress < 0.1 else 0), help=t("progress_help"))
    st.progress(ov.progress)
    st.caption(t("progress_detail").format(decided=number(ov.decided), total=number(ov.decided + ov.suggestions),
                                           waiting=number(ov.suggestions), segments=number(ov.waiting_segments)))
    st.subheader(t("per_category"), help=t("per_category_help"))
    top = max((n for *_, n in ov.per_category), default=1) or 1
    rows = "".join(
        f'<tr><td><span style="display:inline-block;width:12px;height:12px;background:{css_colour(color)};margin-right:6px">'
        f'</span>{h(label)}</td><td style="text-align:right;padding:0 8px">{number(n)}</td><td><span style="display:inline-block;'
        f'height:12px;width:{240 * n / top:.0f}px;background:{css_colour(color)}"></span></td></tr>'
        for _, label, color, n in ov.per_category)  # labels and colours may come from an imported .qdc: escaped
    st.html(f"<table>{rows}</table>")
