"""Which file an error of writing names: the file the user asked for, or, for the chart
files beside a report, the chart (another user's r-charts/ folder was said as r.md)."""

from __future__ import annotations

import errno
import os

from qntrack.files.outputs import os_error_file


def _denied(path: str) -> OSError:
    return OSError(errno.EACCES, os.strerror(errno.EACCES), path)


def test_the_temporary_file_of_the_asked_file_is_named_as_asked() -> None:
    assert os_error_file(_denied("/work/.r.md.k2j3_x.tmp"), "r.md") == "r.md"


def test_the_temporary_file_of_a_chart_names_the_chart() -> None:
    assert os_error_file(_denied("/work/r-charts/.cbct-share.svg.ab_12z.tmp"), "r.md") == (
        "/work/r-charts/cbct-share.svg"
    )


def test_a_file_named_by_the_system_is_named_so() -> None:
    assert os_error_file(_denied("/work/r-charts"), "r.md") == "/work/r-charts"
    assert os_error_file(OSError(errno.ENOSPC, "No space left on device"), "r.md") == "r.md"
