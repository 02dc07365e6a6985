"""Read plain-text files the way analysts have them: UTF-8 (with or without BOM), UTF-16 with a
BOM, cp1252, or UTF-8 with some cp1252 lines pasted in."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import NamedTuple


class TextFileError(ValueError):
    """A text file that cannot be read; the message names the file and what to do."""


class DecodedText(NamedTuple):
    text: str
    encoding: str  # utf-8 | utf-16 | utf-32 | cp1252 | utf-8+cp1252
    cp1252_lines: list[int]  # 1-based lines read as Windows-1252 in a file that is otherwise UTF-8

    def note(self, name: str) -> str | None:
        """What the user should be told about the decoding, or None."""
        if self.encoding == "cp1252":
            return f"{name}: read as Windows-1252 (not UTF-8)"
        if self.encoding == "utf-8+cp1252":
            shown = ", ".join(map(str, self.cp1252_lines[:10]))
            more = f" and {len(self.cp1252_lines) - 10} more" if len(self.cp1252_lines) > 10 else ""
            return (f"{name}: line{'s' if len(self.cp1252_lines) > 1 else ''} {shown}{more} "
                    f"{'are' if len(self.cp1252_lines) > 1 else 'is'} not UTF-8 and "
                    f"{'were' if len(self.cp1252_lines) > 1 else 'was'} read as Windows-1252; the rest is UTF-8. "
                    f"Check those lines.")
        return None


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]  # UTF-32 LE's BOM starts with UTF-16 LE's: test it first


def decode_text_lines(data: bytes, source: str) -> DecodedText:
    """Decode bytes: a UTF-16/32 BOM decides; else UTF-8 (BOM allowed), each line that is not
    UTF-8 decoded as cp1252 (and listed in ``cp1252_lines``).

    A file with NUL bytes (and no UTF-16/32 BOM) is refused as binary; a line that is neither
    UTF-8 nor cp1252 is refused with its number.

    >>> decode_text_lines("lærte\\n".encode() + "økt\\n".encode("cp1252"), "x.txt")
    DecodedText(text='lærte\\nøkt\\n', encoding='utf-8+cp1252', cp1252_lines=[2])
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding, [])
            except UnicodeDecodeError as exc:
                raise TextFileError(f"{source}: starts as {encoding.upper()} (byte-order mark) but byte {exc.start} "
                                    f"is not {encoding.upper()}. Open it in an editor and save it as UTF-8.") from None
    if b"\x00" in data[:4096]:
        raise TextFileError(f"{source}: looks like a binary file, not text. Save it as .txt (UTF-8) or .docx.")
    try:
        return DecodedText(data.decode("utf-8-sig"), "utf-8", [])
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    fallback: list[int] = []
    utf8_beyond_ascii = False
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            part = line.decode("utf-8-sig" if number == 1 else "utf-8")
            utf8_beyond_ascii = utf8_beyond_ascii or not part.isascii()
        except UnicodeDecodeError as exc:
            try:
                part = line.decode("cp1252")
            except UnicodeDecodeError:
                raise TextFileError(
                    f"{source} line {number}: the text is neither UTF-8 nor Windows-1252 (byte {exc.start} of the "
                    f"line). Open it in an editor and save it as UTF-8.") from None
            fallback.append(number)
        parts.append(part)
    text = "".join(parts)
    if utf8_beyond_ascii:
        return DecodedText(text, "utf-8+cp1252", fallback)
    return DecodedText(text, "cp1252", fallback)


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding)`` of :func:`decode_text_lines`."""
    decoded = decode_text_lines(data, source)
    return decoded.text, decoded.encoding


def read_text_file(path: Path) -> str:
    """The text of ``path`` (see :func:`decode_text_lines`)."""
    from qualcode.limits import LimitError, check_size

    try:
        check_size(path, Path(path).stat().st_size)
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TextFileError(f"{path}: cannot be read ({exc.strerror}).") from None
    except LimitError as exc:
        raise TextFileError(str(exc)) from None
    return decode_text(data, str(path))[0]
