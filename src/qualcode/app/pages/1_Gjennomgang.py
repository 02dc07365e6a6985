"""Review queue: one segment at a time, its context, evidence in colour; every decision saved at once."""

import html

import streamlit as st

from qualcode.analysis.numbers import NBSP, percent
from qualcode.app.common import css_colour, kept, kept_value, md, page, rankings, t
from qualcode.app.login import may_decide
from qualcode.app.login import text as login_text
from qualcode.review import accept, add_manual_coding, add_memo, change_category, reject, reset
from qualcode.review.queue import CodingView, QueueFilter, queue, segment_card, uncertainty_available
from qualcode.store import schema
from qualcode.store.values import Source, Status

ready = page("review")
if ready:
    proj, codebook, coder = ready
    from sqlalchemy import select

    with proj.read() as conn:
        cats = conn.execute(select(schema.categories.c.id, schema.categories.c.key, schema.categories.c.label)
                            .join(schema.codebooks, schema.codebooks.c.id == schema.categories.c.codebook_id)
                            .where(schema.codebooks.c.key == codebook, schema.categories.c.active.is_(True))
                            .order_by(schema.categories.c.position)).all()
        docs = conn.execute(select(schema.documents.c.id, schema.documents.c.name)
                            .where(schema.documents.c.current.is_(True)).order_by(schema.documents.c.name)).all()
    labels = {row.key: row.label for row in cats}
    cat_ids = {row.key: row.id for row in cats}

    def restart() -> None:
        """A new filter or order starts its queue at the top: the segment in the URL belongs to the old one."""
        st.session_state.position = 0
        st.query_params.pop("segment", None)

    with st.sidebar:
        status = kept(st.selectbox, t("status"), [Status.SUGGESTED, Status.ACCEPTED, Status.REJECTED, None], "f_status",
                      format_func=lambda s: t(s) if s else t("all"), on_change=restart)
        category = kept(st.selectbox, t("category"), [None, *labels], "f_category",
                        format_func=lambda k: labels.get(k, t("all")), on_change=restart)
        source = kept(st.selectbox, t("source"), [None, Source.AUTO, Source.MODEL, Source.MANUAL], "f_source",
                      format_func=lambda s: t(f"source_{s}") if s else t("all"), on_change=restart)
        doc_names = {row.id: row.name for row in docs}
        document = kept(st.selectbox, t("document"), [None, *doc_names], "f_document",
                        format_func=lambda i: doc_names.get(i, t("all")), on_change=restart)
        meta_text = kept_value(st.text_input, t("meta_filter"), "f_meta", "", placeholder="variabel=verdi",
                               on_change=restart)
        low, high = kept_value(st.slider, t("score"), "f_score", (0.0, 5.0), min_value=0.0, max_value=5.0, step=0.1,
                               on_change=restart)
        order = kept(st.radio, t("order"), ["document", "score", "score_desc", "uncertainty"], "f_order",
                     format_func=lambda o: t(f"order_{o}"), on_change=restart)
        if order == "uncertainty" and not uncertainty_available(proj, codebook):
            st.info(t("no_model"))
        st.caption(t("shortcuts"))
    where = dict(part.split("=", 1) for part in meta_text.split(",") if "=" in part)
    where = {k.strip(): v.strip() for k, v in where.items()}
    ids = queue(proj, QueueFilter(codebook, status=status, category=category, document_id=document, where=where,
                                  min_score=low if low > 0 else None, max_score=high if high < 5 else None,
                                  source=source, order=order), rankings(proj, codebook))
    wanted = st.query_params.get("segment")
    if wanted and wanted.isdigit() and int(wanted) not in ids:
        # The segment in the URL stays on screen after a reload even when its decisions took it
        # out of the filtered queue: the analyst sees what was just decided.
        ids = [int(wanted), *ids]
    if not ids:
        st.info(t("empty_queue"))
        st.stop()
    if wanted and wanted.isdigit() and int(wanted) in ids:
        st.session_state.position = ids.index(int(wanted))
    position = min(st.session_state.get("position", 0), len(ids) - 1)

    def go(step: int) -> None:
        st.session_state.position = max(0, min(len(ids) - 1, position + step))
        st.query_params["segment"] = str(ids[st.session_state.position])

    card = segment_card(proj, ids[position], codebook)
    st.query_params["segment"] = str(card.id)
    nav1, nav2, nav3 = st.columns([1, 1, 6])
    nav1.button(t("previous"), on_click=go, args=(-1,), shortcut="P", key="prev", disabled=position == 0)
    nav2.button(t("next"), on_click=go, args=(1,), shortcut="N", key="next", disabled=position >= len(ids) - 1)
    nav3.caption(t("queue_position").format(position=position + 1, count=len(ids)) + f" · {md(card.document)} · "  # a caption is Markdown: escaped
                 + " · ".join(f"{md(k)}: {md(v)}" for k, v in card.meta.items() if k in ("rolle", "skoletype", "respondent", "skole")))
    if card.previous:
        st.html(f'<div style="color:#777;font-size:.92em"><b>{t("context_before")}:</b> {html.escape(card.previous)}</div>')
    speaker = f"<b>{html.escape(card.speaker)}:</b> " if card.speaker else ""
    st.html(f'<div class="segment" style="font-size:1.15em;line-height:1.6;padding:.6em .8em;border:1px solid #ddd;'
            f'border-radius:6px;margin:.4em 0">{speaker}{card.highlighted()}</div>')
    if card.next:
        st.html(f'<div style="color:#777;font-size:.92em"><b>{t("context_after")}:</b> {html.escape(card.next)}</div>')

    def source_and_score(cv: CodingView) -> str:
        """A model suggestion stands out, with its calibrated probability; a rule's score is a plain number."""
        if cv.source == Source.MODEL:
            probability = f" · {t('probability')}{NBSP}{percent(cv.score * 100)}" if cv.score is not None else ""
            # An outlined tag, not a filled one: filled colours are the categories'.
            return (f'<span class="source-model" style="border:1px solid #555;padding:0 .35em;border-radius:3px">'
                    f'{t("source_model")}</span>{probability}')
        return t("source_" + cv.source) + (f" · {cv.score:.2f}" if cv.score is not None else "")

    first_open = next((cv.id for cv in card.codings if cv.status == Status.SUGGESTED), None)
    deciding = may_decide()  # a reader sees the codings, and no button that changes them
    if not deciding:
        st.info(login_text("read_only"))
    for cv in card.codings:
        cols = st.columns([4, 1, 1, 2])
        evidence = ", ".join(dict.fromkeys(e[2] for e in cv.evidence)) if cv.evidence else ""
        pole = f" · {t('polarity')}: {cv.polarity}" if cv.polarity else ""
        cols[0].html(f'<span style="display:inline-block;width:12px;height:12px;background:{css_colour(cv.color)};margin-right:6px"></span>'
                     f'<b>{html.escape(cv.label)}</b> — {t(cv.status)} · {source_and_score(cv)}{pole}'
                     f'<br><span style="color:#666;font-size:.9em">{t("evidence")}: {html.escape(evidence)} '
                     f'({html.escape(cv.rule or "")}){" · " + html.escape(cv.coder) if cv.coder else ""}</span>')
        if not deciding:
            continue
        if cv.status != Status.ACCEPTED:
            cols[1].button(t("accept"), key=f"accept_{cv.id}", on_click=accept, args=(proj, cv.id, coder), type="primary",
                           shortcut="A" if cv.id == first_open else None)
        else:
            cols[1].button(t("reset"), key=f"reset_{cv.id}", on_click=reset, args=(proj, cv.id, coder))
        if cv.status != Status.REJECTED:
            cols[2].button(t("reject"), key=f"reject_{cv.id}", on_click=reject, args=(proj, cv.id, coder),
                           shortcut="X" if cv.id == first_open else None)
        else:
            cols[2].button(t("reset"), key=f"unreject_{cv.id}", on_click=reset, args=(proj, cv.id, coder))
        target = cols[3].selectbox(t("change_to"), [None, *[k for k in labels if k != cv.category]], key=f"change_{cv.id}",
                                   format_func=lambda k: labels.get(k, "—"))
        if target:
            change_category(proj, cv.id, cat_ids[target], coder)
            del st.session_state[f"change_{cv.id}"]
            st.rerun()

    if deciding:
        with st.expander(t("add_code")):
            excerpt = st.text_input(t("excerpt"), key=f"excerpt_{card.id}")
            new_category = st.selectbox(t("category"), list(labels), format_func=labels.get, key=f"new_cat_{card.id}")
            if st.button(t("add_code"), key=f"add_{card.id}"):
                start = card.text.find(excerpt.strip()) if excerpt.strip() else 0
                if start < 0:
                    st.error(t("excerpt_missing"))
                else:
                    length = len(excerpt.strip()) or len(card.text)
                    add_manual_coding(proj, card.id, cat_ids[new_category], coder, card.start + start,
                                      card.start + start + length)
                    st.rerun()
    with st.expander(f"{t('memos')} ({len(card.memos)})"):
        for who, text in card.memos:
            st.text(f"{who}: {text}")
        if deciding:
            memo = st.text_area(t("memo"), key=f"memo_{card.id}")
            if st.button(t("save_memo"), key=f"save_memo_{card.id}") and memo.strip():
                add_memo(proj, coder, memo.strip(), segment_id=card.id)
                st.toast(t("saved"))
                st.rerun()
