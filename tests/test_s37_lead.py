"""The thirty-seventh session's own changes (issue 17): what the lead mended between passes."""

from __future__ import annotations

import subprocess
import sys


def test_argument_error_is_importable_from_qntrack_as_every_error_is():
    """docs/python-api.md tells a caller to catch ``ArgumentError`` for a wrong argument,
    but it was the one error ``qntrack`` did not export (``qntrack.ArgumentError`` raised
    AttributeError), so a caller reached into ``qntrack.errors``."""
    import qntrack
    from qntrack.errors import ArgumentError, InputError

    assert "ArgumentError" in qntrack.__all__
    assert qntrack.ArgumentError is ArgumentError
    assert issubclass(qntrack.ArgumentError, InputError)
    try:
        qntrack.history(None, 5)  # an indicator that is no text
    except qntrack.ArgumentError as error:
        assert error.problems[0].location.file == "indicator"
    else:  # pragma: no cover - the test's failure
        raise AssertionError("history(None, 5) was taken")


def test_import_qntrack_still_loads_no_error_module():
    """Exporting one more name keeps ``import qntrack`` loading none of them."""
    code = "import sys, qntrack; print('qntrack.errors' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
