"""The Norwegian NLP layer: pipeline loading, lemmas, compounds, stop words, PDF clean-up."""

from qualcode.nlp.cleaning import CleanedText, clean_text
from qualcode.nlp.compounds import split_compound
from qualcode.nlp.lemmatizer import lemmatize_word
from qualcode.nlp.pipeline import PipelineInfo, PipelineNotFound, load_pipeline, pipeline_info
from qualcode.nlp.stopwords import is_noise_answer, stop_words

__all__ = [
    "CleanedText",
    "PipelineInfo",
    "PipelineNotFound",
    "clean_text",
    "is_noise_answer",
    "lemmatize_word",
    "load_pipeline",
    "pipeline_info",
    "split_compound",
    "stop_words",
]
