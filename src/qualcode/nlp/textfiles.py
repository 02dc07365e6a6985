"""Read plain-text files the way analysts have them: UTF-8 (with or without BOM) or cp1252."""

from __future__ import annotations

from pathlib import Path


class TextFileError(ValueError):
    """A text file that cannot be read; the message names the file and what to do."""


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM allowed), else cp1252; return ``(text, encoding)``.

    A file with NUL bytes is refused as binary; text that is neither UTF-8 nor cp1252 is refused
    with the byte offset of the first bad byte.
    """
    if b"\x00" in data[:4096]:
        raise TextFileError(f"{source}: looks like a binary file, not text. Save it as .txt (UTF-8) or .docx.")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise TextFileError(
            f"{source} line {line}: the text is neither UTF-8 nor Windows-1252 (byte {utf8_error.start}). "
            f"Open it in an editor and save it as UTF-8."
        ) from None


def read_text_file(path: Path) -> str:
    """The text of ``path`` (see :func:`decode_text`)."""
    from qualcode.limits import LimitError, check_size

    try:
        check_size(path, Path(path).stat().st_size)
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TextFileError(f"{path}: cannot be read ({exc.strerror}).") from None
    except LimitError as exc:
        raise TextFileError(str(exc)) from None
    return decode_text(data, str(path))[0]
