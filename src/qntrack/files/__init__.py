"""The files: targets.yaml (definitions), the observations store (append-only, journal,
repair), imports and recording, the checks of ``qntrack check``, the starter files of
``qntrack init``, and where reports may be written (outputs).

The edge: the only layer that reads or writes files and the clock. May import:
``qntrack.plan``, ``qntrack.method``, ``qntrack.kinds``, ``qntrack.catalog``,
``qntrack.errors``.
"""
