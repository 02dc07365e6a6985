"""Texts are stored with ``\\n`` line ends; offsets into a text with ``\\r\\n`` or ``\\r`` move with them.

>>> ends = LineEnds("engelsk\\r\\nnye venner")
>>> ends.text, ends.start(9), ends.end(19)
('engelsk\\nnye venner', 8, 18)

REFI-QDA clients normalise line ends when they read a text, so an offset counted in a text that
still holds ``\\r\\n`` points one character further on for every break before it. Ingest, the
REFI-QDA reader and the migration of older projects all move offsets the same way, here.
"""

from __future__ import annotations

from bisect import bisect_left


class LineEnds:
    """``text`` with ``\\r\\n`` and lone ``\\r`` made ``\\n``; ``start``/``end`` move offsets into it.

    Of a ``\\r\\n`` pair the ``\\r`` is dropped: a span starting at the ``\\n`` still starts with
    the line break, and a span ending after the ``\\r`` still ends with it.
    """

    def __init__(self, text: str) -> None:
        self.original = text
        self.removed = [i for i, ch in enumerate(text) if ch == "\r" and text[i + 1:i + 2] == "\n"] \
            if "\r" in text else []
        self.text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def start(self, position: int) -> int:
        """Where a span that started at ``position`` starts in :attr:`text`."""
        return position - bisect_left(self.removed, position)

    def end(self, position: int) -> int:
        """Where a span that ended (exclusive) at ``position`` ends in :attr:`text`."""
        return position - bisect_left(self.removed, position - 1) if position > 0 else 0
