"""The output: words and numbers (i18n), short texts and sentences (summary, narrative),
machine formats (JSON, CSV/TSV, TOML), terminal tables (render), charts and the report;
how each kind of target is said and drawn (views, one module per kind).

Writes text; files are written through ``qntrack.files.outputs``. May import everything
below it: ``qntrack.plan``, ``qntrack.method``, ``qntrack.kinds``, ``qntrack.files``,
``qntrack.catalog``.
"""
