"""simplemma's word dictionaries, read word by word from SQLite instead of unpickled whole.

simplemma ships the dictionary of each language as an LZMA-compressed pickle and loads all of it
the first time any word is looked up: 618,000 bokmål forms, 0.4 s on a quiet machine and 2 s on
a busy one, in every process that codes, although qualcode asks simplemma only about the words
its own treebank tables lack (a few thousand distinct look-ups in a 15,000-answer survey). So
the first use converts a language's dictionary once into an SQLite file in the user's cache
folder (``$QUALCODE_CACHE_DIR``, else ``$XDG_CACHE_HOME/qualcode`` or ``~/.cache/qualcode``);
every later process opens that file and reads only the words it asks about. simplemma's own
lemmatizer runs on top (:class:`SqliteDictionaryFactory` is a simplemma dictionary factory),
so :func:`lemmatize` and :func:`is_known` answer exactly as ``simplemma.lemmatize`` and
``simplemma.is_known`` do.

The file is data only (no pickle): one table of form → lemma, a Bloom filter of the forms (most
words asked about are not in the dictionary, and the filter says so without a query), and the
simplemma version, entry count and file format it was made from; a file that does not match is
made again. Where the cache folder cannot be written, the dictionary is loaded the way
simplemma loads it.

>>> lemmatize("vennskapene", lang="nb"), lemmatize("elevane", lang="nn"), is_known("xqzv", lang=("nb", "nn"))
('vennskap', 'elev', False)
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import numpy
import simplemma
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory, DictionaryFactory
from simplemma.utils import validate_lang_input

CACHE_ENV = "QUALCODE_CACHE_DIR"
FORMAT = "2"  # of the SQLite file: a file of another format is made again
_MISSING = object()
# Most words asked about are not in the dictionary (compound splitting and spelling repairs try
# many pieces); a Bloom filter of the forms (10 bits a form, 7 hashes: about 1 % false
# positives, never a false negative) answers those without a query.
_BLOOM_BITS_PER_FORM, _BLOOM_HASHES = 10, 7
_MASK64 = 2**64 - 1


def cache_folder() -> Path:
    """Where qualcode keeps files it derives from installed packages (never project data)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "qualcode"


class SqliteDictionary(Mapping[str, str]):
    """One language's form → lemma dictionary in an SQLite file; each form is read once."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._cursor = self._db.cursor()
        self._lock = threading.Lock()  # the app's threads share the connection
        self._seen: dict[str, str | None] = {}
        self._bloom = self._db.execute("SELECT bits FROM bloom").fetchone()[0]

    def get(self, form: str, default=None):  # type: ignore[override]
        lemma = self._seen.get(form, _MISSING)
        if lemma is _MISSING:
            if _maybe_in(self._bloom, form):
                with self._lock:
                    row = self._cursor.execute("SELECT lemma FROM words WHERE form = ?", (form,)).fetchone()
                lemma = row[0] if row else None
            else:
                lemma = None
            self._seen[form] = lemma
        return default if lemma is None else lemma

    def __getitem__(self, form: str) -> str:
        lemma = self.get(form)
        if lemma is None:
            raise KeyError(form)
        return lemma

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and self.get(form) is not None

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            forms = [form for (form,) in self._db.execute("SELECT form FROM words")]
        return iter(forms)

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM words").fetchone()[0]


def _bloom_positions(form: str, size: int) -> list[int]:
    digest = hashlib.blake2b(form.encode("utf-8"), digest_size=16).digest()
    first, step = int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1
    return [((first + i * step) & _MASK64) % size for i in range(_BLOOM_HASHES)]


def _maybe_in(bloom: bytes, form: str) -> bool:
    """False if ``form`` is certainly not among the forms ``bloom`` was made from.

    The positions of :func:`_bloom_positions`, probed one by one: most pieces compound splitting
    asks about are not words, and the first unset bit already says so.
    """
    digest = hashlib.blake2b(form.encode("utf-8"), digest_size=16).digest()
    first, step = int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1
    size = len(bloom) * 8
    for i in range(_BLOOM_HASHES):
        p = ((first + i * step) & _MASK64) % size
        if not bloom[p >> 3] & (1 << (p & 7)):
            return False
    return True


def _bloom_of(forms: Iterable[str], count: int) -> bytes:
    """The filter :func:`_maybe_in` reads, the positions of :func:`_bloom_positions` computed
    for all forms at once (numpy's uint64 arithmetic wraps as ``_MASK64`` does)."""
    nbytes = max(1, count * _BLOOM_BITS_PER_FORM // 8)
    size = numpy.uint64(nbytes * 8)
    digests = b"".join(hashlib.blake2b(form.encode("utf-8"), digest_size=16).digest() for form in forms)
    halves = numpy.frombuffer(digests, dtype="<u8").reshape(-1, 2)
    first, step = halves[:, 0], halves[:, 1] | numpy.uint64(1)
    bits = numpy.zeros(nbytes, dtype=numpy.uint8)
    for i in range(_BLOOM_HASHES):
        positions = (first + numpy.uint64(i) * step) % size
        numpy.bitwise_or.at(bits, (positions >> numpy.uint64(3)).astype(numpy.intp),
                            numpy.uint8(1) << (positions & numpy.uint64(7)).astype(numpy.uint8))
    return bits.tobytes()


def _is_current(path: Path, count: int | None = None) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            meta = dict(db.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:
        return False
    return (meta.get("simplemma") == simplemma.__version__ and meta.get("format") == FORMAT
            and (count is None or meta.get("entries") == str(count)))


def _write(path: Path, entries: Mapping[str, str]) -> None:
    """Write ``entries`` to ``path`` atomically (a process reading meanwhile sees the old file or the new)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("CREATE TABLE words (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT INTO words VALUES (?, ?)", sorted(entries.items()))
            db.execute("CREATE TABLE bloom (bits BLOB NOT NULL)")
            db.execute("INSERT INTO bloom VALUES (?)", (_bloom_of(entries, len(entries)),))
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.executemany("INSERT INTO meta VALUES (?, ?)", [("simplemma", simplemma.__version__),
                                                              ("entries", str(len(entries))), ("format", FORMAT)])
        db.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


class SqliteDictionaryFactory(DictionaryFactory):
    """A simplemma dictionary factory that reads each language from its SQLite file in
    :func:`cache_folder`, making the file from simplemma's own data the first time."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._loaded: dict[str, Mapping[str, str]] = {}
        self._fallback = DefaultDictionaryFactory()
        self._lock = threading.Lock()

    def path(self, lang: str) -> Path:
        return (self._folder or cache_folder()) / f"simplemma-{simplemma.__version__}-{lang}.sqlite"

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._loaded.get(lang)
        if found is None:
            with self._lock:
                found = self._loaded.get(lang) or self._open(lang)
                self._loaded[lang] = found
        return found

    def _open(self, lang: str) -> Mapping[str, str]:
        try:
            path = self.path(lang)
        except RuntimeError:  # no home folder to keep a cache in
            return self._fallback.get_dictionary(lang)
        if _is_current(path):
            return SqliteDictionary(path)
        entries = self._fallback.get_dictionary(lang)  # simplemma's pickle, once per install
        try:
            _write(path, dict(entries.items()))
            if _is_current(path, len(entries)):
                return SqliteDictionary(path)
        except (OSError, sqlite3.Error):
            pass  # a cache folder that cannot be written: the dictionary as simplemma loaded it
        return entries


@lru_cache(maxsize=1)
def _lemmatizer() -> tuple[simplemma.Lemmatizer, DictionaryLookupStrategy]:
    factory = SqliteDictionaryFactory()
    return (simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)),
            DictionaryLookupStrategy(factory))


def lemmatize(word: str, lang: str | tuple[str, ...]) -> str:
    """``simplemma.lemmatize(word, lang)``."""
    return _lemmatizer()[0].lemmatize(word, lang)


def is_known(word: str, lang: str | tuple[str, ...]) -> bool:
    """``simplemma.is_known(word, lang)``: some language of ``lang`` has ``word`` as a form."""
    if not isinstance(word, str) or not word:
        raise ValueError(f"is_known needs a non-empty string, not {word!r}")
    lookup = _lemmatizer()[1]
    return any(lookup.get_lemma(word, code) is not None for code in validate_lang_input(lang))
