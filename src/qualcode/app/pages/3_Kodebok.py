"""Codebook view: the codebook stored in the project; add, remove or move a term, edit a description,
add an exclusion, undo the last change, download the YAML. Every edit is a new version and re-codes at once."""

import time

import streamlit as st

from qualcode.analysis.numbers import number
from qualcode.app.common import css_colour, h, md, page, t
from qualcode.app.login import may_edit_codebooks
from qualcode.app.login import text as login_text
from qualcode.store import ProjectError
from qualcode.store.codebooks import edit_stored_codebook, stored_codebook, undo_last_change, undo_target, versions
from qualcode.tagging import CodebookError
from qualcode.tagging.apply import code_project
from qualcode.tagging.edit import RULE_KEYS, with_description, with_term, with_term_moved, without_term


@st.cache_resource
def _nlp():
    from qualcode.nlp import load_pipeline

    return load_pipeline()


ready = page("codebook_view")
if ready:
    proj, codebook, coder = ready
    try:
        cb = stored_codebook(proj, codebook)
    except ProjectError as exc:  # a project upgraded without its codebook file: the message names the file
        st.warning(md(exc))
        st.stop()
    latest = versions(proj, codebook)[-1]
    st.caption(f"{md(cb.name)} · {t('version')} {latest.number} · {md(latest.author or '-')}, "
               f"{latest.created_at:%Y-%m-%d %H:%M} · {md(latest.summary)}")

    def recode(updated) -> None:
        start = time.perf_counter()
        report = code_project(proj, updated, _nlp(), author=coder)
        st.session_state.flash = t("recoded") + ": " + t("recoded_detail").format(
            segments=number(report.retagged), new=number(report.suggested), withdrawn=number(report.withdrawn),
            seconds=number(time.perf_counter() - start, 1))

    def edit(change, *args) -> None:
        """Apply one edit to the stored YAML (a new version by this coder), then re-code."""
        try:
            recode(edit_stored_codebook(proj, codebook, lambda text: change(text, *args, source=codebook), author=coder))
        except CodebookError as exc:
            st.session_state.flash = f"⚠ {exc}"

    def add(category: str) -> None:
        term = st.session_state.get(f"term_{category}", "").strip()
        if term:
            edit(with_term, category, term, st.session_state[f"kind_{category}"])
            st.session_state[f"term_{category}"] = ""

    def remove(category: str) -> None:
        chosen = st.session_state.get(f"existing_{category}")
        if chosen:
            edit(without_term, category, chosen[1], chosen[0])

    def move(category: str) -> None:
        chosen, target = st.session_state.get(f"existing_{category}"), st.session_state.get(f"target_{category}")
        if chosen and target:
            edit(with_term_moved, category, chosen[1], target, chosen[0])

    def describe(category: str) -> None:
        edit(with_description, category, st.session_state.get(f"description_{category}", ""))

    def undo() -> None:
        recode(undo_last_change(proj, codebook, coder))
        st.session_state.flash = f"{t('undone')}. " + st.session_state.flash

    editing = may_edit_codebooks()  # admins (or anyone on a project without accounts)
    if not editing:
        st.info(login_text("admins_only"))
    c1, c2 = st.columns(2)
    if editing:
        c1.button(t("undo"), key="undo", on_click=undo, disabled=undo_target(proj, codebook) is None)
    c2.download_button(t("download_yaml"), cb.text, file_name=f"{codebook}.yaml", mime="application/x-yaml", key="download")
    if "flash" in st.session_state:
        st.success(md(st.session_state.pop("flash")))
    labels = {c.id: c.label for c in cb.categories}
    for category in cb.categories:
        with st.expander(md(category.label)):  # labels and descriptions may come from an imported .qdc
            st.html(f'<span style="display:inline-block;width:14px;height:14px;background:{css_colour(category.color)}">'
                    f'</span> <code>{h(category.id)}</code> · {h(category.color)}')
            if not editing:
                st.markdown(f"**{t('description')}:** {md(category.description)}")
            for key in RULE_KEYS:
                values = getattr(category, key)
                if values:
                    st.text(f"{t('rule_' + key)}: " + ", ".join(values))
            if not editing:
                continue
            st.text_area(t("description"), value=category.description, key=f"description_{category.id}")
            st.button(t("save_description"), key=f"describe_{category.id}", on_click=describe, args=(category.id,))
            c1, c2, c3 = st.columns([3, 2, 1])
            c1.text_input(t("term"), key=f"term_{category.id}")
            c2.selectbox(t("kind"), RULE_KEYS, key=f"kind_{category.id}", format_func=lambda k: t(f"rule_{k}"))
            c3.button(t("add_term"), key=f"add_{category.id}", on_click=add, args=(category.id,))
            existing = [(key, term) for key in RULE_KEYS for term in getattr(category, key)]
            if existing:
                d1, d2, d3, d4 = st.columns([3, 1, 2, 1])
                d1.selectbox(t("remove_which"), existing, key=f"existing_{category.id}",
                             format_func=lambda pair: f"{pair[1]} ({t('rule_' + pair[0])})")
                d2.button(t("remove_term"), key=f"remove_{category.id}", on_click=remove, args=(category.id,))
                d3.selectbox(t("move_to"), [c for c in labels if c != category.id], key=f"target_{category.id}",
                             format_func=labels.get)
                d4.button(t("move_term"), key=f"move_{category.id}", on_click=move, args=(category.id,))
