"""A classifier that proposes codes: calibrated logistic regression over character n-grams.

>>> model = CodeModel().fit(["engelsk", "tysk", "språk", "nye venner", "vennskap", "mestring"],
...                          [{"sprak": True}] * 3 + [{"sprak": False}] * 3)            # doctest: +SKIP
>>> model.predict_proba(["engelskkunnskaper", "venner for livet"])                     # doctest: +SKIP
array([[0.70], [0.05]])

Character n-grams inside word boundaries (``char_wb``, 2–5 characters) let one model see that
«engelskkunnskaper», «språkbarrierer» and «venskap» share pieces with words it was taught, which
suits Norwegian compounds, inflection, nynorsk and typos. Features are hashed, so the model's
size does not grow with the corpus. Each category gets its own binary classifier trained on the
texts whose label for it is known, and its probabilities are calibrated (Platt scaling on
cross-validated predictions) so that, on texts like those it learnt from, 0.8 means right about
four times in five.

A fitted model is plain numbers: the idf weights, one coefficient row, intercept and sigmoid per
category. That is all :meth:`CodeModel.predict_proba` uses, and all :meth:`CodeModel.to_bytes`
stores (a NumPy ``.npz`` read with ``allow_pickle=False`` plus a JSON header), so a project file
from someone else can never run code when its model is loaded: there is no pickle to load.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import scipy
import sklearn
from scipy import sparse
from scipy.special import expit
from sklearn.base import BaseEstimator
from sklearn.calibration import CalibratedClassifierCV
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import normalize

_WORD = re.compile(r"\w+(?:[-']\w+)*")
CHUNK = 10_000  # texts vectorised at a time: bounds memory when scoring 100,000 segments
FORMAT = "qualcode-codemodel/1"
_ARRAYS = ("header", "idf", "coef", "intercept", "calibration")
MAX_STORED_BYTES = 256 * 2**20  # uncompressed; 2**18 features x 8 bytes x 100 categories is 200 MB


class ModelFormatError(ValueError):
    """Stored bytes that are not a model this qualcode can use; the message says why."""


def library_versions() -> dict[str, str]:
    """The versions a stored model records, so another installation can tell whether it fits."""
    from qualcode import __version__

    return {"qualcode": __version__, "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__}


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


@dataclass(frozen=True)
class CategoryFit:
    """What one category's classifier was trained on."""

    positives: int
    negatives: int
    calibrated: bool  # False when a class had a single example (raw logistic probabilities)


class CodeModel(BaseEstimator):
    """One calibrated binary classifier per category, on hashed character n-grams.

    Parameters are set in the constructor (scikit-learn style, so ``clone``, ``get_params`` and
    ``repr`` work); :meth:`fit` learns ``categories_`` (the categories it can propose), ``fits_``
    (per-category counts), ``skipped_`` (categories it cannot learn yet, with the reason) and the
    numbers it predicts with: ``idf_`` (n_features,), ``coef_`` (n_categories, n_features),
    ``intercept_`` (n_categories,) and ``calibration_`` (n_categories, 2), the sigmoid ``a, b``
    of each category (NaN where a class had a single example and the raw logistic is used).
    """

    def __init__(self, ngram_range: tuple[int, int] = (2, 5), n_features: int = 2**18, C: float = 4.0,
                 folds: int = 3, seed: int = 0) -> None:
        self.ngram_range = ngram_range
        self.n_features = n_features
        self.C = C
        self.folds = folds
        self.seed = seed

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "coef_")

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise NotFittedError("This CodeModel is not fitted yet; call fit() first, or load a trained one "
                                 "with qualcode.assist.load_model().")

    def _vectorizer(self) -> HashingVectorizer:
        return HashingVectorizer(analyzer="char_wb", ngram_range=tuple(self.ngram_range), n_features=self.n_features,
                                 alternate_sign=False, norm=None, lowercase=True)

    def _features(self, texts: Sequence[str]):
        """TF-IDF rows as :class:`~sklearn.feature_extraction.text.TfidfTransformer` makes them
        (sublinear tf, ``idf_``, l2 norm), computed from the stored ``idf_`` alone."""
        counts = self._vectorizer().transform(texts).astype(np.float64)
        counts.data = np.log(counts.data) + 1.0
        return normalize(counts @ sparse.diags(self.idf_), norm="l2", copy=False)

    def fit(self, texts: Sequence[str], labels: Sequence[Mapping[str, bool]],
            weights: Sequence[float] | None = None,
            progress: Callable[[str, int, int], None] | None = None) -> "CodeModel":
        """Learn from ``texts`` (n strings) and ``labels`` (n dicts ``{category: True/False}``).

        A category missing from a text's dict is unknown for that text and not used for it.
        ``weights`` (n floats, default 1) say how much each text counts; ``progress`` is called
        with ``("train", categories done, categories)``.
        """
        if len(texts) != len(labels) or (weights is not None and len(weights) != len(texts)):
            raise ValueError(f"{len(texts)} texts but {len(labels)} label sets"
                             + ("" if weights is None else f" and {len(weights)} weights") + "; give one of each per text.")
        weight = np.ones(len(texts)) if weights is None else np.asarray(weights, dtype=np.float64)
        vectorizer = self._vectorizer()
        counts = sparse.vstack([vectorizer.transform(texts[i:i + CHUNK]) for i in range(0, len(texts), CHUNK)], format="csr")
        tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
        features = tfidf.transform(counts, copy=False)  # in place: one matrix of 100,000 texts is enough
        names = list(dict.fromkeys(name for known in labels for name in known))
        categories: list[str] = []
        rows: list[tuple[np.ndarray, float, float, float]] = []
        self.fits_: dict[str, CategoryFit] = {}
        self.skipped_: dict[str, str] = {}
        for done, name in enumerate(names):
            if progress:
                progress("train", done, len(names))
            # Texts whose label is unknown get weight 0 rather than being cut out: no copy of the matrix.
            known = np.array([name in label for label in labels])
            y = np.array([int(label.get(name, False)) for label in labels])
            positives = int(y[known].sum())
            negatives = int(known.sum()) - positives
            if not positives or not negatives:
                self.skipped_[name] = "no positive examples" if not positives else "no negative examples"
                continue
            # liblinear's dual solver is fast when there are fewer texts than features (the usual case).
            base = LogisticRegression(C=self.C, solver="liblinear", dual=True, max_iter=1000)
            smaller = min(positives, negatives)
            if smaller >= 2:
                folds = StratifiedKFold(min(self.folds, smaller), shuffle=True, random_state=self.seed)
                classifier = CalibratedClassifierCV(base, method="sigmoid", cv=folds, ensemble=False)
            else:
                classifier = base
            classifier.fit(features, y, sample_weight=np.where(known, weight, 0.0))
            rows.append(_linear_parts(classifier))
            categories.append(name)
            self.fits_[name] = CategoryFit(positives, negatives, smaller >= 2)
        if progress:
            progress("train", len(names), len(names))
        self.categories_ = categories
        self.idf_ = np.asarray(tfidf.idf_, dtype=np.float64)
        self.coef_ = np.vstack([r[0] for r in rows]) if rows else np.zeros((0, self.n_features))
        self.intercept_ = np.array([r[1] for r in rows], dtype=np.float64)
        self.calibration_ = np.array([[r[2], r[3]] for r in rows], dtype=np.float64).reshape(len(rows), 2)
        return self

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """The classifiers' raw scores, shape ``(len(texts), len(categories_))``."""
        self._check_fitted()
        result = np.zeros((len(texts), len(self.categories_)), dtype=np.float64)
        for start in range(0, len(texts), CHUNK):
            features = self._features(texts[start:start + CHUNK])
            result[start:start + features.shape[0]] = np.asarray(features @ self.coef_.T) + self.intercept_
        return result

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities, shape ``(len(texts), len(categories_))``, columns in ``categories_`` order."""
        scores = self.decision_function(texts)
        a, b = self.calibration_[:, 0], self.calibration_[:, 1]
        calibrated = ~np.isnan(a)
        # Platt scaling as scikit-learn's _SigmoidCalibration: p = 1 / (1 + exp(a * score + b)).
        return np.where(calibrated, expit(-(np.nan_to_num(a) * scores + np.nan_to_num(b))), expit(scores))

    def explain(self, text: str, category: str, top: int = 3) -> list[tuple[int, int, str, float]]:
        """The words of ``text`` that speak most for ``category``: ``(start, end, word, weight)``.

        A word's weight is what its own n-grams add to the classifier's decision.
        """
        self._check_fitted()
        matches = list(_WORD.finditer(text))
        if not matches or category not in self.categories_:
            return []
        weights = self._features([m.group() for m in matches]) @ self.coef_[self.categories_.index(category)]
        ranked = sorted(zip(matches, weights), key=lambda pair: -pair[1])
        return [(m.start(), m.end(), m.group(), round(float(w), 4)) for m, w in ranked[:top] if w > 0]

    def to_bytes(self) -> bytes:
        """The fitted model as a compressed NumPy ``.npz`` (what the project's ``models`` table stores).

        It holds numeric arrays and a JSON header (parameters, categories, counts, library
        versions), nothing that runs code when read.
        """
        self._check_fitted()
        header = {"format": FORMAT, "versions": library_versions(), "params": self.get_params(),
                  "categories": self.categories_, "fits": {k: asdict(v) for k, v in self.fits_.items()},
                  "skipped": self.skipped_}
        header["params"]["ngram_range"] = list(self.ngram_range)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
                            idf=self.idf_, coef=self.coef_, intercept=self.intercept_, calibration=self.calibration_)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "CodeModel":
        """A model written by :meth:`to_bytes`; anything else raises :class:`ModelFormatError`.

        Only numeric arrays and JSON are read (``allow_pickle=False``), sizes are checked before
        anything is decompressed, and a model written with another scikit-learn version is refused
        (its feature hashing and training may differ; train it again).
        """
        arrays = _read_arrays(data)
        try:
            header = json.loads(arrays["header"].tobytes().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise ModelFormatError("its header is not JSON") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ModelFormatError(f"it is not in the format '{FORMAT}'")
        stored = str(header.get("versions", {}).get("scikit-learn", "unknown"))
        if _minor(stored) != _minor(sklearn.__version__):
            raise ModelFormatError(f"it was trained with scikit-learn {stored} and this installation has "
                                   f"{sklearn.__version__}")
        try:
            params = dict(header["params"])
            params["ngram_range"] = tuple(int(n) for n in params["ngram_range"])
            model = cls(**params)
            model.categories_ = [str(c) for c in header["categories"]]
            model.fits_ = {str(k): CategoryFit(int(v["positives"]), int(v["negatives"]), bool(v["calibrated"]))
                           for k, v in header["fits"].items()}
            model.skipped_ = {str(k): str(v) for k, v in header["skipped"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelFormatError(f"its header is incomplete ({exc.__class__.__name__}: {exc})") from None
        k, n = len(model.categories_), int(model.n_features)
        shapes = {"idf": (n,), "coef": (k, n), "intercept": (k,), "calibration": (k, 2)}
        for name, shape in shapes.items():
            array = arrays[name]
            if array.shape != shape or array.dtype != np.float64:
                raise ModelFormatError(f"its array '{name}' has shape {array.shape} ({array.dtype}), not {shape} (float64)")
            setattr(model, f"{name}_", array)
        return model


def _linear_parts(classifier) -> tuple[np.ndarray, float, float, float]:
    """``(coef, intercept, a, b)`` of a fitted binary classifier; ``a, b`` NaN when uncalibrated."""
    if isinstance(classifier, CalibratedClassifierCV):
        calibrated = classifier.calibrated_classifiers_[0]
        linear, sigmoid = calibrated.estimator, calibrated.calibrators[0]
        a, b = float(sigmoid.a_), float(sigmoid.b_)
    else:
        linear, a, b = classifier, float("nan"), float("nan")
    return np.asarray(linear.coef_[0], dtype=np.float64), float(linear.intercept_[0]), a, b


def _read_arrays(data: bytes) -> dict[str, np.ndarray]:
    """The arrays of a stored model: the archive's members and sizes are checked before reading."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ModelFormatError("it is not a NumPy archive (a model stored by qualcode 0.2 or older as a pickle, "
                               "which is never loaded, or damaged data)") from None
    names = sorted(m.filename for m in members)
    if names != sorted(f"{name}.npy" for name in _ARRAYS):
        raise ModelFormatError(f"it holds {', '.join(names[:8]) or 'nothing'}, not the arrays of a code model")
    if sum(m.file_size for m in members) > MAX_STORED_BYTES:
        raise ModelFormatError(f"its arrays would take more than {MAX_STORED_BYTES // 2**20} MB")
    try:
        for member in members:  # an .npy header can declare any shape: it must fit in the member's bytes
            with archive.open(member) as handle:
                version = np.lib.format.read_magic(handle)
                read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
                shape, _, dtype = read_header(handle)
            if dtype.hasobject or int(np.prod(shape, dtype=np.float64)) * dtype.itemsize > member.file_size:
                raise ModelFormatError(f"its member {member.filename} declares more data than it holds")
        with np.load(io.BytesIO(data), allow_pickle=False) as stored:
            return {name: stored[name] for name in _ARRAYS}
    except ModelFormatError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:  # object arrays, truncated or bad members
        raise ModelFormatError(f"its arrays cannot be read ({exc.__class__.__name__})") from None
