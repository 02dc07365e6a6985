"""Document view: the whole transcript with every coding coloured; a click opens it in review."""

import html
from urllib.parse import urlencode

import streamlit as st

from qualcode.app.common import page, t
from qualcode.review.queue import document_html
from qualcode.store import schema
from qualcode.store.values import Status

ready = page("document_view")
if ready:
    proj, codebook, coder = ready
    from sqlalchemy import select

    with proj.read() as conn:
        docs = conn.execute(select(schema.documents.c.id, schema.documents.c.name).where(
            schema.documents.c.current.is_(True), schema.documents.c.kind != "survey").order_by(schema.documents.c.name)).all()
    names = {row.id: row.name for row in docs}
    if names:
        chosen = st.selectbox(t("choose_document"), list(names), format_func=names.get, key="doc_choice")
        st.caption(t("click_hint"))
        query = urlencode({"coder": coder, "codebook": codebook, "lang": st.session_state.get("lang", "nb")})
        link = html.escape(f"Gjennomgang?segment={{id}}&{query}", quote=True)
        statuses = {s: t(s) for s in (Status.SUGGESTED, Status.ACCEPTED, Status.REJECTED)}
        st.html(f'<div style="line-height:1.7;white-space:normal">{document_html(proj, chosen, codebook, link, statuses)}</div>')
