"""The Streamlit review app, shipped inside the package so that an installed qualcode has it.

``qualcode app PROJECT`` runs ``menu/main.py`` from this folder, which names the pages (``Hjem.py``
and those in ``pages/``) in the interface language; each page is a plain script, installed as
package data. They import the shared set-up from ``qualcode.app.common`` and never read a path
relative to the working directory.
"""

from pathlib import Path

HOME = Path(__file__).resolve().parent / "menu" / "main.py"
