"""The plan: periods, formulas of derived indicators, and the model of indicators,
targets and observations (values only).

Pure and typed: no I/O, no Rich, no clock. May import: ``qntrack.catalog`` (messages).
"""
