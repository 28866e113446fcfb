"""``yaml_nodes.safe_values``: yaml.safe_load with libyaml's parser, the same values and, on
an error, the same message (PyYAML's pass repeated), on the YAML qntrack reads that way:
an Open SDG repository's metadata and config, and the plan an import keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qntrack.files.yaml_nodes import safe_values

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = Path(__file__).resolve().parent / "data" / "opensdg-sample"  # tests/data/README.md


def _texts() -> list[str]:
    texts = [(ROOT / "targets.yaml").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8-sig") for p in sorted(SAMPLE.glob("*.yml"))]
    for meta in sorted((SAMPLE / "meta").glob("*.md"))[:8]:
        text = meta.read_text(encoding="utf-8-sig")
        texts.append(text.split("---")[1] if text.startswith("---") else text)
    texts += ["a: yes\nb: 2015-01-01\nc: 1_000\nd: 0x1F\ne: .inf\nf: ~\ng: [1, '2']\n", "", "# only a comment\n"]
    return texts


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:20])
def test_the_same_values_as_safe_load(text: str):
    assert safe_values(text) == yaml.safe_load(text)


@pytest.mark.parametrize(
    "text", ["a: [1, 2\n", "a: b: c\n", "key: 'open\n", "- a\nb: c\n", "!!python/object:os.system x\n"]
)
def test_the_same_error_as_safe_load(text: str):
    with pytest.raises(yaml.YAMLError) as theirs:
        yaml.safe_load(text)
    with pytest.raises(yaml.YAMLError) as ours:
        safe_values(text)
    assert str(ours.value) == str(theirs.value)
