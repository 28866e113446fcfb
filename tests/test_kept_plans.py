"""A large targets.yaml kept parsed (files/kept_plans.py): speed only, never another answer.

The third read of an unchanged plan is served from the kept file, and equals a parse;
any change to the text, the file or the code is a parse; a damaged or edited file is a
parse, and never runs code; a folder that cannot be written is no error.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qntrack.cli import app
from qntrack.files import definitions, kept_plans
from qntrack.files.definitions import load_plan, parse_plan
from qntrack.plan.model import Plan

from conftest import ROOT

runner = CliRunner()


@pytest.fixture
def plan_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped plan and store, in a folder of their own, kept from any size on."""
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    monkeypatch.setattr(definitions, "KEEP_FROM", 0)
    monkeypatch.setattr(kept_plans, "KEEP_FROM", 0)
    return tmp_path / "targets.yaml"


def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parse_plan is called for from now on."""
    calls: list[str] = []

    def counted(text: str, file: str = "targets.yaml") -> Plan:
        calls.append(file)
        return parse_plan(text, file)

    monkeypatch.setattr(definitions, "parse_plan", counted)
    return calls


def test_the_third_read_of_an_unchanged_plan_is_not_parsed_and_equals_a_parse(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
):
    calls = parses(monkeypatch)
    first = load_plan(plan_path)  # parsed; its text noted
    assert kept_plans.plan_file(plan_path).stat().st_size < 200
    second = load_plan(plan_path)  # parsed again, and kept
    third = load_plan(plan_path)  # loaded
    assert calls == [str(plan_path)] * 2
    assert first == second == third
    assert third is not second
    assert third.source_file == str(plan_path)


def test_a_changed_text_is_parsed(plan_path: Path, monkeypatch: pytest.MonkeyPatch):
    for _ in range(3):
        load_plan(plan_path)
    text = plan_path.read_text(encoding="utf-8")
    plan_path.write_text(text + "\n# edited\n", encoding="utf-8")
    calls = parses(monkeypatch)
    load_plan(plan_path)
    assert calls == [str(plan_path)]


def test_the_same_file_named_another_way_is_parsed_with_that_name(plan_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A plan's messages name the file as it was given: a plan kept under one name is not
    served under another."""
    for _ in range(3):
        load_plan(plan_path)
    monkeypatch.chdir(plan_path.parent)
    calls = parses(monkeypatch)
    relative = load_plan(Path("targets.yaml"))
    assert calls == ["targets.yaml"]
    assert relative.source_file == "targets.yaml"


def test_changed_code_is_a_parse(plan_path: Path, monkeypatch: pytest.MonkeyPatch):
    for _ in range(3):
        load_plan(plan_path)
    monkeypatch.setattr(kept_plans, "code_fingerprint", lambda *a: "another version of qntrack")
    calls = parses(monkeypatch)
    load_plan(plan_path)
    assert calls == [str(plan_path)]


def test_nothing_is_kept_with_the_cache_turned_off(plan_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    for _ in range(3):
        load_plan(plan_path)
    assert not (plan_path.parent / ".qntrack-cache").exists()


def test_a_small_plan_is_never_kept(tmp_path: Path):
    """Below KEEP_FROM a parse costs less than the keeping would save."""
    shutil.copyfile(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    assert (ROOT / "targets.yaml").stat().st_size < kept_plans.KEEP_FROM
    for _ in range(3):
        load_plan(tmp_path / "targets.yaml")
    assert not (tmp_path / ".qntrack-cache").exists()


def test_a_national_plan_is_kept_without_changing_the_size_limit(tmp_path: Path):
    """The real threshold: a plan of a thousand level targets is kept."""
    lines = ["version: 1", "title: Large", "indicators:"]
    for i in range(1500):
        lines += [f"  x{i:05d}:", f"    name: Indicator {i} of a large plan", "    unit: units", "    frequency: year"]
    lines.append("targets:")
    for i in range(1500):
        lines += [
            f"  - id: t-{i:05d}",
            "    type: level",
            f"    indicator: x{i:05d}",
            f"    name: Target {i}, a level to reach by 2030",
            "    baseline: {period: 2020, value: 10}",
            "    milestones:",
            "      - {by: 2030, value: 20}",
        ]
    path = tmp_path / "targets.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size >= kept_plans.KEEP_FROM
    plans = [load_plan(path) for _ in range(3)]
    assert kept_plans.plan_file(path).stat().st_size > kept_plans.KEEP_FROM // 4
    assert plans[0] == plans[2]


def _kept_file(plan_path: Path) -> Path:
    for _ in range(2):
        load_plan(plan_path)
    return kept_plans.plan_file(plan_path)


class _Boom:
    """What an edited file might hold: an object whose unpickling would call os.system."""

    def __reduce__(self):
        return (os.system, ("touch pwned",))


def _forge(file: Path, payload: bytes, secret: bytes | None = None) -> None:
    """Rewrite the kept file with ``payload`` under its key, signed with ``secret`` (by
    default, a secret that is not this user's: what anyone who can write the folder can do)."""
    head = file.read_bytes()[: len(kept_plans._MAGIC) + 32]
    key = head[len(kept_plans._MAGIC) :]
    file.write_bytes(head + kept_plans._sign(secret or b"x" * 32, key, payload) + payload)


def test_a_file_someone_else_wrote_is_parsed_over_however_well_formed(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    """The key and the payload's hash are public; the signature needs this user's secret.
    A plan of the model's own classes, well formed, hiding the file's real plan: parsed over."""
    file = _kept_file(plan_path)
    real = load_plan(plan_path)
    forged = pickle.dumps(dataclasses.replace(real, title="Not what targets.yaml says"), protocol=5)
    _forge(file, forged)
    calls = parses(monkeypatch)
    assert load_plan(plan_path) == real
    assert calls == [str(plan_path)]


def test_an_edited_file_never_runs_code_and_is_a_parse(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    file = _kept_file(plan_path)
    monkeypatch.chdir(tmp_path)
    for secret in (None, kept_plans._secret()):  # signed by someone else, then even by this user
        _forge(file, pickle.dumps(_Boom(), protocol=5), secret)
        calls = parses(monkeypatch)
        plan = load_plan(plan_path)
        assert not (tmp_path / "pwned").exists()
        assert calls == [str(plan_path)]
        assert plan.source_file == str(plan_path)


def test_a_kept_plan_is_the_parse_field_for_field_and_made_by_the_models_constructors(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # Every field, compared or not, is the same (repr shows them all); and the model's
    # objects are made by their constructors, not by dataclasses' per-field __setstate__
    # (the slow way, 0.3 s of a national plan's 0.75 s to load).
    from qntrack.plan.model import Location

    parsed = parse_plan(plan_path.read_text(encoding="utf-8"), str(plan_path))

    def refused(self, state):
        raise AssertionError("restored field by field")

    monkeypatch.setattr(Location, "__setstate__", refused)
    kept = kept_plans._unpickle(kept_plans._pickle(parsed))
    # The plan's own repr is one line (plan.notebook): its fields' reprs show them all.
    every_field = [repr(getattr(kept, f.name)) for f in dataclasses.fields(kept)]
    assert kept == parsed and every_field == [repr(getattr(parsed, f.name)) for f in dataclasses.fields(parsed)]
    assert all(t.location.line for t in kept.targets)


@dataclasses.dataclass(frozen=True, slots=True)
class _KeywordOnly:
    a: int
    b: int = dataclasses.field(default=0, kw_only=True)


@dataclasses.dataclass(frozen=True, slots=True)
class _WithInitVar:
    scale: dataclasses.InitVar[int] = 1
    a: int = 0


def test_a_class_whose_constructor_is_not_its_fields_keeps_the_default(monkeypatch: pytest.MonkeyPatch):
    # Called with its fields by position, a keyword-only field would fail to load (the
    # plan parsed each time, silently) and an InitVar take a field's value: such a class
    # is pickled the default way.
    monkeypatch.setattr(
        kept_plans, "model_classes", lambda: {"_KeywordOnly": _KeywordOnly, "_WithInitVar": _WithInitVar}
    )
    both = (_KeywordOnly(1, b=2), _WithInitVar(5, a=3))
    assert pickle.loads(kept_plans._pickle(both)) == both


def test_the_unpickler_builds_nothing_but_the_model():
    with pytest.raises(pickle.UnpicklingError, match="not part of a plan"):
        kept_plans._unpickle(pickle.dumps(_Boom(), protocol=5))
    with pytest.raises(pickle.UnpicklingError, match="not part of a plan"):
        kept_plans._unpickle(pickle.dumps(Path("/etc/passwd"), protocol=5))


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-10],  # cut short
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # a bit flipped in the payload
        lambda b: b"",  # emptied
        lambda b: b"not a kept plan at all" * 10,
    ],
)
def test_a_damaged_file_is_a_parse(plan_path: Path, monkeypatch: pytest.MonkeyPatch, damage):
    file = _kept_file(plan_path)
    load_plan(plan_path)
    file.write_bytes(damage(file.read_bytes()))
    calls = parses(monkeypatch)
    assert load_plan(plan_path) == parse_plan(plan_path.read_text(encoding="utf-8"), str(plan_path))
    assert calls == [str(plan_path)]


def test_another_object_of_the_model_is_not_taken_for_the_plan(plan_path: Path, monkeypatch: pytest.MonkeyPatch):
    file = _kept_file(plan_path)
    plan = load_plan(plan_path)
    _forge(file, pickle.dumps(plan.targets[0], protocol=5), kept_plans._secret())  # even signed
    calls = parses(monkeypatch)
    assert load_plan(plan_path) == plan
    assert calls == [str(plan_path)]


def test_a_fifo_in_its_place_does_not_make_the_command_wait(plan_path: Path, monkeypatch: pytest.MonkeyPatch):
    file = kept_plans.plan_file(plan_path)
    file.parent.mkdir()
    os.mkfifo(file)
    assert load_plan(plan_path).source_file == str(plan_path)


def test_a_cache_folder_that_cannot_be_made_is_no_error(plan_path: Path):
    (plan_path.parent / ".qntrack-cache").write_text("a file where the folder would be\n", encoding="utf-8")
    plans = [load_plan(plan_path) for _ in range(3)]
    assert plans[0] == plans[2]


def test_check_says_the_same_from_a_kept_plan(plan_path: Path):
    """The command's whole output, from a parse and from the kept plan."""
    args = ["--targets", str(plan_path), "check", "--format", "json"]
    cold = runner.invoke(app, args, env={"QNTRACK_NO_CACHE": "1"})
    for _ in range(2):
        runner.invoke(app, args)
    assert kept_plans.plan_file(plan_path).stat().st_size > 1000  # kept by now
    kept = runner.invoke(app, args)
    assert (kept.exit_code, kept.stdout, kept.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert cold.stdout.strip()


def test_the_secret_is_the_users_alone(plan_path: Path):
    load_plan(plan_path)
    secret = kept_plans.secret_file()
    assert secret is not None
    assert secret.stat().st_mode & 0o777 == 0o600
    assert len(secret.read_bytes()) == 32


@pytest.mark.parametrize("spoil", ["readable", "link", "short"])
def test_a_secret_that_may_not_be_the_users_alone_keeps_nothing(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, spoil: str
):
    (tmp_path / "home-cache" / "qntrack").mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    secret = kept_plans.secret_file()
    assert secret is not None
    if spoil == "readable":
        secret.write_bytes(b"k" * 32)
        secret.chmod(0o644)
    elif spoil == "link":
        (tmp_path / "known").write_bytes(b"k" * 32)
        (tmp_path / "known").chmod(0o600)
        secret.symlink_to(tmp_path / "known")
    else:
        secret.write_bytes(b"k" * 31)
        secret.chmod(0o600)
    calls = parses(monkeypatch)
    plans = [load_plan(plan_path) for _ in range(3)]
    assert calls == [str(plan_path)] * 3
    assert plans[0] == plans[2]
    assert not kept_plans.plan_file(plan_path).exists()


def test_no_user_cache_folder_is_no_error(plan_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    plans = [load_plan(plan_path) for _ in range(3)]
    assert plans[0] == plans[2]


def test_the_code_fingerprint_survives_an_editors_dangling_lock_link(tmp_path: Path):
    """Emacs keeps a link named .#model.py to nowhere while model.py is edited."""
    copy = tmp_path / "qntrack"
    shutil.copytree(Path(kept_plans.__file__).parents[1], copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = kept_plans.code_fingerprint(root=copy)
    (copy / "plan" / ".#model.py").symlink_to("root@host.1234:1700000000")
    assert kept_plans.code_fingerprint(root=copy) != before


def test_a_link_in_the_kept_files_place_does_not_make_it_writable_by_all(plan_path: Path):
    file = kept_plans.plan_file(plan_path)
    file.parent.mkdir()
    file.symlink_to("/dev/zero")
    umask = os.umask(0)
    os.umask(umask)
    for _ in range(3):
        load_plan(plan_path)
    assert not file.is_symlink()
    assert file.stat().st_mode & 0o777 == 0o666 & ~umask


def test_the_cache_tag_is_written_whole_and_never_through_a_link(plan_path: Path, tmp_path: Path):
    folder = plan_path.parent / ".qntrack-cache"
    folder.mkdir()
    outside = tmp_path / "made-by-qntrack"
    (folder / "CACHEDIR.TAG").symlink_to(outside)
    load_plan(plan_path)
    assert not outside.exists()
    tag = folder / "CACHEDIR.TAG"
    assert not tag.is_symlink() and tag.read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55\n")
    tag.write_bytes(b"")  # as a full disk once left it
    load_plan(plan_path)
    assert tag.read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55\n")


def test_temporary_files_of_killed_runs_are_swept_up(plan_path: Path):
    folder = plan_path.parent / ".qntrack-cache"
    folder.mkdir()
    old, new = folder / ".plan-0.bin.abc.tmp", folder / ".plan-0.bin.def.tmp"
    old.write_bytes(b"left by a killed run")
    new.write_bytes(b"another run's, being written")
    os.utime(old, (1, 1))
    load_plan(plan_path)
    assert not old.exists() and new.exists()


def test_another_pyyaml_is_a_parse(plan_path: Path, monkeypatch: pytest.MonkeyPatch):
    for _ in range(3):
        load_plan(plan_path)
    # PyYAML is known by what is installed, not by yaml.__version__ (pass C3 of the 32nd
    # session: a kept plan's reader no longer imports PyYAML): another release installed.
    monkeypatch.setitem(kept_plans._INSTALLED, ("yaml", "PyYAML"), "site-packages|PyYAML-99.0.dist-info|0")
    calls = parses(monkeypatch)
    load_plan(plan_path)
    assert calls == [str(plan_path)]


def test_a_secret_never_appears_half_written(plan_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A full disk while the secret is made leaves no secret (not an empty one that would
    stop keeping for good), and the next run makes it."""
    import errno

    (tmp_path / "home-cache").mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(kept_plans.os, "link", full)
        plan = load_plan(plan_path)
    secret = kept_plans.secret_file()
    assert secret is not None
    assert not secret.exists() and list(secret.parent.iterdir()) == []
    assert load_plan(plan_path) == plan
    assert len(secret.read_bytes()) == 32


@pytest.mark.parametrize("home", ["relative/home", "", "/nonexistent-qntrack-test-home", "a file", "another user's"])
def test_no_secret_is_made_outside_a_home_of_the_users_own(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, home: str
):
    """A relative or empty HOME, one that does not exist, is not a folder, or belongs to
    another user (sudo keeping the user's HOME): nothing made anywhere, nothing kept."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("XDG_CACHE_HOME")
    if home == "a file":
        home = str(tmp_path / "home-file")
        Path(home).write_text("x", encoding="utf-8")
    elif home == "another user's":
        home = str(tmp_path / "their-home")
        Path(home).mkdir()
        monkeypatch.setattr(kept_plans.os, "geteuid", lambda: os.geteuid() + 1)
    monkeypatch.setenv("HOME", home)
    before = sorted(p.name for p in tmp_path.iterdir())
    plans = [load_plan(plan_path) for _ in range(3)]
    assert plans[0] == plans[2]
    assert not kept_plans.plan_file(plan_path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not Path("/nonexistent-qntrack-test-home").exists()
    if home and Path(home).is_dir():
        assert list(Path(home).iterdir()) == []


def test_a_home_of_the_users_own_gets_its_cache_folder(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(home))
    for _ in range(3):
        load_plan(plan_path)
    assert (home / ".cache" / "qntrack" / "plan-secret").stat().st_mode & 0o777 == 0o600
    assert kept_plans.plan_file(plan_path).stat().st_size > 1000


def test_two_names_for_one_plan_are_each_kept(plan_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Run by its absolute name from a script and by its relative name at the prompt: each
    # name has its own kept file (the messages name the file as given), not one that the
    # other name overwrites every time, which kept neither.
    monkeypatch.chdir(plan_path.parent)
    names = [plan_path, Path("targets.yaml")]
    for name in names * 2:
        load_plan(name)  # each name: noted, then kept
    calls = parses(monkeypatch)
    plans = [load_plan(name) for name in names * 2]
    assert calls == []
    assert [p.source_file for p in plans] == [str(plan_path), "targets.yaml"] * 2


def test_a_secret_half_made_by_a_killed_run_is_swept_up(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    # A run killed between writing a new secret and linking it into place leaves the
    # temporary file; the next run that makes a secret removes those over an hour old.
    (tmp_path / "home-cache" / "qntrack").mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    folder = tmp_path / "home-cache" / "qntrack"
    old, new = folder / ".plan-secret.old1", folder / ".plan-secret.new1"
    for left in (old, new):
        left.write_bytes(b"x" * 32)
    os.utime(old, (1, 1))
    load_plan(plan_path)
    assert not old.exists() and new.exists()
    assert len((folder / "plan-secret").read_bytes()) == 32
