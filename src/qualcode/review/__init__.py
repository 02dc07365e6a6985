"""Review: the analyst's decisions on codings, each saved at once and written to the audit log."""

from qualcode.review.decisions import (
    DecisionError,
    accept,
    add_manual_coding,
    add_memo,
    change_category,
    reject,
    reset,
)

__all__ = ["DecisionError", "accept", "add_manual_coding", "add_memo", "change_category", "reject", "reset"]
