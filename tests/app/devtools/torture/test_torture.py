"""Short torture and crash runs on both databases, through the commands a user runs, each on a
new empty database (the only kind they take besides one they created: test_refusal.py)."""

from __future__ import annotations

import json

from main import main


def test_short_torture_run_finds_no_anomaly(blank_database_url, tmp_path, capsys) -> None:
    out = tmp_path / "torture.json"
    code = main(["--db", blank_database_url, "torture", "--terminals", "3", "--ops", "150",
                 "--seed", "7", "--quiet", "--json", str(out)])
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["anomalies"] == [], summary["anomalies"]
    assert code == 0
    assert json.loads(capsys.readouterr().out) == summary
    assert summary["operations"] >= 150
    assert summary["ok"] + summary["conflicts"] == summary["operations"]
    kinds = summary["by_kind"]
    # the run really exercised the money, stock and editing paths
    for kind in ("settle", "pay", "issue", "edit_shared", "new_order"):
        assert kinds.get(kind, {}).get("ok", 0) > 0, (kind, kinds)
    assert summary["created"]["invoices"] > 0 and summary["created"]["payments"] > 0
    shared = summary["shared_order"]
    assert shared["version_after"] - shared["version_before"] == shared["saves"] > 0
    assert summary["double_submits"]["published"] == summary["double_submits"]["sent_again"]


def test_short_crash_run_finds_no_anomaly(blank_database_url, capsys) -> None:
    postgres = blank_database_url.startswith("postgresql")
    code = main(["--db", blank_database_url, "crash-test", "--kills", "5", "--terminations", "2",
                 "--seed", "11", "--max-delay", "0.4", "--quiet"])
    summary = json.loads(capsys.readouterr().out)
    assert summary["anomalies"] == [], summary["anomalies"]
    assert code == 0
    assert summary["kills"] == 5
    assert summary["transactions_started"] > 0
    if postgres:
        assert summary["backend_terminations"] == 2
        assert 0 <= summary["connections_lost_by_worker"] <= 2
    else:
        assert summary["backend_terminations"] == 0


def test_torture_needs_an_explicit_database(capsys) -> None:
    assert main(["torture", "--ops", "1"]) == 2
    assert main(["crash-test", "--kills", "1"]) == 2
    assert "--db" in capsys.readouterr().err
