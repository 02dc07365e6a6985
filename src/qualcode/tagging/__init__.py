"""Tag: codebooks and the codebook-driven tagger."""

from qualcode.tagging.codebook import Category, Codebook, CodebookError, load_codebook, parse_codebook
from qualcode.tagging.tagger import CodebookTagger, codes_json, explain_primary, primary_category


def codebook_pipeline(codebook: Codebook, pipeline: str | None = None):
    """The Norwegian pipeline with a ``qualcode_codebook`` tagger for ``codebook`` at the end."""
    from qualcode.nlp import load_pipeline

    nlp = load_pipeline(pipeline)
    nlp.add_pipe("qualcode_codebook").set_codebook(codebook)
    return nlp


__all__ = ["Category", "Codebook", "CodebookError", "CodebookTagger", "codebook_pipeline", "codes_json",
           "explain_primary", "load_codebook", "parse_codebook", "primary_category"]
