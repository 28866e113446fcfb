"""The status document's text made from each item's text (formats.document_parts), which the
status cache keeps, is to_json of the whole document: the documented layout, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qntrack.output import formats

# JSON-like values as items hold them: text with the characters a splice could trip on
# (newlines, quotes, the top level's own '"targets": [],' line), numbers, null, nesting.
_text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(['\n  "targets": [],\n', '"targets": []', "\\n", "Quảng Ninh", "]\n}", ""]),
)
_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    _text,
)
_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=12,
)
_items = st.lists(st.dictionaries(_text, _value, max_size=5), max_size=5)
_groups = st.lists(st.dictionaries(_text, _value, max_size=3), max_size=3)


def text_of(parts: list) -> str:
    return b"".join(parts).decode("utf-8")


@settings(max_examples=80, deadline=None)
@given(items=_items, title=_text, as_of=st.one_of(st.none(), _text), groups=_groups)
def test_the_document_from_item_texts_is_to_json_of_the_whole(items, title, as_of, groups):
    whole = formats.to_json(formats._document(items, as_of, title, groups))
    spliced = text_of(formats.document_parts([formats.item_json(i) for i in items], as_of, title, groups))
    assert spliced == whole


def test_no_targets_and_one_target_as_to_json_writes_them():
    assert text_of(formats.document_parts([], None, "", [])) == formats.to_json(formats._document([], None, "", []))
    one = [{"id": "a", "milestones": [], "details": {}, "of": {"x": [1, {"y": None}]}}]
    text = text_of(formats.document_parts([formats.item_json(i) for i in one], "2025-06-30", "T", []))
    assert text == formats.to_json(formats._document(one, "2025-06-30", "T", []))
    assert json.loads(text)["targets"] == one


def test_the_plain_status_json_is_the_documents_json(shipped: Path):
    """``status --format json``'s writer (status_json) and the document as values
    (status_document, which reports embed) are the same document."""
    from qntrack.files.workspace import open_workspace, reference_day
    from qntrack.kinds import assess

    ws = open_workspace(str(shipped / "targets.yaml"), None)
    results = assess(ws.plan, ws.series, None, reference_day(None))
    for by in ("group", "owner"):
        text = text_of(formats.status_json(results, None, ws.plan.title, by))
        assert text == formats.to_json(formats.status_document(results, None, ws.plan.title, by))
        assert len(json.loads(text)["targets"]) == len(ws.plan.targets) > 10
