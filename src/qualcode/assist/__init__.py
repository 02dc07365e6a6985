"""Assist: help with what the codebook does not name.

* a classifier, trained on the analyst's decisions and the codebook's examples, that proposes
  codes where no rule fired (``train_model``, ``suggest_codes``) and orders the review queue by
  its uncertainty (``uncertainty_queue``);
* candidate terms for a category from the project's own text (``suggest_terms``; add one with
  ``qualcode.tagging.edit.add_term``);
* topic models over the segments no category caught (``missing_themes``).
"""

from qualcode.assist.model import CodeModel
from qualcode.assist.suggest import QueueItem, SuggestionReport, suggest_codes, uncertainty_queue
from qualcode.assist.terms import TermSuggestion, suggest_terms
from qualcode.assist.topics import MissingThemes, Topic, TopicError, missing_themes
from qualcode.assist.training import ModelError, TrainingReport, load_model, save_model, train_model

__all__ = ["CodeModel", "MissingThemes", "ModelError", "QueueItem", "SuggestionReport", "TermSuggestion", "Topic",
           "TopicError", "TrainingReport", "load_model", "missing_themes", "save_model", "suggest_codes",
           "suggest_terms", "train_model", "uncertainty_queue"]
