"""Benchmarks: ``python -m benchmarks [ingest|tagger|recode|all]`` (several runs, medians)."""
