"""The benchmark scenarios: each times the app's own code path and, where one exists, a bare
baseline in the same run (see the table in ``main.py bench --help``).

Reads run the way a screen runs them: one short read-only session per call. Writes run the
way a screen runs them too: one ``run_in_transaction`` per user action, committed.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.devtools.bench import fixtures
from app.devtools.bench.fixtures import Actors, BenchError
from app.devtools.bench.rawsql import Statement, capture, replay
from app.devtools.bench.samples import SampledVehicle, fragment, sample_vehicles
from app.devtools.bench.timing import Timings, time_each
from app.transactions import run_in_transaction
from db.engine import Database
from db.models import Invoice, InvoiceLine

PROJECT_ROOT = Path(__file__).resolve().parents[3]
PROBE_TIMEOUT_S = 120


@dataclass(frozen=True)
class Plan:
    """How many timed runs a scenario gets, after how many untimed warm-up runs."""

    n: int
    warmup: int


@dataclass(frozen=True)
class Result:
    """A scenario's timings and, where it has one, its baseline's."""

    app: Timings
    baseline: Timings | None = None
    extra: dict[str, float | int] | None = None  # scenario-specific figures, reported as-is

    def as_json(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"n": self.app.n, "p50_ms": round(self.app.p50, 3),
                                       "p95_ms": round(self.app.p95, 3)}
        out.update(self.extra or {})
        if self.baseline is not None:
            base = self.baseline.p50
            out["baseline_p50_ms"] = round(base, 3)
            out["ratio"] = round(self.app.p50 / base, 2) if base > 0 else 0.0
        return out


@dataclass
class Bench:
    """What every scenario shares: the database, who acts, the random source."""

    database: Database
    actors: Actors
    rng: random.Random
    board_cards: int = 200
    _vehicle: int | None = None

    @property
    def vehicle_id(self) -> int:
        """The bench's own vehicle (created on first use)."""
        if self._vehicle is None:
            self._vehicle = fixtures.bench_vehicle(self.database, self.actors)
        return self._vehicle


# --- reads beside the same SQL on the raw driver ---------------------------------------------

def read_with_raw_baseline(bench: Bench, items: Sequence[Any],
                           call: Callable[[Session, Any], object]) -> Result:
    """Time ``call(session, item)`` in a short read-only session per item, then the very
    statements each call sent, replayed on a raw DBAPI connection.

    A first untimed pass over all items warms both paths and records the statements.
    """
    database = bench.database

    def app(item: Any) -> None:
        with database.reading() as session:
            call(session, item)

    recorded: list[list[Statement]] = []
    for item in items:
        with capture(database.engine) as statements:
            app(item)
        recorded.append(list(statements))
    raw = database.engine.raw_connection()
    try:
        for statements in recorded:
            replay(raw, statements)
        app_timings = time_each(app, items)
        raw_timings = time_each(lambda i: replay(raw, recorded[i]), range(len(items)))
    finally:
        raw.close()
    return Result(app_timings, raw_timings)


def _vehicles_to_find(bench: Bench, count: int) -> list[SampledVehicle]:
    """``count`` sampled vehicles (the bench's own one when the database has none)."""
    with bench.database.reading() as session:
        vehicles = sample_vehicles(session, count, bench.rng)
    if not vehicles:
        bench.vehicle_id  # noqa: B018 - creates the bench vehicle: something to find
        with bench.database.reading() as session:
            vehicles = sample_vehicles(session, count, bench.rng)
    return vehicles


def search_plate_exact(bench: Bench, plan: Plan) -> Result:
    """Find a vehicle by its full plate through the search service."""
    from app.customers.search import search

    vehicles = _vehicles_to_find(bench, plan.n)
    plates = [v.plate for v in vehicles]
    actor = bench.actors.advisor

    def find(session: Session, plate: str) -> None:
        hits = search(session, actor, plate)
        if not hits or hits[0].plate != plate:
            raise BenchError(f"searching {plate} did not find it first")

    return read_with_raw_baseline(bench, plates, find)


def search_fragment(bench: Bench, plan: Plan) -> Result:
    """As-you-type search for 3–6 characters of a plate, VIN, phone or name (top 20)."""
    from app.customers.search import search

    vehicles = _vehicles_to_find(bench, plan.n)
    fragments = [fragment(v, bench.rng) for v in vehicles]
    actor = bench.actors.advisor
    return read_with_raw_baseline(bench, fragments,
                                  lambda s, text: search(s, actor, text, limit=20))


def open_order(bench: Bench, plan: Plan) -> Result:
    """Load a 30-line repair order with customer, vehicle, lines and totals: the editor's
    ``order_view`` where it exists, else ``load_order`` + ``price_order``."""
    order_id = fixtures.open_order_fixture(bench.database, bench.actors, bench.vehicle_id)
    return read_with_raw_baseline(bench, [order_id] * plan.n, _order_loader(bench.actors))


def _order_loader(actors: Actors) -> Callable[[Session, int], None]:
    try:
        from app.orders.view import order_view
    except ImportError:
        order_view = None  # type: ignore[assignment]  # an older checkout without it
    from app.orders.queries import load_order
    from app.orders.totals import price_order

    def view(session: Session, order_id: int) -> None:
        assert order_view is not None
        shown = order_view(session, actors.advisor, order_id)
        if len(shown.lines) != 30 or shown.vehicle.plate != fixtures.BENCH_PLATE:
            raise BenchError("the 30-line order did not load whole")

    def load(session: Session, order_id: int) -> None:
        order = load_order(session, order_id)
        totals = price_order(session, order)
        if len(totals.lines) != 30 or order.vehicle.plate != fixtures.BENCH_PLATE:
            raise BenchError("the 30-line order did not load whole")

    return load if order_view is None else view


def board_refresh(bench: Bench, plan: Plan) -> Result:
    """The workshop board's cards for its active jobs."""
    from app.workshop.board import board_snapshot

    fixtures.board_fixture(bench.database, bench.actors, bench.vehicle_id, bench.board_cards)
    actor, cards = bench.actors.foreman, bench.board_cards

    def refresh(session: Session, _item: object) -> None:
        if len(board_snapshot(session, actor, limit=cards)) != cards:
            raise BenchError("the board lost cards")

    return read_with_raw_baseline(bench, [None] * plan.n, refresh)


# --- committed writes ------------------------------------------------------------------------

def issue_part(bench: Bench, plan: Plan) -> Result:
    """Issue one unit of a part to a repair order (ledger write), committed."""
    from app.parts.stock import issue_to_order

    units = plan.n + plan.warmup
    line_id = fixtures.issue_fixture(bench.database, bench.actors, bench.vehicle_id, units)
    clerk = bench.actors.clerk

    def issue(_item: object) -> None:
        run_in_transaction(bench.database, lambda s: issue_to_order(s, clerk, line_id, "1"))

    return Result(time_each(issue, [None] * plan.n, warmup=plan.warmup))


def settle_invoice(bench: Bench, plan: Plan) -> Result:
    """Invoice a completed order and take a split payment (cash + WeChat Pay), committed."""
    from app.cashier.invoicing import settle_order
    from app.cashier.payments import PaymentPart, take_payments

    orders = fixtures.settle_fixtures(bench.database, bench.actors, bench.vehicle_id,
                                      plan.n + plan.warmup)
    till_id = fixtures.open_bench_till(bench.database, bench.actors)
    cashier = bench.actors.cashier

    def settle(session: Session, order_id: int) -> None:
        invoice = settle_order(session, cashier, order_id)
        cash = (invoice.customer_share / 3).quantize(Decimal("1"))
        parts = [PaymentPart("cash", cash, tendered=cash + 100),
                 PaymentPart("wechat_pay", invoice.customer_share - cash,
                             reference=f"WX{order_id:010d}")]
        take_payments(session, cashier, invoice.id, parts,
                      idempotency_key=f"bench-{uuid.uuid4().hex}", till_session_id=till_id)

    try:
        timings = time_each(
            lambda oid: run_in_transaction(bench.database, lambda s: settle(s, oid)),
            orders[plan.warmup:], warmup_items=orders[:plan.warmup])
    finally:
        fixtures.close_bench_till(bench.database, bench.actors, till_id)
    return Result(timings)


# --- documents -------------------------------------------------------------------------------

def invoice_pdf(bench: Bench, plan: Plan) -> Result:
    """Print a 40-line invoice with Chinese text to PDF, beside bare reportlab."""
    from app.devtools.bench.baselines import bare_table_pdf, register_bare_font
    from app.printing import render_invoice
    from app.printing.fonts import font_path

    invoice_id = fixtures.invoice_fixture(bench.database, bench.actors, bench.vehicle_id)
    with bench.database.reading() as session:
        number = session.scalar(select(Invoice.number).where(Invoice.id == invoice_id))
        lines = session.execute(
            select(InvoiceLine.code, InvoiceLine.description, InvoiceLine.quantity,
                   InvoiceLine.unit_price, InvoiceLine.net, InvoiceLine.tax, InvoiceLine.gross)
            .where(InvoiceLine.invoice_id == invoice_id).order_by(InvoiceLine.position)).all()
    rows = [("编码", "项目", "数量", "单价", "金额", "税额", "价税合计"),
            *[tuple(str(v) for v in line) for line in lines]]
    register_bare_font(str(font_path()))
    cashier = bench.actors.cashier

    def render(_item: object) -> None:
        with bench.database.reading() as session:
            pdf = render_invoice(session, cashier, invoice_id, lang="zh_CN")
        if not pdf.startswith(b"%PDF"):
            raise BenchError(f"invoice {number} did not render")

    app_timings = time_each(render, [None] * plan.n, warmup=plan.warmup)
    bare = time_each(lambda _i: bare_table_pdf(rows), [None] * plan.n, warmup=plan.warmup)
    return Result(app_timings, bare)


def report_month(session: Session) -> tuple[int, int]:
    """The month to export: the one before the latest invoice's (a whole month), unless it
    has no lines; the current month when there are no invoices at all."""
    from zoneinfo import ZoneInfo

    from app.clock import now
    from app.shop import get_profile

    zone = ZoneInfo(get_profile(session).timezone or "Asia/Shanghai")
    latest = session.scalar(select(func.max(Invoice.issued_at)))
    local = (latest or now()).astimezone(zone)
    year, month = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
    from app.reports.revenue import month_bounds

    start, end, _zone = month_bounds(session, year, month)
    lines = session.scalar(select(func.count()).select_from(InvoiceLine)
                           .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
                           .where(Invoice.issued_at >= start, Invoice.issued_at < end))
    return (year, month) if lines else (local.year, local.month)


def export_month_xlsx(bench: Bench, plan: Plan) -> Result:
    """The monthly revenue report to Excel, beside bare openpyxl writing the same rows."""
    from app.devtools.bench.baselines import bare_xlsx
    from app.reports.revenue import export_monthly_revenue, monthly_revenue_lines

    manager = bench.actors.manager
    with bench.database.reading() as session:
        year, month = report_month(session)
        rows = monthly_revenue_lines(session, manager, year, month)

    def export(_item: object) -> None:
        with bench.database.reading() as session:
            written = export_monthly_revenue(session, manager, year, month, io.BytesIO(),
                                             lang="zh_CN")
        if written != len(rows):
            raise BenchError("the export lost rows")

    app_timings = time_each(export, [None] * plan.n, warmup=plan.warmup)
    bare = time_each(lambda _i: bare_xlsx(rows), [None] * plan.n, warmup=plan.warmup)
    return Result(app_timings, bare)


def probe_env() -> dict[str, str]:
    """The environment of a Qt probe subprocess: offscreen, this checkout importable."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(PROJECT_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


# --- cold start ------------------------------------------------------------------------------

def _probe(args: Sequence[str]) -> float:
    """Start ``python -m ui.devtools.bench_probe ARGS`` afresh; milliseconds from just before the
    start to the window's first paint, as the probe reports it."""
    env = probe_env()
    env["BAYLINE_PROBE_T0_NS"] = str(time.monotonic_ns())
    done = subprocess.run([sys.executable, "-m", "ui.devtools.bench_probe", *args],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=PROBE_TIMEOUT_S, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("shown_ms="):
            return float(line.split("=", 1)[1])
    raise BenchError(f"the cold-start probe failed ({done.returncode}): "
                     f"{(done.stdout + done.stderr).strip()[-500:]}")


def cold_start(bench: Bench, plan: Plan) -> Result:
    """Process start to the login window shown (offscreen), beside a bare PySide6 window."""
    url = bench.database.url.render_as_string(hide_password=False)
    login_args, bare_args = ["--db", url], ["--bare"]
    for _ in range(plan.warmup):
        _probe(login_args)
        _probe(bare_args)
    app_ms, bare_ms = [], []
    for _ in range(plan.n):  # interleaved, so both see the same machine
        app_ms.append(_probe(login_args))
        bare_ms.append(_probe(bare_args))
    return Result(Timings(tuple(app_ms)), Timings(tuple(bare_ms)))


# --- search as you type, through the screen -------------------------------------------------

TYPING_INTERVAL_MS = 100  # a quick typist; people type 80-200 ms per key


def search_typing(bench: Bench, plan: Plan) -> Result:
    """Keystroke to results shown in the reception search box (offscreen, a key every 100 ms):
    the search panel, its background reads and the list, on real fragments."""
    bench.vehicle_id  # noqa: B018 - creates the bench vehicle: something to find
    url = bench.database.url.render_as_string(hide_password=False)
    found = run_probe("ui.devtools.bench_typing",
                      ["--db", url, "--n", str(plan.n), "--warmup", str(plan.warmup),
                       "--interval-ms", str(TYPING_INTERVAL_MS),
                       "--seed", str(bench.rng.randrange(1 << 30))],
                      timeout=PROBE_TIMEOUT_S + plan.n * 2, what="typing")
    return Result(Timings(tuple(found["samples_ms"])),
                  extra={"max_stall_ms": found["max_stall_ms"],
                         "stale_shown": found["stale_shown"]})


def run_probe(module: str, args: list[str], *, timeout: float, what: str) -> dict[str, Any]:
    """Run a Qt probe (``python -m module args``) and read the one JSON line it prints."""
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=PROJECT_ROOT,
                          env=probe_env(), capture_output=True, text=True, timeout=timeout,
                          check=False)
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            found: dict[str, Any] = json.loads(line)
            return found
    raise BenchError(f"the {what} probe failed ({done.returncode}): "
                     f"{(done.stdout + done.stderr).strip()[-500:]}")


def change_propagation(bench: Bench, plan: Plan) -> Result:
    """A commit in this process until another process's open reception screen shows it: the
    change log, NOTIFY or the SQLite poll, the watcher, the card's background read, the label."""
    from app.transactions import perform
    from db.models import Customer, Vehicle

    vehicle_id = bench.vehicle_id
    with bench.database.reading() as session:
        owner_id = session.scalar(select(Vehicle.owner_id).where(Vehicle.id == vehicle_id))
        original = session.scalar(select(Customer.name).where(Customer.id == owner_id))
    url = bench.database.url.render_as_string(hide_password=False)
    env = probe_env()
    if owner_id is None or original is None:
        raise BenchError("the bench vehicle has no owner")

    def rename(name: str) -> Callable[[Session], None]:
        def action(session: Session) -> None:
            customer = session.get(Customer, owner_id)
            assert customer is not None
            customer.name = name
        return action

    samples: list[float] = []
    stall: list[str] = []
    with subprocess.Popen(
            [sys.executable, "-m", "ui.devtools.bench_feed", "--db", url,
             "--vehicle", str(vehicle_id)], cwd=PROJECT_ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as probe:
        assert probe.stdin is not None and probe.stdout is not None
        assert probe.stderr is not None
        try:
            if probe.stdout.readline().strip() != "ready":
                raise BenchError(f"the feed probe did not start: {probe.stderr.read()[-500:]}")
            for i in range(plan.warmup + plan.n):
                name = f"{original} {i}"
                perform(bench.database, rename(name))
                probe.stdin.write(f"{name}\t{time.time()}\n")
                probe.stdin.flush()
                answer = probe.stdout.readline().split()
                if answer[:1] != ["seen"]:
                    raise BenchError(f"the feed probe answered {answer!r}")
                if i >= plan.warmup:
                    samples.append(float(answer[1]))
            probe.stdin.close()
            stall = probe.stdout.readline().split()
        finally:
            run_in_transaction(bench.database, rename(original))
            if probe.poll() is None:
                probe.kill()
            probe.wait(PROBE_TIMEOUT_S)
    extra = {"max_stall_ms": float(stall[1])} if stall[:1] == ["stall"] else {}
    return Result(Timings(tuple(samples)), extra=extra)


def write_stall(bench: Bench, plan: Plan) -> Result:
    """The longest GUI-thread stall per line saved in the order editor (offscreen, its own
    process): the click, the save on the writer thread, the order read again, the table."""
    from statistics import median

    order_id = fixtures.write_stall_fixture(bench.database, bench.actors, bench.vehicle_id)
    url = bench.database.url.render_as_string(hide_password=False)
    found = run_probe("ui.devtools.bench_editor",
                      ["--db", url, "--order", str(order_id), "--n", str(plan.n),
                       "--warmup", str(plan.warmup)],
                      timeout=PROBE_TIMEOUT_S + plan.n * 5, what="editor")
    return Result(Timings(tuple(found["stall_ms"])),
                  extra={"save_p50_ms": round(median(found["save_ms"]), 3)})


SCENARIOS: dict[str, Callable[[Bench, Plan], Result]] = {
    "search_plate_exact": search_plate_exact,
    "search_fragment": search_fragment,
    "open_order": open_order,
    "board_refresh": board_refresh,
    "issue_part": issue_part,
    "settle_invoice": settle_invoice,
    "invoice_pdf": invoice_pdf,
    "export_month_xlsx": export_month_xlsx,
    "cold_start": cold_start,
    "search_typing": search_typing,
    "change_propagation": change_propagation,
    "write_stall": write_stall,
}
