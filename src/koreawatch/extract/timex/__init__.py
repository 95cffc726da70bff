"""Internals of :mod:`koreawatch.extract.time` (lexicon, calendar, context, rules)."""
