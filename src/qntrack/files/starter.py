"""`qntrack init`: a small, commented tracker to start from. Never overwrites."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Iterable

from ..errors import ExitCode, fail
from ..files.store import HEADER
from .name_room import temporary_prefix

__all__ = ["STARTER_TARGETS", "starter_targets", "write_starter", "write_atomically"]

STARTER_TARGETS = """\
# targets.yaml — what the plan promises. Schema version 1.
# Every key is described in the format reference that comes with qntrack:
#   qntrack docs targets-format        (and: qntrack docs observations-format)
# Replace these examples with your plan's; `qntrack check` says what is wrong, with its line.
version: 1
title: {en: "My plan", vi: "Kế hoạch của tôi"}   # or one text for both languages
observations: observations.csv   # recorded figures, relative to this file
# timezone (optional): your office's offset from UTC, +07:00 in Vietnam. With it, today is
# the office's date on any computer, and a time typed without a zone (2026-07-03T09:00) is
# the office's time; without it, today is this computer's date and such a time is refused.
# Where clocks change for summer no offset holds all year: leave it out and give --tz.
# timezone: +07:00   # your office's offset; delete '# ' at the start of this line to use it

indicators:
  # An indicator is a quantity that is measured; ids use a-z, 0-9 and _.
  industry_share:
    name: {en: "Manufacturing share of GRDP", vi: "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP"}
    unit: "%"
    direction: increase     # increase | decrease: which way is better
    frequency: year         # year | half | quarter | month: the finest period it is published for
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: "%"
    measure: rate           # level (default) | rate (growth in %) | flow (adds up over time)
    frequency: quarter
  investment:
    name: {en: "Investment in manufacturing", vi: "Vốn đầu tư vào công nghiệp chế biến, chế tạo"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    # no measure: the cumulative target below implies 'flow' (an amount that adds up)
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: flow
    frequency: month        # monthly year-to-date figures are read against the plan pro rata
  poverty:
    name: {en: "Multidimensional poverty rate", vi: "Tỷ lệ hộ nghèo đa chiều"}
    unit: "%"
    direction: decrease     # lower is better

targets:
  # level: reach a value by a deadline, with one or more milestones.
  - id: industry-share
    indicator: industry_share
    source: {en: "The resolution that sets it, with its date", vi: "Văn bản đặt ra mục tiêu, kèm ngày ban hành"}
    # note (optional): what a reader should know. Like source, name, group and owner, one
    # text for both languages or {en, vi}: a report in Vietnamese prints the vi.
    note: {en: "The 2030 milestone is the resolution's orientation", vi: "Mốc năm 2030 là định hướng của nghị quyết"}
    # group and owner (optional): the resolution or plan it belongs to, and who answers for
    # it; `qntrack status --group-by group` (or owner) judges each group as a whole.
    group: {en: "Resolution on industry", vi: "Nghị quyết về công nghiệp"}
    owner: {en: "Department of Industry and Trade", vi: "Sở Công Thương"}
    baseline: {period: 2020, value: 10}   # or just: baseline: 2020 (the value is then observed)
    milestones:
      - {by: 2025, value: 15}
      - {by: 2030, value: 20}
  # level without milestones: keep moving the right way (here lower is better).
  # A share rising towards 100% may add 'limit: 100': near it, smaller gains count.
  - id: poverty-down
    indicator: poverty
    name: {en: "Poverty keeps falling", vi: "Tỷ lệ hộ nghèo tiếp tục giảm"}
    baseline: 2021
  # every_period: a threshold every period must pass (at_least or at_most).
  - id: growth-every-year
    type: every_period
    indicator: growth
    at_least: 10
    from: 2021
    to: 2025
  # average: an average growth rate over a span (geometric mean of the yearly rates).
  - id: growth-average
    type: average
    indicator: growth
    name: {en: "GRDP growth about 10% a year, 2021-2025", vi: "Tăng trưởng GRDP bình quân 10%/năm, 2021-2025"}
    at_least: 10
    from: 2021
    to: 2025
  # cumulative: a total over a span.
  - id: investment-total
    type: cumulative
    indicator: investment
    at_least: 50000
    from: 2021
    to: 2025
  # plan: one year's plan figure.
  - id: fdi-plan-2025
    type: plan
    indicator: fdi
    period: 2025
    value: 1500
  # open_sdg: an Open SDG progress option, judged exactly as an Open SDG site judges it
  # (what `qntrack import opensdg` writes); base_year and target_year default to 2015, 2030.
  - id: poverty-sdg
    type: open_sdg
    indicator: poverty
    base_year: 2016
    target: 2
    target_year: 2030
"""

# The starter's comments in Vietnamese, for `qntrack init --lang vi`, line by line: each
# line of STARTER_TARGETS that carries a comment, and the same line with the comment in
# Vietnamese. The keys and values, what is typed, are written once, above; a comment line
# with no entry here would stay English (tests/test_vietnamese17.py loads both starters,
# compares the plans and looks for English comments left).
_VIETNAMESE_LINES = {
    "# targets.yaml — what the plan promises. Schema version 1.": "# targets.yaml — những gì kế hoạch đề ra. Phiên bản định dạng 1.",
    "# Every key is described in the format reference that comes with qntrack:": "# Mọi khóa được mô tả trong tài liệu định dạng đi kèm qntrack:",
    "#   qntrack docs targets-format        (and: qntrack docs observations-format)": "#   qntrack docs targets-format        (và: qntrack docs observations-format)",
    "# Replace these examples with your plan's; `qntrack check` says what is wrong, with its line.": "# Hãy thay các ví dụ này bằng mục tiêu của kế hoạch; `qntrack check` chỉ ra chỗ sai, kèm số dòng.",
    'title: {en: "My plan", vi: "Kế hoạch của tôi"}   # or one text for both languages': 'title: {en: "My plan", vi: "Kế hoạch của tôi"}   # hoặc một tên chung cho cả hai ngôn ngữ',
    "observations: observations.csv   # recorded figures, relative to this file": "observations: observations.csv   # tệp số liệu, đường dẫn tính từ tệp này",
    "# timezone (optional): your office's offset from UTC, +07:00 in Vietnam. With it, today is": "# timezone (không bắt buộc): độ lệch giờ so với UTC của cơ quan, ở Việt Nam là +07:00. Khi có,",
    "# the office's date on any computer, and a time typed without a zone (2026-07-03T09:00) is": '# "hôm nay" là ngày của cơ quan trên mọi máy tính, và giờ nhập không kèm múi giờ (2026-07-03T09:00)',
    "# the office's time; without it, today is this computer's date and such a time is refused.": "# là giờ của cơ quan; khi không có, hôm nay là ngày của máy tính này và giờ như vậy bị từ chối.",
    "# Where clocks change for summer no offset holds all year: leave it out and give --tz.": "# Nơi đổi giờ theo mùa hè thì không độ lệch nào đúng quanh năm: hãy bỏ dòng này và dùng --tz.",
    "# timezone: +07:00   # your office's offset; delete '# ' at the start of this line to use it": "# timezone: +07:00   # độ lệch giờ của cơ quan; xóa '# ' ở đầu dòng này để dùng",
    "  # An indicator is a quantity that is measured; ids use a-z, 0-9 and _.": "  # Chỉ tiêu là một đại lượng được đo; mã chỉ tiêu chỉ gồm a-z, 0-9 và _.",
    "    direction: increase     # increase | decrease: which way is better": "    direction: increase     # increase (càng cao càng tốt) | decrease (càng thấp càng tốt)",
    "    frequency: year         # year | half | quarter | month: the finest period it is published for": "    frequency: year         # year | half | quarter | month: kỳ chi tiết nhất có công bố số liệu",
    "    measure: rate           # level (default) | rate (growth in %) | flow (adds up over time)": "    measure: rate           # level (mặc định, mức) | rate (tốc độ tăng, %) | flow (lượng theo kỳ, cộng dồn được)",
    "    # no measure: the cumulative target below implies 'flow' (an amount that adds up)": "    # không ghi measure: mục tiêu lũy kế bên dưới ngầm định 'flow' (một lượng cộng dồn được)",
    "    frequency: month        # monthly year-to-date figures are read against the plan pro rata": "    frequency: month        # số liệu lũy kế từ đầu năm theo tháng được so với kế hoạch năm theo tỷ lệ thời gian",
    "    direction: decrease     # lower is better": "    direction: decrease     # càng thấp càng tốt",
    "  # level: reach a value by a deadline, with one or more milestones.": "  # level: đạt một mức trước một thời hạn, với một hay nhiều mốc.",
    "    # note (optional): what a reader should know. Like source, name, group and owner, one": "    # note (không bắt buộc): điều người đọc cần lưu ý. Cũng như source, name, group và owner,",
    "    # text for both languages or {en, vi}: a report in Vietnamese prints the vi.": "    # ghi một nội dung chung cho cả hai ngôn ngữ hoặc {en, vi}: báo cáo tiếng Việt in phần vi.",
    "    # group and owner (optional): the resolution or plan it belongs to, and who answers for": "    # group và owner (không bắt buộc): nghị quyết hay kế hoạch chứa mục tiêu, và cơ quan chủ",
    "    # it; `qntrack status --group-by group` (or owner) judges each group as a whole.": "    # trì; `qntrack status --group-by group` (hoặc owner) đánh giá từng nhóm như một tổng thể.",
    "    baseline: {period: 2020, value: 10}   # or just: baseline: 2020 (the value is then observed)": "    baseline: {period: 2020, value: 10}   # hoặc chỉ: baseline: 2020 (giá trị gốc lấy từ số liệu)",
    "  # level without milestones: keep moving the right way (here lower is better).": "  # level không có mốc: tiếp tục chuyển biến đúng hướng (ở đây càng thấp càng tốt).",
    "  # A share rising towards 100% may add 'limit: 100': near it, smaller gains count.": "  # Tỷ lệ tăng dần tới 100% có thể thêm 'limit: 100': càng gần giới hạn, mức tăng nhỏ hơn vẫn được tính là tiến bộ.",
    "  # every_period: a threshold every period must pass (at_least or at_most).": "  # every_period: một ngưỡng mà kỳ nào cũng phải đạt (at_least: ít nhất, at_most: nhiều nhất).",
    "  # average: an average growth rate over a span (geometric mean of the yearly rates).": "  # average: tốc độ tăng bình quân trong một giai đoạn (trung bình nhân của tốc độ tăng từng năm).",
    "  # cumulative: a total over a span.": "  # cumulative: tổng lũy kế trong một giai đoạn.",
    "  # plan: one year's plan figure.": "  # plan: kế hoạch của một năm.",
    "  # open_sdg: an Open SDG progress option, judged exactly as an Open SDG site judges it": "  # open_sdg: một cách đánh giá tiến độ của Open SDG, tính đúng như trang Open SDG tính",
    "  # (what `qntrack import opensdg` writes); base_year and target_year default to 2015, 2030.": "  # (như `qntrack import opensdg` ghi); base_year và target_year mặc định là 2015, 2030.",
}


def starter_targets(lang: str) -> str:
    """The starter targets.yaml, its comments in ``lang`` (Vietnamese or English)."""
    if lang != "vi":
        return STARTER_TARGETS
    return "".join(_VIETNAMESE_LINES.get(line, line) + "\n" for line in STARTER_TARGETS.splitlines())


# A temporary file or folder of a killed run is swept up once it is this old: a run still
# writing it is never disturbed (a national report takes about a minute).
LEFT_BEHIND_AFTER = 3600


def sweep_left_behind(paths: Iterable[Path], *, folders: bool = False) -> None:
    """Remove what killed runs left while writing ``paths`` atomically: ``.NAME.XXXXXXXX.tmp``
    beside each (``write_atomically``'s shape; with ``folders``, a folder of that shape
    too, as an export makes one). See ``sweep_shaped``."""
    by_folder: dict[Path, list[str]] = {}
    for path in paths:
        by_folder.setdefault(path.parent, []).append(temporary_prefix(path))
    for folder, prefixes in by_folder.items():
        sweep_shaped(folder, prefixes, folders=folders)


def sweep_shaped(folder: Path, prefixes: Iterable[str], *, folders: bool = False) -> None:
    """Remove from ``folder`` the files (with ``folders``, the folders too) named one of
    ``prefixes`` then mkstemp's 8 random letters and ``.tmp``, older than
    ``LEFT_BEHIND_AFTER``. Nothing of another shape, a link never followed, and no
    error: a sweep that cannot remove something leaves it."""
    import re
    import shutil
    import stat
    import time

    prefixes = [p for p in prefixes if p]
    if not prefixes:
        return  # no name given: an empty pattern would match any ``xxxxxxxx.tmp`` of the folder
    old = time.time() - LEFT_BEHIND_AFTER
    either = "|".join(re.escape(p) for p in prefixes)
    shape = re.compile(f"(?:{either})[a-z0-9_]{{8}}\\.tmp")
    try:
        found = [n for n in os.listdir(folder) if shape.fullmatch(n)]
    except OSError:
        return
    for name in found:
        left = folder / name
        try:
            st = left.lstat()
            if st.st_mtime >= old:
                continue
            if stat.S_ISREG(st.st_mode):
                left.unlink()
            elif folders and stat.S_ISDIR(st.st_mode):
                shutil.rmtree(left)
        except OSError:
            continue


def write_atomically(
    path: Path,
    data: bytes | Iterable[bytes],
    durable: bool = True,
    fresh: bool = False,
    mode: int | None = None,
    exclusive: bool = False,
) -> None:
    """Write to a temporary file beside ``path`` and rename it into place.

    ``data``: the bytes, or parts written one after another (not joined in memory first;
    a generator's are made as they are written, and if making one fails, nothing is left).

    A reader (or a crash) never sees a half-written file. ``durable=False`` skips the
    ``fsync``: for a file that is checked whenever it is read and simply made again if a
    crash left it empty or torn (the status cache), waiting for the disk buys nothing.
    ``fresh``: the permissions of a new file whatever is at ``path`` now (a cache's file:
    a symbolic link put there to /dev/zero must not make it writable by everyone).
    ``mode``: the permissions of the file, whatever the umask (an append's journal: the
    store's, so that everyone who reads the store can read it).
    ``exclusive``: only where no file stands (FileExistsError otherwise): linked into place,
    which fails on an existing name where a rename replaces it, so that of two computers
    beginning a batch at once on a share whose locks neither sees, one journal stands and
    the other writer refuses (forty-fifth session). A file system without hard links
    renames, after a look.
    """
    folder = path.parent
    try:
        # A name the system takes is writable: the temporary's name is made to fit
        # (files.name_room), and a failure to make it is said of ``path``, never of it.
        fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=".tmp", dir=folder)
    except OSError as exc:
        exc.filename = str(path)
        raise
    try:
        # mkstemp makes the file 0600; keep the mode of the file being replaced, or give
        # a new file the usual permissions (0666 less the umask), as open() would.
        if mode is None and not fresh:
            try:
                mode = path.stat().st_mode & 0o7777
            except FileNotFoundError:
                pass
        if mode is None:
            mode = 0o666 & ~process_umask()
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            for part in (data,) if isinstance(data, bytes) else data:
                fh.write(part)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if exclusive:
            _link_new(tmp, path)
        else:
            os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and exc.filename == tmp:
            exc.filename = str(path)  # the temporary is gone: the file it was to become
        raise


def _link_new(tmp: str, path: Path) -> None:
    """``tmp`` linked as ``path``, which must not exist (FileExistsError), and let go of;
    renamed after a look where the file system makes no hard links (some SMB shares, FAT,
    exFAT)."""
    try:
        os.link(tmp, path)
        os.unlink(tmp)
    except FileExistsError:
        raise
    except OSError:
        # Not only EPERM or ENOTSUP: Windows gives EINVAL for FAT32's and exFAT's
        # ERROR_INVALID_FUNCTION and a share's ERROR_NOT_SUPPORTED, some CIFS servers EACCES.
        # The folder takes files (the temporary is in it): a real fault, a full disk or a
        # folder gone, is the rename's to say.
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(tmp, path)


def process_umask() -> int:
    """The process's umask, read without setting it where the system tells it (Linux):
    ``os.umask(0)`` and back would let a caller's other threads create files writable by
    everyone in between (a web service writing reports)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)  # elsewhere: only the owner's rights are open in between
    os.umask(mask)
    return mask


def write_starter(directory: Path, lang: str = "en") -> list[Path]:
    """A new tracker in ``directory``: targets.yaml (its comments in ``lang``) and an empty
    observations.csv; nothing is overwritten, and nothing is left if a step fails."""
    targets = directory / "targets.yaml"
    observations = directory / "observations.csv"
    from .outputs import refuse_file_as_folder

    # 'targets.yaml/x': a folder init would make under a file, refused as `report -o
    # targets.yaml/r.md` is (exit 2), where the system's "Not a directory" exited 1.
    refuse_file_as_folder(directory, creates=True)
    # lexists: a symlink whose target is missing is there too, and never replaced.
    existing = [p for p in (targets, observations) if os.path.lexists(p)]
    from ..catalog import msg  # not at the top: the status cache writes through this module

    if existing:
        raise fail(str(existing[0]), msg("starter_exists"))
    from .textfiles import case_variant

    # Targets.yaml or Observations.csv synced from a Windows or macOS share: the same file
    # there as the one init would write, which the share would then meet twice.
    for variant in filter(None, (case_variant(targets), case_variant(observations))):
        raise fail(str(variant), msg("starter_exists_case", name=variant.name))
    from .windows_paths import named_plan, other_plan_file

    other = (other_plan_file(directory) or named_plan(directory)) if directory.is_dir() else None
    if other is not None:
        # targets.yaml.txt from Notepad, which Explorer shows as targets.yaml, or a plan under
        # the officer's own name: a starter beside it would be read in its place.
        txt = other.casefold().endswith(".txt")
        raise fail(
            str(directory / other), msg("starter_exists_other_name" if txt else "starter_exists_plan_named", name=other)
        )
    if os.path.islink(directory) and not directory.exists():
        try:
            os.stat(directory)  # a loop of links: the system's own words (it said "File exists")
        except FileNotFoundError:
            # A link to a share not mounted: a tracker made under its mount point would be
            # hidden once the share is mounted (it said "File exists" too).
            # Exit 2, as `import opensdg --into` of such a link (forty-second session).
            said = msg("folder_dangling_link", target=os.readlink(directory))
            raise fail(str(directory), said, ExitCode.USAGE) from None
    if directory.exists() and not directory.is_dir():
        import stat

        from .textfiles import _kind

        # Say what it is: a named pipe is no "file" to the person who made it.
        mode = directory.stat().st_mode
        # A usage mistake, as `import opensdg --into` of a file is (exit 2; forty-second session).
        said = msg("starter_is_file" if stat.S_ISREG(mode) else f"starter_is_{_kind(mode)}")
        raise fail(str(directory), said, ExitCode.USAGE)
    # What this call made is undone if a later step fails (a full disk, a read-only
    # folder): init leaves a complete tracker or nothing.
    made_folders = [p for p in (directory, *directory.parents) if not p.exists()][::-1]
    written: list[Path] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for path, text in ((targets, starter_targets(lang)), (observations, ",".join(HEADER) + "\n")):
            write_atomically(path, text.encode("utf-8"))
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        for folder in reversed(made_folders):
            try:
                folder.rmdir()
            except OSError:
                break
        if exc.filename is None:  # a write to the temporary file: name the file it was for
            exc.filename = str(observations if targets in written else targets)
        raise
    return [targets, observations]
