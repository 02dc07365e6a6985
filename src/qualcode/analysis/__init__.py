"""Analyse: counts per category, group comparisons, word clouds, quotes, reports."""
