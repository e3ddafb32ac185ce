"""``main.py bench``: every scenario runs on both databases and reports sane numbers; the
writes it makes leave the books sound. Speed is measured by the bench, never asserted here."""

from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import func, select

from app.devtools.bench import fixtures
from app.devtools.bench.names import SCENARIO_NAMES
from app.devtools.bench.rawsql import capture, replay
from app.devtools.bench.runner import PLANS, TARGETS, format_table
from app.devtools.bench.samples import SampledVehicle, fragment
from app.devtools.bench.scenarios import SCENARIOS
from app.devtools.bench.timing import Timings, percentile, time_each
from app.fiscal.verify import verify_chain
from app.parts.stock import verify_ledger
from db.models import RepairOrder, Vehicle
from main import main
from tests import builders

WITH_BASELINE = {"search_plate_exact", "search_fragment", "open_order", "board_refresh",
                 "invoice_pdf", "export_month_xlsx", "cold_start"}


def test_percentiles_interpolate_between_ranks() -> None:
    assert percentile([5.0], 95) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile(list(map(float, range(1, 101))), 95) == pytest.approx(95.05)
    with pytest.raises(ValueError):
        percentile([], 50)


def test_time_each_warms_up_untimed_then_times_every_item() -> None:
    calls: list[object] = []
    timings = time_each(calls.append, ["a", "b"], warmup=3, warmup_items=["w"])
    assert calls == ["w", "a", "b", "a", "a", "b"]
    assert timings.n == 2 and all(ms >= 0 for ms in timings.ms)
    assert Timings((1.0, 3.0)).p50 == 2.0


def test_fragments_are_three_to_six_characters_of_what_people_type() -> None:
    rng = random.Random(7)
    vehicle = SampledVehicle("粤B12345", "LVGBE40K58G123456", "欧阳娜娜", "+8613812345678")
    sources = ("B12345", "LVGBE40K58G123456", "13812345678", "欧阳娜娜")
    for _ in range(200):
        piece = fragment(vehicle, rng)
        assert 3 <= len(piece) <= 6
        assert any(piece in source for source in sources)


def test_replay_sends_the_same_statements_and_reads_the_same_rows(database, session,
                                                                  advisor) -> None:
    for i in range(3):
        builders.vehicle(session, advisor, plate=f"粤BX{i:04d}")
    session.commit()
    with capture(database.engine) as statements, database.reading() as s:
        plates = s.scalars(select(Vehicle.plate).order_by(Vehicle.id)).all()
    assert any("FROM vehicle" in st.sql for st in statements)
    raw = database.engine.raw_connection()
    try:
        assert replay(raw, statements) == len(plates) == 3
    finally:
        raw.close()


def test_quick_bench_runs_every_scenario_and_keeps_the_books(database, database_url,
                                                             tmp_path, capsys) -> None:
    out = tmp_path / "bench.json"
    assert main(["bench", "--db", database_url, "--quick", "--verify", "--json",
                 str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["database"] == database.backend
    assert report["cpus"] >= 1 and report["peak_rss_mb"] > 0
    assert set(report["dataset"]) == {"customers", "vehicles", "repair_orders", "lines",
                                      "parts", "stock_movements", "invoices", "payments"}
    assert list(report["scenarios"]) == list(SCENARIOS)
    for key, result in report["scenarios"].items():
        assert result["n"] == PLANS[key][1].n > 0, key
        assert result["p95_ms"] >= result["p50_ms"] > 0, key
        if key in WITH_BASELINE:
            assert result["baseline_p50_ms"] > 0, key
            assert result["ratio"] == pytest.approx(
                result["p50_ms"] / result["baseline_p50_ms"], rel=0.02, abs=0.01), key
        else:
            assert "baseline_p50_ms" not in result and "ratio" not in result, key
    typing = report["scenarios"]["search_typing"]  # through the screen, in its own process
    assert typing["stale_shown"] == 0 and typing["max_stall_ms"] >= 0
    # a commit here reached the other process's open screen (its window kept answering)
    assert report["scenarios"]["change_propagation"]["max_stall_ms"] >= 0
    assert report["integrity"] == {"document_chain_problems": 0, "stock_ledger_problems": 0}
    table = capsys.readouterr().out
    for key in SCENARIOS:
        assert key in table
    with database.reading() as s:
        assert verify_chain(s) == [] and verify_ledger(s) == []


def test_a_second_run_reuses_what_the_first_built(database, database_url, tmp_path) -> None:
    def bench_orders(mark: str) -> int:
        with database.reading() as s:
            return s.scalar(select(func.count()).select_from(RepairOrder)
                            .where(RepairOrder.customer_description == mark))

    args = ["bench", "--db", database_url, "--quick", "--scenarios",
            "open_order,invoice_pdf,board_refresh"]
    assert main(args) == 0
    counts = [bench_orders(m) for m in (fixtures.MARK_OPEN_ORDER, fixtures.MARK_INVOICE,
                                        fixtures.MARK_BOARD)]
    assert counts[:2] == [1, 1] and counts[2] > 0
    assert main(args) == 0
    assert [bench_orders(m) for m in (fixtures.MARK_OPEN_ORDER, fixtures.MARK_INVOICE,
                                      fixtures.MARK_BOARD)] == counts


def test_unknown_scenarios_are_refused(database_url, capsys) -> None:
    assert main(["bench", "--db", database_url, "--quick", "--scenarios", "nope"]) == 2
    assert "nope" in capsys.readouterr().err


def test_the_table_marks_missed_targets() -> None:
    report = {"database": "sqlite", "size": "store", "cpus": 2, "peak_rss_mb": 100.0,
              "dataset": {"customers": 1},
              "scenarios": {"open_order": {"n": 5, "p50_ms": 10.0, "p95_ms": 31.0},
                            "invoice_pdf": {"n": 5, "p50_ms": 10.0, "p95_ms": 12.0,
                                            "baseline_p50_ms": 5.0, "ratio": 2.0}}}
    lines = format_table(report).splitlines()
    assert lines[-2].startswith("open_order") and lines[-2].endswith("NO")
    assert lines[-1].startswith("invoice_pdf") and lines[-1].endswith("yes")
    assert set(TARGETS) == set(SCENARIOS)


def test_the_light_list_of_names_matches_the_scenarios() -> None:
    assert tuple(SCENARIOS) == SCENARIO_NAMES == tuple(PLANS)


def test_parts_for_the_fixtures_have_whole_units_free(database, session, parts_clerk) -> None:
    from decimal import Decimal

    from app.parts.stock import stock_position
    from tests.factories import make_part

    fraction = make_part(session, parts_clerk, "P-FRAC", on_hand=Decimal("0.6")).id
    two = make_part(session, parts_clerk, "P-TWO", on_hand=2).id
    session.commit()
    with database.reading() as s:
        assert fixtures.parts_in_stock(s, 3, fallback=-1) == [two, -1, -1]
        actors = fixtures.load_actors(s)
    assert fixtures.stocked_part(database, actors, Decimal("1.5")) == two
    assert fixtures.stocked_part(database, actors, Decimal(5)) == two
    with database.reading() as s:
        assert stock_position(s, two).on_hand >= 5
        assert stock_position(s, fraction).on_hand == Decimal("0.6")
        assert verify_ledger(s) == []
