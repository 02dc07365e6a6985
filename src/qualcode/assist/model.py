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
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import joblib
import numpy as np
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

_WORD = re.compile(r"\w+(?:[-']\w+)*")
CHUNK = 10_000  # texts vectorised at a time: bounds memory when scoring 100,000 segments


@dataclass(frozen=True)
class CategoryFit:
    """What one category's classifier was trained on."""

    positives: int
    negatives: int
    calibrated: bool  # False when a class had a single example (raw logistic probabilities)


class CodeModel:
    """One calibrated binary classifier per category, on hashed character n-grams.

    Parameters are set in the constructor (scikit-learn style); :meth:`fit` learns
    ``categories_`` (the categories it can propose), ``fits_`` (per-category counts) and
    ``skipped_`` (categories it cannot learn yet, with the reason).
    """

    def __init__(self, ngram_range: tuple[int, int] = (2, 5), n_features: int = 2**18, C: float = 4.0,
                 folds: int = 3, seed: int = 0) -> None:
        self.ngram_range = ngram_range
        self.n_features = n_features
        self.C = C
        self.folds = folds
        self.seed = seed

    def _vectorizer(self) -> HashingVectorizer:
        return HashingVectorizer(analyzer="char_wb", ngram_range=self.ngram_range, n_features=self.n_features,
                                 alternate_sign=False, norm=None, lowercase=True)

    def _features(self, texts: Sequence[str]):
        return self.tfidf_.transform(self._vectorizer().transform(texts))

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
        self.tfidf_ = TfidfTransformer(sublinear_tf=True).fit(counts)
        features = self.tfidf_.transform(counts, copy=False)  # in place: one matrix of 100,000 texts is enough
        names = list(dict.fromkeys(name for known in labels for name in known))
        self.categories_: list[str] = []
        self.classifiers_: dict = {}
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
            self.categories_.append(name)
            self.classifiers_[name] = classifier
            self.fits_[name] = CategoryFit(positives, negatives, smaller >= 2)
        if progress:
            progress("train", len(names), len(names))
        return self

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities, shape ``(len(texts), len(categories_))``, columns in ``categories_`` order."""
        result = np.zeros((len(texts), len(self.categories_)), dtype=np.float64)
        for start in range(0, len(texts), CHUNK):
            features = self._features(texts[start:start + CHUNK])
            for j, name in enumerate(self.categories_):
                result[start:start + features.shape[0], j] = self.classifiers_[name].predict_proba(features)[:, 1]
        return result

    def _coef(self, category: str) -> np.ndarray:
        classifier = self.classifiers_[category]
        if isinstance(classifier, CalibratedClassifierCV):
            classifier = classifier.calibrated_classifiers_[0].estimator
        return classifier.coef_[0]

    def explain(self, text: str, category: str, top: int = 3) -> list[tuple[int, int, str, float]]:
        """The words of ``text`` that speak most for ``category``: ``(start, end, word, weight)``.

        A word's weight is what its own n-grams add to the classifier's decision.
        """
        matches = list(_WORD.finditer(text))
        if not matches or category not in self.classifiers_:
            return []
        weights = self._features([m.group() for m in matches]) @ self._coef(category)
        ranked = sorted(zip(matches, weights), key=lambda pair: -pair[1])
        return [(m.start(), m.end(), m.group(), round(float(w), 4)) for m, w in ranked[:top] if w > 0]

    def to_bytes(self) -> bytes:
        """The fitted model, joblib-compressed (what the project's ``models`` table stores)."""
        buffer = io.BytesIO()
        joblib.dump(self, buffer, compress=3)
        return buffer.getvalue()

    @staticmethod
    def from_bytes(data: bytes) -> "CodeModel":
        """A model written by :meth:`to_bytes`."""
        model = joblib.load(io.BytesIO(data))
        if not isinstance(model, CodeModel):
            raise TypeError(f"expected a CodeModel, found {type(model).__name__}")
        return model
