"""The method: the progress measure of Statistics Canada / Open SDG, the series in force
(vintages, ``--as-of``), the records every kind's assessment gives and the helpers they
share (each kind's own judgement is in ``qntrack.kinds``), vintages for ``history`` and
the timing rules a figure must obey.

Pure and typed: no I/O, no Rich, no clock (the day is passed in). May import:
``qntrack.plan``, ``qntrack.catalog``.
"""
