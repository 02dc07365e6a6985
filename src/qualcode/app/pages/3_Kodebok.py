"""Codebook view: categories, colours, definitions and terms; add or remove a term and re-code at once."""

import time
from pathlib import Path

import streamlit as st

from qualcode.analysis.numbers import number
from qualcode.app.common import codebooks, css_colour, h, md, page, t
from qualcode.app.login import may_edit_codebooks
from qualcode.app.login import text as login_text
from qualcode.tagging import CodebookError, load_codebook
from qualcode.tagging.apply import code_project
from qualcode.tagging.edit import RULE_KEYS, add_term, remove_term


@st.cache_resource
def _nlp():
    from qualcode.nlp import load_pipeline

    return load_pipeline()


ready = page("codebook_view")
if ready:
    proj, codebook, coder = ready
    name, source = codebooks(proj)[codebook]
    if not source or not Path(source).exists():
        st.warning(t("codebook_missing").format(source=md(source)))
        st.stop()
    cb = load_codebook(source)
    st.caption(f"{md(cb.name)} · {md(source)}")

    def edit(action, category: str, key: str, widget: str) -> None:
        term = st.session_state.get(widget, "").strip()
        if not term:
            return
        try:
            updated = action(source, category, term, key)
            start = time.perf_counter()
            report = code_project(proj, updated, _nlp())
            st.session_state.flash = t("recoded") + ": " + t("recoded_detail").format(
                segments=number(report.segments), new=number(report.suggested), withdrawn=number(report.withdrawn),
                seconds=number(time.perf_counter() - start, 1))
            st.session_state[widget] = ""
        except CodebookError as exc:
            st.session_state.flash = f"⚠ {exc}"

    editing = may_edit_codebooks()  # admins (or anyone on a project without accounts)
    if not editing:
        st.info(login_text("admins_only"))
    if "flash" in st.session_state:
        st.success(md(st.session_state.pop("flash")))
    for category in cb.categories:
        with st.expander(md(category.label)):  # labels and descriptions may come from an imported .qdc
            st.html(f'<span style="display:inline-block;width:14px;height:14px;background:{css_colour(category.color)}">'
                    f'</span> <code>{h(category.id)}</code> · {h(category.color)}')
            st.markdown(f"**{t('description')}:** {md(category.description)}")
            for key in RULE_KEYS:
                values = getattr(category, key)
                if values:
                    st.text(f"{t('rule_' + key)}: " + ", ".join(values))
            if not editing:
                continue
            c1, c2, c3, c4 = st.columns([3, 2, 1, 1])
            c1.text_input(t("term"), key=f"term_{category.id}")
            kind = c2.selectbox(t("kind"), RULE_KEYS, key=f"kind_{category.id}", format_func=lambda k: t(f"rule_{k}"))
            c3.button(t("add_term"), key=f"add_{category.id}", on_click=edit, args=(add_term, category.id, kind, f"term_{category.id}"))
            c4.button(t("remove_term"), key=f"remove_{category.id}", on_click=edit, args=(remove_term, category.id, kind, f"term_{category.id}"))
