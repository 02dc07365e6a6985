"""Parsing for coding (qualcode.nlp.parsing) with the real pipeline: what the tagger reads, fast."""

from __future__ import annotations

from qualcode.nlp.doccache import doc_from_bytes, doc_to_bytes, read_header
from qualcode.nlp.parsing import coding_components, parse_entries_for_coding, parse_for_coding

ANSWERS = ["Nye venner", "språkferdigheter", "Bedre engelsk, selvtillit", "vennskap", "Mestring og glede"]
TURNS = [
    "Elevene fikk nye venner og bedre språkferdigheter. De snakket engelsk hele uka.",
    "Vi hadde ikke råd til å reise alle sammen, men lærerne var i Spania to ganger.",
    "Elevane fekk nye vener. Dei lærte mykje om klimaendringar.",
]


def test_coding_skips_the_parse_and_the_entities(nlp):
    wanted = coding_components(nlp)
    assert "parser" not in wanted and "ner" not in wanted
    assert "senter" in wanted  # sentence starts still come from a model


def test_survey_answers_get_the_lemmas_the_full_pipeline_gives(nlp):
    for (doc, entry), text in zip(parse_for_coding(nlp, ANSWERS, n_process=1), ANSWERS):
        full = nlp(text)
        assert [t.lemma_.lower() for t in doc if t.is_alpha] == [t.lemma_.lower() for t in full if t.is_alpha], text
        assert read_header(entry).words == [t.text for t in full]


def test_a_word_the_lexicon_lacks_gets_the_models_lemma_of_the_word(nlp):
    """A short answer is a list of words: an unknown word («mestringsopplevelser», a compound the
    lexicon lacks) gets the lemma the pipeline gives it on its own, in any answer it occurs in."""
    texts = ["mestringsopplevelser", "nye mestringsopplevelser, vennskap", "Vennskap og mestringsopplevelser"]
    alone = nlp("mestringsopplevelser")[0].lemma_
    assert alone == "mestringsopplevelse"
    for doc, _ in parse_for_coding(nlp, texts, n_process=1):
        assert [t.lemma_ for t in doc if t.lower_ == "mestringsopplevelser"] == [alone], doc.text
        assert [t.is_sent_start for t in doc] == [True] + [False] * (len(doc) - 1)


def test_a_full_stop_in_a_short_answer_starts_a_new_sentence(nlp):
    doc = next(doc for doc, _ in parse_for_coding(nlp, ["samarbeid. Trygghet og vennskap"], n_process=1))
    assert [t.is_sent_start for t in doc] == [True, False, True, False, False]
    assert [t.lemma_ for t in doc if t.is_alpha] == ["samarbeid", "trygghet", "og", "vennskap"]


def test_a_hyphenated_compound_inflects_its_last_part(nlp):
    docs = [doc for doc, _ in parse_for_coding(nlp, ["IKT-ferdigheter", "nye aha-opplevelser"], n_process=1)]
    assert [t.lemma_ for t in docs[0]] == ["IKT-ferdighet"]
    assert [t.lemma_ for t in docs[1]] == ["ny", "aha-opplevelse"]


def test_a_short_texts_entry_is_the_one_its_doc_would_write(nlp):
    """Short texts' cache entries are written from their words, without a Doc: byte for byte
    what doc_to_bytes writes for the Doc with those lemmas and sentences."""
    texts = ANSWERS + ["samarbeid. Trygghet og vennskap", "IKT-ferdigheter", "nye aha-opplevelser", "Elevane fekk nye vener",
                       "mestringsopplevelser", "? Vennskap", "engelsk;  tysk", "2006.", "", "a\x1fb c\x1ed"]
    with_docs = list(parse_for_coding(nlp, texts, n_process=1))
    without = list(parse_for_coding(nlp, texts, n_process=1, docs=False))
    for (doc, entry), (none, same), text in zip(with_docs, without, texts):
        assert entry == doc_to_bytes(doc) == same, text
        assert none is None, text
    # The header handed to the tagger with a new entry is the one the entry holds.
    for (header, entry, _), (_, same) in zip(parse_entries_for_coding(nlp, texts + TURNS, n_process=1),
                                             parse_for_coding(nlp, texts + TURNS, n_process=1, docs=False)):
        assert entry == same and header == read_header(entry)
    rebuilt = doc_from_bytes(nlp.vocab, with_docs[5][1])
    assert [t.lemma_ for t in rebuilt] == ["samarbeid", ".", "trygghet", "og", "vennskap"]
    assert [t.is_sent_start for t in rebuilt] == [True, False, True, False, False]


def test_long_texts_keep_sentences_and_lemmas(nlp):
    doc = next(doc for doc, _ in parse_for_coding(nlp, TURNS[:1], n_process=1))
    assert [s.text for s in doc.sents] == ["Elevene fikk nye venner og bedre språkferdigheter.",
                                           "De snakket engelsk hele uka."]
    assert [t.lemma_ for t in doc][:4] == ["elev", "få", "ny", "venn"]


def test_worker_processes_write_the_same_cache_entries(nlp):
    texts = ANSWERS + TURNS
    alone = [entry for _, entry in parse_for_coding(nlp, texts, n_process=1)]
    workers = list(parse_for_coding(nlp, texts, n_process=2))
    assert all(doc is None for doc, _ in workers)  # the parent gets cache entries, not Docs
    assert [entry for _, entry in workers] == alone


def test_workers_started_from_a_thread_write_the_same_cache_entries(nlp):
    """The app's server codes in a thread: its workers are started afresh and load the pipeline
    by name (a forked copy of a process with threads can deadlock), with the same result as the
    forked workers of the one-threaded CLI."""
    texts = ANSWERS + TURNS
    alone = [entry for _, entry in parse_for_coding(nlp, texts, n_process=1)]
    assert _parsed_in_a_thread(nlp, texts) == alone


def _parsed_in_a_thread(nlp, texts: list[str]) -> list[bytes]:
    """The entries of ``texts`` parsed with two workers from a thread, as the app's server parses."""
    import threading

    got: list[bytes] = []
    worker = threading.Thread(target=lambda: got.extend(e for _, e in parse_for_coding(nlp, texts, n_process=2)))
    worker.start()
    worker.join(timeout=600)
    assert not worker.is_alive(), "the parse hung"
    return got


def test_workers_never_parse_with_another_pipeline_than_the_callers():
    """Workers started afresh load the pipeline by name; when the caller's pipeline was changed
    after loading (a component removed), that would be another pipeline: the parent parses alone
    instead, with the same entries as in one process."""
    from qualcode.nlp import load_pipeline

    nlp = load_pipeline("blank:nb")
    nlp.remove_pipe("qualcode_sentence_final_period")
    texts = [f"Elevene fikk nye venner i uke {i}. De snakket engelsk hele uka" for i in range(600)]
    alone = [entry for _, entry in parse_for_coding(nlp, texts, n_process=1)]
    assert _parsed_in_a_thread(nlp, texts) == alone


def test_a_worker_that_dies_leaves_the_rest_to_the_parent(nlp):
    """A worker killed mid-job (the kernel's out-of-memory killer, say) must not hang the run:
    the chunks it lost are parsed in the parent, and every text still gets its entry."""
    import multiprocessing
    import os
    import signal
    import threading

    texts = [f"{turn} Dette er svar nummer {i}." for i in range(1000) for turn in TURNS]
    alone = [entry for _, entry in parse_for_coding(nlp, texts, n_process=1)]
    got: list[bytes] = []
    killed: list[int] = []

    def run() -> None:
        for doc, entry in parse_for_coding(nlp, texts, n_process=2):
            got.append(entry)
            if len(got) == 1:
                for child in multiprocessing.active_children():
                    os.kill(child.pid, signal.SIGKILL)
                    killed.append(child.pid)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=600)
    assert not worker.is_alive(), "the run hung after its workers died"
    assert killed
    assert got == alone


def test_a_job_stopped_early_leaves_no_worker_behind(nlp):
    """A caller that stops reading (a cancelled import, an error in the tagger) ends the job's
    worker processes with it: none keeps running or holding memory."""
    import multiprocessing

    texts = [f"{turn} Dette er svar nummer {i}." for i in range(300) for turn in TURNS]
    before = set(multiprocessing.active_children())
    parsed = parse_for_coding(nlp, texts, n_process=2)
    next(parsed)
    assert set(multiprocessing.active_children()) - before  # the workers are running
    parsed.close()
    assert set(multiprocessing.active_children()) == before


def test_free_cores_are_measured_in_cores():
    """How many cores nobody uses right now decides whether a large job gets a second process."""
    import os

    from qualcode.nlp.parsing import free_cores

    assert 0 <= free_cores(0.05) <= (os.cpu_count() or 1)
