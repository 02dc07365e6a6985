"""Load the Norwegian spaCy pipeline qualcode parses with.

Resolution order of :func:`load_pipeline`:

1. an explicit name or path (``load_pipeline("nb_core_news_md")``, ``load_pipeline("./my_model")``);
2. the first installed of ``nb_core_news_lg``, ``nb_core_news_md``, ``nb_core_news_sm``;
3. qualcode's own pipeline ``nb_qualcode_sm``, trained on NorNE and shipped in the package;
4. ``spacy.blank("nb")`` with a sentencizer and the NDT/simplemma lookup lemmatizer.

Whatever is loaded gets qualcode's Norwegian stop words, the ``token._.parts`` compound
extension, NDT-style tokenization (:mod:`qualcode.nlp.tokenfix`) and the written-standard
detector (``doc._.standard``: "nb" bokmål or "nn" nynorsk, :mod:`qualcode.nlp.standard`), which
the lemma lexicon reads. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from qualcode.nlp import lemmatizer as _lemmatizer  # noqa: F401  (registers the factory)
from qualcode.nlp import participles as _participles  # noqa: F401  (registers the factory)
from qualcode.nlp import propernouns as _propernouns  # noqa: F401  (registers the factory)
from qualcode.nlp import standard as _standard  # noqa: F401  (registers the factory)
from qualcode.nlp import upos_from_parse as _upos_from_parse  # noqa: F401  (registers the factory)
from qualcode.nlp.compounds import register_extensions
from qualcode.nlp.stopwords import apply_stop_words
from qualcode.nlp.tokenfix import adapt_tokenizer

INSTALLED_CANDIDATES = ("nb_core_news_lg", "nb_core_news_md", "nb_core_news_sm")
BUNDLED_NAME = "nb_qualcode_sm"
FALLBACK_NAME = "blank:nb"


@dataclass(frozen=True)
class PipelineInfo:
    """Which pipeline is in use and why."""

    name: str
    kind: str  # "explicit", "installed", "bundled" or "fallback"
    reason: str
    version: str
    components: tuple[str, ...]

    @property
    def fingerprint(self) -> str:
        """Identifies the analysis a Doc got: part of the parse-cache key."""
        return f"{self.name}@{self.version}"


class PipelineNotFound(LookupError):
    """An explicitly requested pipeline is neither an installed package nor a folder."""


def bundled_pipeline_path() -> Path | None:
    """Folder of the shipped ``nb_qualcode_sm`` pipeline, if this install has it."""
    path = Path(str(resources.files("qualcode").joinpath("models", BUNDLED_NAME)))
    return path if (path / "meta.json").is_file() else None


def blank_pipeline() -> Language:
    """``spacy.blank("nb")`` with a sentencizer and the NDT/simplemma lemmatizer."""
    nlp = spacy.blank("nb")
    nlp.add_pipe("qualcode_written_standard")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("qualcode_lemmatizer")
    return nlp


def _resolve(name: str | None) -> tuple[Language, str, str, str]:
    if name is not None:
        if name == FALLBACK_NAME:
            return blank_pipeline(), FALLBACK_NAME, "explicit", "requested explicitly"
        if name == BUNDLED_NAME and bundled_pipeline_path() is not None:
            return spacy.load(bundled_pipeline_path()), BUNDLED_NAME, "explicit", "requested explicitly"
        if Path(name).exists() or importlib.util.find_spec(name.replace("-", "_")) is not None:
            return spacy.load(name), name, "explicit", "requested explicitly"
        raise PipelineNotFound(
            f"spaCy pipeline '{name}' is not installed and is not a folder. Install its package "
            f"(pip install ./{name}.whl), give the path to a pipeline folder, or leave the name out "
            f"to use qualcode's default."
        )
    for candidate in INSTALLED_CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return spacy.load(candidate), candidate, "installed", f"{candidate} is installed (preferred over smaller models)"
    path = bundled_pipeline_path()
    if path is not None:
        reason = "no nb_core_news_* model is installed; using the pipeline shipped with qualcode"
        return spacy.load(path), BUNDLED_NAME, "bundled", reason
    reason = "no nb_core_news_* model is installed and this install has no bundled pipeline"
    return blank_pipeline(), FALLBACK_NAME, "fallback", reason


def _version(nlp: Language, kind: str, resolved: str) -> str:
    if resolved == FALLBACK_NAME:
        # The blank pipeline's analysis changes with qualcode's own lemma tables.
        from qualcode import __version__

        return f"qualcode-lookup-{__version__}"
    from qualcode import __version__

    # qualcode's lexicon backs the lemmatizer, so its version is part of the analysis too.
    return f"{nlp.meta.get('name', resolved)}-{nlp.meta.get('version', '0')}+qualcode-{__version__}"


def load_pipeline(name: str | None = None) -> Language:
    """Load the Norwegian pipeline (see the module docstring for the order tried).

    >>> nlp = load_pipeline("blank:nb")
    >>> [t.lemma_ for t in nlp("Elevene fikk nye venner")]
    ['elev', 'få', 'ny', 'venn']
    >>> doc = nlp("Elevane fekk nye vener")
    >>> doc._.standard, [t.lemma_ for t in doc]
    ('nn', ['elev', 'få', 'ny', 'ven'])
    """
    nlp, resolved, kind, reason = _resolve(name)
    adapt_tokenizer(nlp)
    if "qualcode_sentence_final_period" not in nlp.pipe_names:
        nlp.add_pipe("qualcode_sentence_final_period", first=True)
    if "qualcode_written_standard" not in nlp.pipe_names:
        nlp.add_pipe("qualcode_written_standard", first=True)
    lemmatizers = [n for n, pipe in nlp.pipeline if n in ("lemmatizer", "trainable_lemmatizer")]
    if lemmatizers and "qualcode_lemma_lexicon" not in nlp.pipe_names:
        nlp.add_pipe("qualcode_lemma_lexicon", after=lemmatizers[-1])
    if "morphologizer" in nlp.pipe_names and "qualcode_participles" not in nlp.pipe_names:
        # after the lemmas: the rule reads the auxiliary's lemma
        nlp.add_pipe("qualcode_participles", after="qualcode_lemma_lexicon" if lemmatizers else "morphologizer")
    if "qualcode_participles" in nlp.pipe_names and "qualcode_nynorsk_proper_nouns" not in nlp.pipe_names:
        nlp.add_pipe("qualcode_nynorsk_proper_nouns", after="qualcode_participles")
    if ("parser" in nlp.pipe_names and "qualcode_participles" in nlp.pipe_names
            and "qualcode_upos_from_parse" not in nlp.pipe_names):
        # after the parser and the lemmas: the rules read a word's relations and lemma
        nlp.add_pipe("qualcode_upos_from_parse", after="qualcode_nynorsk_proper_nouns")
    apply_stop_words(nlp)
    register_extensions()
    nlp.meta["qualcode"] = asdict(
        PipelineInfo(
            name=resolved,
            kind=kind,
            reason=reason,
            version=_version(nlp, kind, resolved),
            components=tuple(nlp.pipe_names),
        )
    )
    return nlp


def pipeline_info(nlp: Language) -> PipelineInfo:
    """The :class:`PipelineInfo` of a pipeline returned by :func:`load_pipeline`."""
    data = dict(nlp.meta["qualcode"])
    data["components"] = tuple(data["components"])
    return PipelineInfo(**data)
