"""``verify-documents``: exit codes, findings in the user's language, anchors."""

from __future__ import annotations

import json

from sqlalchemy import text

from main import main


def test_anchor_record_check_and_export(database, database_url, tmp_path, monkeypatch,
                                        capsys) -> None:
    monkeypatch.setenv("BAYLINE_ANCHOR_DIR", str(tmp_path / "anchors"))
    assert main(["--db", database_url, "verify-documents", "--anchor", "--terminal", "前台"]) == 0
    out = capsys.readouterr().out
    assert "Anchor recorded in" in out
    (path,) = (tmp_path / "anchors").iterdir()
    assert main(["--db", database_url, "verify-documents"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["anchors_checked"] == 1

    with database.engine.begin() as conn:
        conn.execute(text("UPDATE document_series SET next_number = next_number + 1 "
                          "WHERE code = 'invoice'"))
    assert main(["--db", database_url, "--lang", "zh_CN", "verify-documents", "--anchor"]) == 1
    captured = capsys.readouterr()
    assert "INV000001" in captured.out and "编号" in captured.out
    assert json.loads(captured.out.splitlines()[-1])["rule_problems"] == 1
    assert "未记录锚点" in captured.err
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1

    out_file = tmp_path / "usb" / "copy.jsonl"
    assert main(["--db", database_url, "verify-documents", "--anchors", str(path),
                 "--export-anchors", str(out_file)]) == 1
    assert out_file.read_bytes() == path.read_bytes()


def test_an_unreadable_anchor_file_is_exit_4(database_url, tmp_path, capsys) -> None:
    missing = tmp_path / "nope.jsonl"
    assert main(["--db", database_url, "verify-documents", "--anchors", str(missing)]) == 4
    assert "anchor file" in capsys.readouterr().err
