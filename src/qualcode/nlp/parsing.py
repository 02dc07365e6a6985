"""Parsing for coding: only what the codebook tagger reads, on both cores for large jobs.

The codebook tagger reads words, lemmas and sentence starts (the parse cache's
:class:`~qualcode.nlp.doccache.Header`; compounds come from the lemmas). It needs no dependency
parse and no entities, and those cost most of the pipeline's time (in ``nb_qualcode_sm`` 0.2.0
the name finder, with its own tok2vec, took 45 %, the parser 15 %). So :func:`parse_for_coding`

* takes sentence boundaries from the senter instead of the parser when the pipeline has one,
  and leaves out the parser and the name finders;
* reads a short text — a survey answer of at most :data:`SHORT_TEXT_WORDS` words — as the
  list of words it is: each word gets its lookup lemma in the text's written standard
  (:func:`~qualcode.nlp.lemmatizer.lemmatize_word`), and a word the lexicon does not know (often
  a compound or a typo) the trained lemmatizer's lemma of the word on its own, worked out once
  per job however many answers repeat it; a full stop, question or exclamation mark starts a
  new sentence. A 15,000-answer survey thus runs the model on its few dozen unknown words, not
  on thousands of answers;
* parses in two worker processes when a job is large and a second core is free
  (:func:`parallel_processes`; ``QUALCODE_PARSE_PROCESSES=N`` forces N): the workers send back
  parse-cache entries; the parent tags and writes the cache. A process with one thread (the CLI)
  forks its workers, which start at once with the parent's pipeline; one with threads (the app's
  server) starts them afresh, and each loads the pipeline by name.

The analysis of a text depends only on the text and the pipeline, never on the job that parsed
it, so every cache entry under one :func:`cache_key` means the same.

>>> from qualcode.nlp import load_pipeline
>>> nlp = load_pipeline("blank:nb")
>>> [[t.lemma_ for t in doc] for doc, _ in parse_for_coding(nlp, ["nye venner", "Elevane fekk nye vener."])]
[['ny', 'venn'], ['elev', 'få', 'ny', 'ven', '.']]
"""

from __future__ import annotations

import multiprocessing
import threading
import time
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from qualcode.nlp.doccache import FORMAT as CACHE_FORMAT
from qualcode.nlp.doccache import Header, doc_to_bytes, read_header, words_to_entry
from qualcode.nlp.lemmatizer import is_known_word, lemmatize_word
from qualcode.nlp.pipeline import load_pipeline, pipeline_info
from qualcode.nlp.standard import register_extension, standard_of_words

SHORT_TEXT_WORDS = 5
# The analysis parse_for_coding makes; part of the cache key, so a change of it re-parses.
ANALYSIS = "coding5"
# Below this many words, starting workers (each loads the model, ~5 s on a busy machine) costs
# more than it saves: about 10 s of parsing on one core.
PARALLEL_MIN_WORDS = 50_000
PROCESSES_ENV = "QUALCODE_PARSE_PROCESSES"  # force the number of processes (1 = never parallel)
CHUNK = 256
_SENTENCE_END = frozenset(".!?")


def cache_key(nlp: Language) -> str:
    """The parse-cache key of the analyses :func:`parse_for_coding` makes with ``nlp``."""
    return f"{pipeline_info(nlp).fingerprint}|{CACHE_FORMAT}|{ANALYSIS}"


def coding_components(nlp: Language) -> list[str]:
    """The components coding needs: all but the parser, the name finders and codebook taggers;
    the senter (enabled for the purpose if the package ships it disabled) sets the sentences."""
    has_senter = "senter" in nlp.component_names or "sentencizer" in nlp.component_names
    skip = {name for name in nlp.component_names if "doc.ents" in nlp.get_pipe_meta(name).assigns}
    if has_senter:
        skip.add("parser")
    wanted = [name for name in nlp.component_names
              if name not in skip and not name.startswith("qualcode_codebook")
              and (name not in nlp.disabled or name in ("senter", "sentencizer"))]
    return wanted


@contextmanager
def _only(nlp: Language, names: list[str]) -> Iterator[None]:
    disabled = [name for name in names if name in nlp.disabled]
    for name in disabled:
        nlp.enable_pipe(name)
    try:
        with nlp.select_pipes(enable=names):
            yield
    finally:
        for name in disabled:
            nlp.disable_pipe(name)


def is_short(doc: Doc) -> bool:
    """A survey-answer-sized text: at most SHORT_TEXT_WORDS words."""
    return _short_text_words(doc) is not None


def _with_lemmas(doc: Doc, standard: str, lemmas: list[str], sent_starts: list[bool]) -> Doc:
    doc._.standard = standard
    for token, lemma, start in zip(doc, lemmas, sent_starts):
        token.lemma_ = lemma
        token.is_sent_start = start
    return doc


@lru_cache(maxsize=200_000)
def _lookup_lemma(word: str, standard: str) -> str:
    """The lexicon's lemma of ``word``; a hyphenated compound the lexicon does not know as a whole
    inflects its last part («IKT-ferdigheter» → IKT-ferdighet, «aha-opplevelser» → aha-opplevelse)."""
    modifier, hyphen, head = word.rpartition("-")
    if hyphen and modifier and head.isalpha() and not is_known_word(word.lower(), standard) \
            and is_known_word(head.lower(), standard):
        return f"{modifier}-{lemmatize_word(head, standard).lower()}"
    return lemmatize_word(word, standard)


class _WordLemmas:
    """Lemmas of the words of short texts, for one parse job: the lexicon's, and for a word the
    lexicon does not know, the model's lemma of the word on its own (one Doc per distinct word
    and written standard, however many texts hold it)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.unknown: dict[tuple[str, str], str] = {}
        # What _short_text_words reads of a token, by its word form's id: survey words repeat.
        self.lexemes: dict[int, tuple[str, str, bool, bool]] = {}

    def lemmas(self, texts: list[list[_Word]]) -> list[tuple[str, list[str]]]:
        """The written standard and the lemmas of each short text (its :func:`_short_text_words`)."""
        standards = [standard_of_words([w[1] for w in words if w[2]]).standard for words in texts]
        missing = {(w[0], standard) for words, standard in zip(texts, standards) for w in words
                   if w[2] and (w[0], standard) not in self.unknown and not is_known_word(w[1], standard)}
        if missing:
            self._model_lemmas(sorted(missing))
        known = self.unknown
        return [(standard, [known.get((w[0], standard)) or _lookup_lemma(w[0], standard) for w in words])
                for words, standard in zip(texts, standards)]

    def _model_lemmas(self, words: list[tuple[str, str]]) -> None:
        nlp = self.nlp
        docs = []
        for word, standard in words:
            doc = Doc(nlp.vocab, words=[word], spaces=[False])
            doc._.standard = standard  # the text's standard, not a guess from the one word
            docs.append(doc)
        names = [name for name in coding_components(nlp) if name != "qualcode_written_standard"]
        with _only(nlp, names):
            for (word, standard), doc in zip(words, nlp.pipe(docs, batch_size=CHUNK)):
                self.unknown[(word, standard)] = doc[0].lemma_


_Word = tuple[str, str, bool, bool, bool]  # text, lower-cased text, is_alpha, starts a sentence, space after


def _short_text_words(doc: Doc, lexemes: dict[int, tuple[str, str, bool, bool]] | None = None) -> list[_Word] | None:
    """``(text, lower-cased text, is_alpha, starts a sentence, space after)`` of each token of a
    short text (:func:`is_short`, in one pass over the tokens), or ``None`` for a longer one. A
    token after a full stop, question or exclamation mark starts a sentence («samarbeid. Trygghet»).
    ``lexemes`` memoises what a word form says (its text, lower case, is_alpha, whether it counts
    as a word) by its id, for a job whose texts share their words."""
    lexemes = {} if lexemes is None else lexemes
    words = []
    counted = 0
    starts = True
    for token in doc:
        facts = lexemes.get(token.orth)
        if facts is None:
            facts = lexemes[token.orth] = (token.text, token.lower_, token.is_alpha,
                                           not (token.is_punct or token.is_space))
        text, lower, alpha, is_word = facts
        if is_word:
            counted += 1
            if counted > SHORT_TEXT_WORDS:
                return None
        words.append((text, lower, alpha, starts, bool(token.whitespace_)))
        starts = text in _SENTENCE_END
    return words


def _parse(nlp: Language, texts: list[str], batch_size: int = CHUNK, words: _WordLemmas | None = None,
           docs: bool = True) -> list[_Parsed]:
    """``(doc, cache entry, header)`` of each text; for a short text ``doc`` is ``None`` unless
    ``docs`` (its entry is written straight from its words:
    :func:`~qualcode.nlp.doccache.words_to_entry`, which also gives its header), for a longer
    one the header is ``None`` (read it from the entry)."""
    register_extension()
    words = words or _WordLemmas(nlp)
    results: list[_Parsed | None] = [None] * len(texts)
    short: list[tuple[int, Doc, list[_Word]]] = []
    pending: list[tuple[int, Doc]] = []
    for i, text in enumerate(texts):
        doc = nlp.make_doc(text)
        tokens = _short_text_words(doc, words.lexemes)
        if tokens is None:
            pending.append((i, doc))  # the pipeline goes on from these tokens: no second tokenisation
        else:
            short.append((i, doc, tokens))
    for (i, doc, tokens), (standard, lemmas) in zip(short, words.lemmas([tokens for _, _, tokens in short])):
        starts = [w[3] for w in tokens]
        header, entry = words_to_entry([w[0] for w in tokens], [w[4] for w in tokens], lemmas, starts)
        results[i] = (_with_lemmas(doc, standard, lemmas, starts) if docs else None, entry, header)
    if pending:
        with _only(nlp, coding_components(nlp)):
            for (i, _), doc in zip(pending, nlp.pipe((doc for _, doc in pending), batch_size=batch_size)):
                results[i] = (doc, doc_to_bytes(doc), None)
    return results  # type: ignore[return-value]


_Parsed = tuple[Doc | None, bytes, Header | None]


def parallel_processes(texts: list[str]) -> int:
    """How many processes ``texts`` are parsed with (1 = in this process): two for a job of at
    least PARALLEL_MIN_WORDS words of texts the model has to read, when a second core is free."""
    forced = os.environ.get(PROCESSES_ENV, "").strip()
    if forced.isdigit() and int(forced) > 0:
        return int(forced)
    words = 0
    for text in texts:
        n = len(text.split())
        words += n if n > SHORT_TEXT_WORDS else 0  # short texts mostly get lookup lemmas: no model
        if words >= PARALLEL_MIN_WORDS:
            return 2 if free_cores() >= 1 else 1
    return 1


def free_cores(interval: float = 0.1) -> float:
    """Cores nobody else is using right now: the idle share of all cores over ``interval``
    seconds, in cores (this process waits meanwhile, so its own work does not count). A worker
    on a core another program keeps busy only slows both down. Where the kernel's counters
    cannot be read, the CPU count minus the 1-minute load average (which still counts this
    process's own work, and the program that ran just before it, for a minute)."""
    cores = os.cpu_count() or 1
    before = _idle_and_total()
    if before is not None:
        time.sleep(interval)
        after = _idle_and_total()
        if after is not None and after[1] > before[1]:
            return cores * (after[0] - before[0]) / (after[1] - before[1])
    return max(0.0, cores - os.getloadavg()[0])


def _idle_and_total() -> tuple[int, int] | None:
    """Idle (idle + waiting for I/O) and total CPU time of all cores so far, in clock ticks, from
    ``/proc/stat`` (Linux); None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal (guest time is counted in user already)
    return fields[3] + fields[4], sum(fields[:8])


def parse_for_coding(nlp: Language, texts: Iterable[str], n_process: int | None = None,
                     docs: bool = True) -> Iterator[tuple[Doc | None, bytes]]:
    """``(doc, cache_entry)`` for each text, in order.

    In one process ``doc`` is the parsed Doc; with worker processes (``n_process`` > 1, or
    chosen by :func:`parallel_processes`) it is ``None`` and the caller reads the entry
    (:func:`~qualcode.nlp.doccache.read_header`, ``doc_from_bytes``). With ``docs=False`` it is
    ``None`` for short texts too, whose entries are written without a Doc (the tagger reads the
    entry; a token pattern builds the Doc from it when it needs one).
    """
    for doc, entry, _ in _parse_all(nlp, list(texts), n_process, docs):
        yield doc, entry


def parse_entries_for_coding(nlp: Language, texts: Iterable[str],
                             n_process: int | None = None) -> Iterator[tuple[Header, bytes, Doc | None]]:
    """``(header, cache_entry, doc)`` for each text, in order: :func:`parse_for_coding` with
    ``docs=False``, and the entry's :class:`~qualcode.nlp.doccache.Header` (what the tagger
    reads), made from a short text's words rather than read back from the entry just written."""
    for doc, entry, header in _parse_all(nlp, list(texts), n_process, docs=False):
        yield (header if header is not None else read_header(entry)), entry, doc


def _parse_all(nlp: Language, texts: list[str], n_process: int | None, docs: bool) -> Iterator[_Parsed]:
    if n_process is None:
        n_process = parallel_processes(texts)
    if n_process > 1:
        yield from _parse_in_workers(nlp, texts, n_process)
        return
    words = _WordLemmas(nlp)
    for i in range(0, len(texts), CHUNK * 4):
        yield from _parse(nlp, texts[i:i + CHUNK * 4], words=words, docs=docs)


# ---------------------------------------------------------------- worker processes
# Each worker has two pipes of its own: chunks in, entries out. The parent sends a worker its
# next chunk only when the worker has just sent back its last one (and so is waiting for the
# next), so neither side ever blocks writing to a pipe the other is not reading. A worker that
# dies shows as its process sentinel, an end-of-file on its pipe or a broken pipe; the parent
# then stops the others and parses what is left itself. No executor and no feeder threads: a
# ProcessPoolExecutor whose worker was killed hung in CI (session 13; its clean-up joins a
# feeder thread that can be stuck writing to a pipe nobody reads, CPython gh-107219, mended
# only on Windows), and the interpreter's exit then waited for its threads until CI's time ran out.
_STOP_SECONDS = 5.0  # how long a worker gets to exit after the parent says stop, before it is killed


def _worker_main(tasks: Connection, results: Connection, nlp: Language | None,
                 name: str, fingerprint: str, components: list[str]) -> None:
    """A worker: the parent's pipeline (forked) or the one loaded by name (started afresh); then
    ``(index, entries)`` for each ``(index, texts)`` chunk received, until ``None``. A pipeline
    it cannot load, or one whose coding components differ from the parent's (a pipeline changed
    after loading), is reported as ``(-1, message)`` and the worker exits."""
    if nlp is None:
        try:
            nlp = load_pipeline(name)
            found = pipeline_info(nlp).fingerprint
            if found != fingerprint:
                raise RuntimeError(f"the worker loaded {found}, not {fingerprint}")
            if coding_components(nlp) != components:
                raise RuntimeError(f"the worker's {name} runs {coding_components(nlp)}, the parent's {components}")
        except Exception as exc:  # noqa: BLE001  (reported to the parent, which parses alone)
            results.send((-1, f"{type(exc).__name__}: {exc}"))
            return
    words = _WordLemmas(nlp)
    while True:
        try:
            task = tasks.recv()
        except EOFError:  # the parent has gone
            return
        if task is None:
            return
        index, texts = task
        results.send((index, [entry for _, entry, _ in _parse(nlp, texts, words=words, docs=False)]))


class _Worker:
    """One worker process and the parent's ends of its two pipes."""

    def __init__(self, context: BaseContext, nlp: Language | None, name: str, fingerprint: str,
                 components: list[str]) -> None:
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        self.process = context.Process(target=_worker_main, daemon=True,
                                       args=(task_reader, result_writer, nlp, name, fingerprint, components))
        self.process.start()
        # Only the worker holds these ends now: its death reads as end-of-file or a broken pipe.
        task_reader.close()
        result_writer.close()
        self.chunk: int | None = None  # the chunk it is parsing

    def send(self, index: int, texts: list[str]) -> None:
        self.tasks.send((index, texts))
        self.chunk = index

    def stop(self) -> None:
        try:
            self.tasks.send(None)
        except OSError:
            pass
        self.process.join(_STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.tasks.close()
        self.results.close()


class _WorkerDied(Exception):
    """A worker exited or could not load the pipeline; the parent parses the rest."""


def _can_fork() -> bool:
    """Whether workers may be forked: only from a process running one thread, since a forked copy
    of a process with threads (the app's server) can deadlock on a lock another thread held."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _parse_in_workers(nlp: Language, texts: list[str], n_process: int) -> Iterator[_Parsed]:
    info = pipeline_info(nlp)
    chunks = [texts[i:i + CHUNK] for i in range(0, len(texts), CHUNK)]
    if _can_fork():
        # The workers are copies of this process, pipeline and all: loading it again took each
        # worker ~2 s of CPU (5 on a busy machine), a fifth of a 10,000-sentence job's parsing.
        context, inherited = multiprocessing.get_context("fork"), nlp
    else:
        context, inherited = multiprocessing.get_context("spawn"), None
    done: dict[int, list[bytes]] = {}  # parsed chunks not yet yielded
    following = 0  # the next chunk to yield
    workers: list[_Worker] = []
    try:
        with _one_thread_each():  # the environment the workers start with
            workers = [_Worker(context, inherited, info.name, info.fingerprint, coding_components(nlp))
                       for _ in range(min(n_process, len(chunks)))]
        queued = iter(range(len(chunks)))
        for worker in workers:
            index = next(queued, None)
            if index is not None:
                worker.send(index, chunks[index])
        while following < len(chunks):
            while following in done:
                for entry in done.pop(following):
                    yield None, entry, None
                following += 1
            if following == len(chunks):
                break
            _collect(workers, chunks, queued, done)
    except _WorkerDied:
        # A pipeline the workers cannot load by name (built in code, changed after loading), or
        # a worker that died: parse the rest here, keeping the chunks already parsed.
        for worker in workers:
            worker.stop()
        workers = []
        for index in range(following, len(chunks)):
            if index in done:
                yield from ((None, entry, None) for entry in done.pop(index))
            else:
                yield from _parse(nlp, chunks[index])
    finally:
        for worker in workers:
            worker.stop()


def _collect(workers: list[_Worker], chunks: list[list[str]], queued: Iterator[int],
             done: dict[int, list[bytes]]) -> None:
    """Wait for the next chunk any worker sends back, keep it in ``done`` and give that worker
    the next chunk; :class:`_WorkerDied` when a worker dies or cannot load the pipeline."""
    busy = [w for w in workers if w.chunk is not None]
    if not busy:
        raise _WorkerDied("no worker is parsing")
    by_handle = {w.results: w for w in busy} | {w.process.sentinel: w for w in busy}
    for handle in wait(list(by_handle)):
        worker = by_handle[handle]
        if worker.chunk is None:
            continue  # already read through its other handle
        try:
            if not worker.results.poll():
                raise EOFError  # its sentinel: the process has ended with nothing to send
            index, entries = worker.results.recv()
        except (EOFError, OSError) as exc:
            raise _WorkerDied(f"worker {worker.process.pid} exited ({worker.process.exitcode})") from exc
        if index < 0:
            raise _WorkerDied(str(entries))
        done[index] = entries
        worker.chunk = None
        following = next(queued, None)
        if following is not None:
            try:
                worker.send(following, chunks[following])
            except OSError as exc:  # it died just now
                raise _WorkerDied(f"worker {worker.process.pid} exited") from exc


@contextmanager
def _one_thread_each() -> Iterator[None]:
    """Workers start with one BLAS/OpenMP thread each: with two workers on two cores, more
    threads only fight for the cores (and OpenBLAS threads spin while they wait)."""
    saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
    os.environ.update({name: "1" for name in _THREAD_VARIABLES})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
