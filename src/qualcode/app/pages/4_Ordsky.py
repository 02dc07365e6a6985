"""Word clouds and group comparisons from issue 5, with the same filters as the report; each
question's title, codebook and comparison variable are stored in the project and set here."""

import streamlit as st

from qualcode.analysis.numbers import percent
from qualcode.analysis.stats import group_table
from qualcode.analysis.words import AnalysisError, project_words
from qualcode.app.common import codebooks, lang, md, page, t
from qualcode.store import ProjectError
from qualcode.store.codebooks import stored_codebooks
from qualcode.store.questions import question_settings, set_question
from qualcode.store.summary import project_summary
from qualcode.wordcloud import count_words, render_cloud

ready = page("clouds")
if ready:
    proj, codebook, coder = ready
    settings = question_settings(proj)
    if not settings:
        st.info(t("no_survey"))
        st.stop()
    books = codebooks(proj)
    c1, c2, c3 = st.columns(3)
    question = c1.selectbox(t("question"), list(settings), key="cloud_question",
                            format_func=lambda q: f"{settings[q].title} ({q})" if settings[q].title else q)
    chosen = settings[question]
    try:
        # A question with a stored codebook is drawn with it; the others with the one chosen on the start page.
        cb = stored_codebooks(proj, [chosen.codebook if chosen.codebook in books else codebook])[0]
    except ProjectError as exc:
        st.warning(md(exc))
        st.stop()
    meta_text = c2.text_input(t("meta_filter"), key="cloud_meta", placeholder="variabel=verdi")
    by = c3.text_input(t("group_by"), value=chosen.by or "", key=f"cloud_by_{question}")
    where = {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in meta_text.split(",") if "=" in p)}
    try:
        words = project_words(proj, cb, question, where)
        cloud = render_cloud(count_words(words.entries, cb), cb, title=chosen.heading, n=words.n, language=lang())
        st.image(cloud.png, width="stretch")
        if by:
            table = group_table(proj, cb, by, question)
            st.dataframe({t("category"): [c.label for c in cb.categories],
                          **{f"{g} (N = {table.n[g]})": [f"{table.counts[g].get(c.id, 0)} ({percent(table.percent(g, c.id))})"
                                                       for c in cb.categories] for g in table.groups}})
    except (AnalysisError, ValueError) as exc:
        st.warning(md(exc))
    with st.expander(t("question_settings")):
        variables = [name for name, _, _ in project_summary(proj).variables]
        with st.form(f"question_{question}"):
            title = st.text_input(t("title"), value=chosen.title or "", key=f"q_title_{question}")
            keys = [None, *books]
            book = st.selectbox(t("codebook"), keys, index=keys.index(chosen.codebook) if chosen.codebook in keys else 0,
                                format_func=lambda k: books.get(k, t("none")), key=f"q_codebook_{question}")
            options = [None, *variables]
            group = st.selectbox(t("group_by"), options, index=options.index(chosen.by) if chosen.by in options else 0,
                                 format_func=lambda v: v or t("none"), key=f"q_by_{question}")
            if st.form_submit_button(t("save"), key=f"q_save_{question}"):
                set_question(proj, question, title=title.strip(), codebook=book, by=group)
                st.session_state.pop(f"cloud_by_{question}", None)
                st.rerun()
