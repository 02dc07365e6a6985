"""Shared set-up for the review app's pages: the project, language, coder and codebook.

The app is a thin shell: every action calls a function from ``qualcode`` that has its own
tests. The project comes from the ``QUALCODE_PROJECT`` environment variable (``qualcode app
PROJECT`` sets it). Coder, codebook and language live in the URL, so a reload keeps them.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import streamlit as st

from qualcode.app.login import current_user
from qualcode.review.queue import Rankings, css_colour, model_version
from qualcode.store import Project

TEXT = {
    "nb": {
        "app": "qualcode – gjennomgang", "start": "Hjem", "coder": "Kodernavn", "codebook": "Kodebok",
        "coder_help": "Navnet lagres med hver beslutning.", "need_setup": "Velg kodernavn og kodebok på startsiden først.",
        "no_project": "Ingen prosjekt er åpnet. Start appen med: qualcode app PROSJEKT.qualcode",
        "no_codebook": "Prosjektet er ikke kodet ennå. Kjør: qualcode code PROSJEKT --codebook KODEBOK.yaml",
        "overview": "Oversikt", "documents": "Dokumenter", "respondents": "Respondenter", "units": "Kodbare enheter",
        "progress": "Gjennomgått", "waiting": "forslag venter", "per_category": "Segmenter per kategori",
        "review": "Gjennomgang", "status": "Status", "category": "Kategori", "document": "Dokument", "all": "Alle",
        "order": "Rekkefølge", "order_document": "Dokumentrekkefølge", "order_score": "Lavest skår først (mest usikker)",
        "order_score_desc": "Høyest skår først", "meta_filter": "Metadatafilter (nøkkel=verdi)", "score": "Skår",
        "empty_queue": "Ingen segmenter passer filtrene.", "of": "av", "previous": "Forrige", "next": "Neste",
        "accept": "Godta", "reject": "Avvis", "reset": "Angre", "change_to": "Endre til", "evidence": "Belegg",
        "accepted": "godtatt", "rejected": "avvist", "suggested": "forslag", "source_auto": "regel", "source_manual": "manuell",
        "source_model": "modellforslag", "add_code": "Legg til kode", "excerpt": "Tekstutdrag (lim inn den delen som skal kodes; tomt = hele segmentet)",
        "excerpt_missing": "Utdraget finnes ikke i segmentet.", "memo": "Notat", "save_memo": "Lagre notat", "memos": "Notater",
        "context_before": "Før", "context_after": "Etter", "speaker": "Taler", "saved": "Lagret.",
        "document_view": "Dokument", "choose_document": "Velg dokument", "click_hint": "Klikk på en farget kode for å åpne den i gjennomgangen.",
        "codebook_view": "Kodebok", "terms": "Termer", "add_term": "Legg til term", "remove_term": "Fjern term",
        "term": "Term", "kind": "Type", "recoded": "Kodet på nytt fra lagrede analyser", "description": "Beskrivelse",
        "clouds": "Ordskyer", "question": "Spørsmål", "no_survey": "Prosjektet har ingen spørreundersøkelse.",
        "group_by": "Sammenlign etter", "language": "Språk", "shortcuts": "Hurtigtaster: A godta · X avvis · N neste · P forrige",
        "polarity": "Polaritet", "source": "Kilde", "order_uncertainty": "Mest usikre først (modellen)",
        "probability": "sannsynlighet", "users": "Brukere",
        "no_model": "Ingen modell er trent ennå – sortert etter laveste skår. Tren en modell med «qualcode train».",
        "documents_help": "Intervjuer, dokumenter og spørreundersøkelser i prosjektet (gjeldende versjoner).",
        "respondents_help": "Personer som har svart på en spørreundersøkelse.",
        "units_help": "Segmenter som kan kodes: setninger og korte ytringer i intervjuer, ord i åpne svar.",
        "progress_help": "Andel av kodebokens forslag som er godtatt eller avvist.",
        "progress_detail": "{decided} av {total} forslag er gjennomgått. {waiting} forslag venter, fordelt på {segments} segmenter (køen på Gjennomgang teller segmenter).",
        "per_category_help": "Segmenter med kategorien: godtatte og manuelle koder og regelforslag, ikke avviste koder og ikke modellforslag som venter.",
        "queue_position": "Segment {position} av {count} i køen",
        "uncoded": "Ukodet", "recoded_detail": "{segments} segmenter, {new} nye forslag, {withdrawn} trukket, {seconds} s",
        "rule_terms": "Termer", "rule_compound_terms": "Sammensetningsledd", "rule_phrases": "Fraser",
        "rule_patterns": "Mønstre", "rule_exclude": "Unntak",
        "metadata_none": "ingen",
        "version": "versjon", "undo": "Angre siste endring", "undone": "Siste endring er angret",
        "download_yaml": "Last ned YAML", "move_term": "Flytt term", "move_to": "Flytt til",
        "save_description": "Lagre beskrivelse", "remove_which": "Term som skal fjernes eller flyttes",
        "question_settings": "Innstillinger for spørsmålet (lagres i prosjektet)", "title": "Tittel",
        "save": "Lagre", "none": "Ingen",
    },
    "en": {
        "app": "qualcode – review", "start": "Home", "coder": "Coder name", "codebook": "Codebook",
        "coder_help": "Stored with every decision.", "need_setup": "Choose a coder name and a codebook on the start page first.",
        "no_project": "No project is open. Start the app with: qualcode app PROJECT.qualcode",
        "no_codebook": "The project has not been coded yet. Run: qualcode code PROJECT --codebook CODEBOOK.yaml",
        "overview": "Overview", "documents": "Documents", "respondents": "Respondents", "units": "Codable units",
        "progress": "Reviewed", "waiting": "suggestions waiting", "per_category": "Segments per category",
        "review": "Review", "status": "Status", "category": "Category", "document": "Document", "all": "All",
        "order": "Order", "order_document": "Document order", "order_score": "Lowest score first (least certain)",
        "order_score_desc": "Highest score first", "meta_filter": "Metadata filter (key=value)", "score": "Score",
        "empty_queue": "No segments match the filters.", "of": "of", "previous": "Previous", "next": "Next",
        "accept": "Accept", "reject": "Reject", "reset": "Undo", "change_to": "Change to", "evidence": "Evidence",
        "accepted": "accepted", "rejected": "rejected", "suggested": "suggested", "source_auto": "rule", "source_manual": "manual",
        "source_model": "model suggestion", "add_code": "Add code", "excerpt": "Excerpt (paste the part to code; empty = the whole segment)",
        "excerpt_missing": "The excerpt is not in the segment.", "memo": "Memo", "save_memo": "Save memo", "memos": "Memos",
        "context_before": "Before", "context_after": "After", "speaker": "Speaker", "saved": "Saved.",
        "document_view": "Document", "choose_document": "Choose a document", "click_hint": "Click a coloured code to open it in review.",
        "codebook_view": "Codebook", "terms": "Terms", "add_term": "Add term", "remove_term": "Remove term",
        "term": "Term", "kind": "Kind", "recoded": "Re-coded from the stored parses", "description": "Description",
        "clouds": "Word clouds", "question": "Question", "no_survey": "The project has no survey.",
        "group_by": "Compare by", "language": "Language", "shortcuts": "Shortcuts: A accept · X reject · N next · P previous",
        "polarity": "Polarity", "source": "Source", "order_uncertainty": "Most uncertain first (model)",
        "probability": "probability", "users": "Users",
        "no_model": "No model has been trained yet – ordered by lowest score. Train one with “qualcode train”.",
        "documents_help": "Interviews, documents and surveys in the project (current versions).",
        "respondents_help": "People who answered a survey.",
        "units_help": "Segments that can be coded: sentences and short turns in interviews, words in open answers.",
        "progress_help": "Share of the codebook's suggestions that have been accepted or rejected.",
        "progress_detail": "{decided} of {total} suggestions reviewed. {waiting} suggestions are waiting, in {segments} segments (the queue on Review counts segments).",
        "per_category_help": "Segments with the category: accepted and manual codes and rule suggestions, not rejected codes and not model suggestions still waiting.",
        "queue_position": "Segment {position} of {count} in the queue",
        "uncoded": "Uncoded", "recoded_detail": "{segments} segments, {new} new suggestions, {withdrawn} withdrawn, {seconds} s",
        "rule_terms": "Terms", "rule_compound_terms": "Compound parts", "rule_phrases": "Phrases",
        "rule_patterns": "Patterns", "rule_exclude": "Exclusions",
        "metadata_none": "none",
        "version": "version", "undo": "Undo last change", "undone": "The last change is undone",
        "download_yaml": "Download YAML", "move_term": "Move term", "move_to": "Move to",
        "save_description": "Save description", "remove_which": "Term to remove or move",
        "question_settings": "Settings for the question (stored in the project)", "title": "Title",
        "save": "Save", "none": "None",
    },
}


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


def md(value: object) -> str:
    """Text from a file (labels, names, metadata), escaped for Streamlit's Markdown (captions,
    expanders, messages), so it shows as typed: ``![x](http://…)`` stays text, fetches nothing."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(value).split()))


def h(value: object) -> str:
    """Text from a file, escaped for ``st.html``."""
    return html.escape(str(value), quote=True)


def lang() -> str:
    return st.session_state.get("lang", st.query_params.get("lang", "nb"))


def t(key: str) -> str:
    return TEXT.get(lang(), TEXT["nb"]).get(key, key)


@st.cache_resource
def _open(path: str) -> Project:
    return Project.open(path)


@st.cache_resource(max_entries=16)
def _rankings(location: str, codebook: str, model_version: str | None) -> Rankings:
    return Rankings()


def rankings(proj: Project, codebook: str) -> Rankings:
    """The uncertainty rankings every session shares, one per project, codebook and model version."""
    return _rankings(proj.location, codebook, model_version(proj, codebook))


def project() -> Project | None:
    location = os.environ.get("QUALCODE_PROJECT")
    if not location or ("://" not in location and not Path(location).exists()):
        return None
    return _open(location)


def codebooks(proj: Project) -> dict[str, str]:
    """The codebooks the project holds: id → name."""
    from qualcode.store.codebooks import list_codebooks

    return {book.key: book.name for book in list_codebooks(proj)}


def kept(widget, label: str, options: list, key: str, *, format_func=str, on_change=None, **kwargs):
    """A select box or radio whose choice survives a switch of language (and of page).

    A widget whose label and options are translated is a new widget to Streamlit and would
    fall back to its first option. So the widget is keyed per language (``key`` in Norwegian,
    ``key__en`` in English) and starts from the last choice, which is kept in ``kept_<key>``.
    """
    widget_key = key if lang() == "nb" else f"{key}__{lang()}"
    if widget_key not in st.session_state:
        current = st.session_state.get(f"kept_{key}", options[0])
        kwargs["index"] = options.index(current) if current in options else 0
    shown = {option: format_func(option) for option in options}  # in this run's language, once
    value = widget(label, options, format_func=shown.__getitem__, key=widget_key, on_change=on_change, **kwargs)
    st.session_state[f"kept_{key}"] = value
    return value


def kept_value(widget, label: str, key: str, default, *, on_change=None, **kwargs):
    """A text input or slider that keeps its value when the language changes; see :func:`kept`."""
    widget_key = key if lang() == "nb" else f"{key}__{lang()}"
    if widget_key not in st.session_state:
        kwargs["value"] = st.session_state.get(f"kept_{key}", default)
    value = widget(label, key=widget_key, on_change=on_change, **kwargs)
    st.session_state[f"kept_{key}"] = value
    return value


def remember(**values: str) -> None:
    """Keep choices in the session and in the URL (so a reload or a new tab keeps them)."""
    for key, value in values.items():
        st.session_state[key] = value
        if value:
            st.query_params[key] = value


def page(title_key: str, needs_setup: bool = True) -> tuple[Project, str, str] | None:
    """Common page start: config, sidebar language, and the chosen project, codebook and coder."""
    st.set_page_config(page_title=t("app"), layout="wide")
    for key in ("coder", "codebook", "lang"):
        if key not in st.session_state and key in st.query_params:
            st.session_state[key] = st.query_params[key]
    with st.sidebar:
        choice = st.radio(t("language"), ["nb", "en"], index=0 if lang() == "nb" else 1, horizontal=True,
                          format_func=lambda x: {"nb": "Norsk (bokmål)", "en": "English"}[x], key="lang_choice")
        if choice != lang():
            remember(lang=choice)
            st.rerun()
    st.title(t(title_key))
    proj = project()
    if proj is None:
        st.error(t("no_project"))
        return None
    user = current_user(proj)  # with user accounts: the login form, and the page stops, until someone signs in
    books = codebooks(proj)
    if not books:
        st.warning(t("no_codebook"))
        return None
    if user is not None:  # the signed-in name is the coder, whatever a URL says
        st.session_state["coder"] = user.name
        st.query_params.pop("coder", None)
    coder, codebook = st.session_state.get("coder", ""), st.session_state.get("codebook", "")
    if needs_setup and (not coder or codebook not in books):
        st.info(t("need_setup"))
        return None
    remember(**({} if user else {"coder": coder}), codebook=codebook, lang=lang())
    return proj, codebook or next(iter(books)), coder
