"""Anchors: built from the books, appended as linked lines, read back, printed, exported."""

from __future__ import annotations

import json

from app.fiscal.anchors import (
    anchor_file,
    anchor_lines,
    build_anchor,
    database_id,
    export_anchors,
    read_anchors,
    record_anchor,
)
from tests.app.fiscal.books import build_books


def test_a_till_close_anchors_the_heads_and_the_series(session, actors, tmp_path) -> None:
    books = build_books(session, actors, tmp_path)
    (anchor,), problems = read_anchors(books.anchors)
    assert problems == []
    assert anchor.reason == "till_close" and anchor.terminal == "收银台1"
    assert (anchor.document_seq, anchor.stock_seq) == (9, 4)
    assert anchor.series["invoice"].issued == 3 and anchor.series["invoice"].last == "INV000003"
    assert anchor.series["receipt"].last == "RC000005"
    assert anchor.database_id == database_id(session)


def test_lines_are_linked_and_an_edited_file_shows(session, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("BAYLINE_ANCHOR_DIR", str(tmp_path / "anchors"))
    first = build_anchor(session, terminal="T1", reason="manual")
    session.commit()
    path = record_anchor(first)
    assert path == anchor_file(first.database_id) and path.parent == tmp_path / "anchors"
    record_anchor(build_anchor(session, terminal="T2", reason="manual"))
    anchors, problems = read_anchors(path)
    assert [a.terminal for a in anchors] == ["T1", "T2"] and problems == []

    lines = path.read_text(encoding="utf-8").splitlines()
    forged = json.loads(lines[0])
    forged["documents"]["seq"] = 0
    path.write_text(json.dumps(forged) + "\n" + lines[1] + "\n", encoding="utf-8")
    _anchors, problems = read_anchors(path)
    assert [p.line for p in problems] == [2]  # line 2 no longer follows the edited line 1
    path.write_text(lines[1] + "\nnot json\n", encoding="utf-8")
    anchors, problems = read_anchors(path)
    assert len(anchors) == 1 and [p.line for p in problems] == [1, 2]

    target = tmp_path / "usb" / "anchors.jsonl"
    assert export_anchors(path, target) == 1 and target.read_bytes() == path.read_bytes()


def test_printable_lines_are_translated(session) -> None:
    anchor = build_anchor(session, terminal="收银台1", reason="till_close")
    english = anchor_lines(anchor, "en")
    chinese = anchor_lines(anchor, "zh_CN")
    assert len(english) == len(chinese) >= 4
    assert english[0].startswith("Anchor") and chinese[0].startswith("锚点")
    assert anchor.document_hash in english[2] and anchor.document_hash in chinese[2]


def test_a_till_close_is_anchored_when_it_commits_and_not_when_it_rolls_back(
        database, cashier, tmp_path, monkeypatch) -> None:
    from app.cashier.till import close_till, open_till
    from app.fiscal.anchors import read_anchors

    monkeypatch.setenv("BAYLINE_ANCHOR_DIR", str(tmp_path / "anchors"))
    with database.transaction() as s:
        till_id = open_till(s, cashier, terminal="前台2", opening_float="500.00").id
    with database.transaction() as s:  # closed, then rolled back: nothing is anchored
        close_till(s, cashier, till_id, counted_cash="500.00")
        s.rollback()
    assert not list((tmp_path / "anchors").glob("*.jsonl"))
    with database.transaction() as s:
        summary = close_till(s, cashier, till_id, counted_cash="500.00")
    files = list((tmp_path / "anchors").glob("*.jsonl"))
    assert len(files) == 1
    anchors, problems = read_anchors(files[0])
    assert problems == [] and len(anchors) == 1
    assert anchors[0].reason == "till_close" and anchors[0] == summary.anchor
