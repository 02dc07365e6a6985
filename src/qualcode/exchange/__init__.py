"""Exchange: REFI-QDA (.qdpx projects, .qdc codebooks) in and out, Excel and CSV out, pseudonymised.

>>> from qualcode.exchange import export_qdpx, import_refi
>>> export_qdpx(project, Path("evaluering.qdpx"))                         # doctest: +SKIP
>>> report = import_refi(project, Path("fra_nvivo.qdpx"))                  # doctest: +SKIP
>>> report.dropped                                                          # doctest: +SKIP
['2 picture sources (qualcode keeps text only)', …]
"""

from qualcode.tagging.codebook_yaml import codebook_yaml, write_codebook_yaml
from qualcode.exchange.common import ExchangeError
from qualcode.exchange.pseudonymise import NameList, Pseudonymiser, load_names
from qualcode.exchange.refi import ExportReport, export_qdc, export_qdpx
from qualcode.exchange.refi_import import ImportReport, import_refi
from qualcode.exchange.refi_read import RefiFile, read_refi
from qualcode.review.judgements import TAGGER

__all__ = ["TAGGER", "ExchangeError", "ExportReport", "ImportReport", "NameList", "Pseudonymiser", "RefiFile",
           "codebook_yaml", "export_qdc", "export_qdpx", "import_refi", "load_names", "read_refi",
           "write_codebook_yaml"]
