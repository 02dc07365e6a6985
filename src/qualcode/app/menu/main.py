"""The review app's entry point: its pages, named in the interface language.

One name per page, the same in the menu and as the page's title (``t(...)``). The URL paths
stay the same in both languages (``/Gjennomgang?segment=…``), so links and bookmarks keep
working when the language changes. ``qualcode app`` runs this file. It lives in a folder of its
own: next to a ``pages/`` folder Streamlit would name the pages after their files instead.
"""

from pathlib import Path

import streamlit as st

from qualcode.app.common import t

HERE = Path(__file__).resolve().parent.parent
PAGES = [("Hjem.py", "start", ""), ("pages/1_Gjennomgang.py", "review", "Gjennomgang"),
         ("pages/2_Dokument.py", "document_view", "Dokument"), ("pages/3_Kodebok.py", "codebook_view", "Kodebok"),
         ("pages/4_Ordsky.py", "clouds", "Ordsky"), ("pages/5_Brukere.py", "users", "Brukere")]

st.navigation([st.Page(HERE / path, title=t(title), url_path=url or None, default=not url)
               for path, title, url in PAGES]).run()
