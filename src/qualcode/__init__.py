"""qualcode: codebook-driven coding of Norwegian interviews and open survey answers.

The package follows the analyst's workflow, one sub-package a step::

    ingest → nlp (parse) → tagging (codebook) → review (human) → analysis / export
"""

__version__ = "0.2.0"
