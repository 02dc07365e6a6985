"""The Streamlit review app, shipped inside the package so that an installed qualcode has it.

``qualcode app PROJECT`` runs ``Hjem.py`` from this folder; the pages in ``pages/`` are plain
scripts (Streamlit's multipage layout), installed as package data. They import the shared
set-up from ``qualcode.app.common`` and never read a path relative to the working directory.
"""

from pathlib import Path

HOME = Path(__file__).resolve().parent / "Hjem.py"
