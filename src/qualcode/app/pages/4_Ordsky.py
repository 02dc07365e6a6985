"""Word clouds and group comparisons from issue 5, with the same filters as the report."""

import streamlit as st

from qualcode.analysis.numbers import percent
from qualcode.analysis.report import question_title
from qualcode.app.common import codebooks, lang, md, page, t
from qualcode.analysis.stats import group_table
from qualcode.analysis.words import AnalysisError, project_words
from qualcode.store.summary import project_summary
from qualcode.tagging import load_codebook
from qualcode.wordcloud import count_words, render_cloud

ready = page("clouds")
if ready:
    proj, codebook, coder = ready
    questions = list(project_summary(proj).questions)
    if not questions:
        st.info(t("no_survey"))
        st.stop()
    cb = load_codebook(codebooks(proj)[codebook][1])
    c1, c2, c3 = st.columns(3)
    question = c1.selectbox(t("question"), questions, key="cloud_question")
    meta_text = c2.text_input(t("meta_filter"), key="cloud_meta", placeholder="skolenivå=videregående")
    by = c3.text_input(t("group_by"), value="skolenivå", key="cloud_by")
    where = {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in meta_text.split(",") if "=" in p)}
    try:
        words = project_words(proj, cb, question, where)
        cloud = render_cloud(count_words(words.entries, cb), cb, title=question_title(question), n=words.n, language=lang())
        st.image(cloud.png, width="stretch")
        if by:
            table = group_table(proj, cb, by, question)
            st.dataframe({t("category"): [c.label for c in cb.categories],
                          **{f"{g} (N = {table.n[g]})": [f"{table.counts[g].get(c.id, 0)} ({percent(table.percent(g, c.id))})"
                                                       for c in cb.categories] for g in table.groups}})
    except (AnalysisError, ValueError) as exc:
        st.warning(md(exc))
