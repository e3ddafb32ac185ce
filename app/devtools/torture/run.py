"""The torture run: N terminal processes (spawned) share M operations, then the checks.

Terminals are assigned the desks reception, parts, cashier, reception, … in turn; each
opens its own ``Database`` on the URL. They start together (a barrier), each does its share
of the operations, and reports what it did. Double submits still waiting in an inbox when
the terminals are done are sent by the parent, so every published request is sent twice.
Then the invariants are checked on one snapshot and a summary dict is returned.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import queue
import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from app.devtools.marker import NotADevtoolsDatabase
from app.devtools.torture.invariants import (
    check_database,
    shared_order_problems,
    snapshot,
    submission_problems,
)
from app.devtools.torture.terminal import CASHIER, ROLE_CYCLE, Terminal
from app.devtools.torture.world import World, prepare_world
from db.engine import Database
from db.models import Invoice, Payment, RepairOrder, StockMovement

START_TIMEOUT = 300  # seconds for every terminal to be up
Progress = Callable[[int, int], None]


def count_rows(database: Database, world: World) -> dict[str, int]:
    """How many orders, invoices, credit notes, payments this run made; stock movements."""
    with snapshot(database) as s:
        return {
            "repair_orders": s.scalar(select(func.count(RepairOrder.id))
                                      .where(RepairOrder.id > world.orders_after)) or 0,
            "invoices": s.scalar(select(func.count(Invoice.id)).where(
                Invoice.id > world.invoices_after, Invoice.kind == "invoice")) or 0,
            "credit_notes": s.scalar(select(func.count(Invoice.id)).where(
                Invoice.id > world.invoices_after, Invoice.kind == "credit_note")) or 0,
            "payments": s.scalar(select(func.count(Payment.id)).where(
                Payment.idempotency_key.startswith(world.tag + "-"))) or 0,
            "stock_movements": s.scalar(select(func.count(StockMovement.id))) or 0,
        }


def terminal_main(world: World, number: int, role: str, quota: int, seed: int,
                  inboxes: list[Any], results: Any, barrier: Any, done: Any) -> None:
    """Entry point of one terminal process."""
    database = Database(world.url)
    outboxes = [q for i, q in enumerate(inboxes) if i != number] or inboxes
    term = Terminal(database, world, number, role=role, rng=random.Random(seed * 1009 + number),
                    inbox=inboxes[number], outboxes=outboxes)
    with contextlib.suppress(threading.BrokenBarrierError):  # start anyway
        barrier.wait(timeout=START_TIMEOUT)
    for _i in range(quota):
        try:
            term.step()
        except Exception as exc:  # a failure outside a transaction (reading a list ...)
            term.stats.errors.append(f"terminal {number}: {type(exc).__name__}: {exc}")
        with done.get_lock():
            done.value += 1
    results.put(term.stats.as_dict())
    database.dispose()


def _merge(stats: list[dict[str, Any]]) -> dict[str, Any]:
    by_kind: dict[str, Counter] = {}
    by_error: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for s in stats:
        for kind, texts in s["conflict_examples"].items():
            mine = examples.setdefault(kind, [])
            mine += [t for t in texts if t not in mine][:3 - len(mine)]
        for kind, counts in s["by_kind"].items():
            by_kind.setdefault(kind, Counter()).update(counts)
        by_error.update(s["conflicts_by_error"])
    return {"by_kind": {k: dict(sorted(v.items())) for k, v in sorted(by_kind.items())},
            "conflicts_by_error": dict(sorted(by_error.items())),
            "conflict_examples": dict(sorted(examples.items()))}


def run_torture(url: str, *, terminals: int = 8, ops: int = 5000, seed: int | None = None,
                progress: Progress | None = None) -> dict[str, Any]:
    """Prepare, run the terminals, check; the summary (``anomalies`` lists violations)."""
    if terminals < 1 or ops < 1:
        raise ValueError("need at least one terminal and one operation")
    seed = random.randrange(1_000_000) if seed is None else seed
    started = time.perf_counter()
    database = Database(url)
    try:
        world = prepare_world(database, terminals=terminals, seed=seed)
    except NotADevtoolsDatabase:
        database.dispose()
        raise
    before = count_rows(database, world)
    ctx = mp.get_context("spawn")
    manager = ctx.Manager()
    inboxes = [manager.Queue() for _n in range(terminals)]
    results = ctx.Queue()
    barrier = ctx.Barrier(terminals)
    done = ctx.Value("i", 0)
    quotas = [ops // terminals + (1 if n < ops % terminals else 0) for n in range(terminals)]
    procs = [ctx.Process(target=terminal_main, name=f"torture-T{n}",
                         args=(world, n, ROLE_CYCLE[n % len(ROLE_CYCLE)], quotas[n], seed,
                               inboxes, results, barrier, done))
             for n in range(terminals)]
    prepared = time.perf_counter()
    for p in procs:
        p.start()
    stats: list[dict[str, Any]] = []
    anomalies: list[str] = []
    while len(stats) < terminals:
        try:
            stats.append(results.get(timeout=1.0))
        except queue.Empty:
            if progress is not None:
                progress(done.value, ops)
            if not any(p.is_alive() for p in procs) and results.empty():
                break
    for p in procs:
        p.join(timeout=60)
        if p.exitcode != 0:
            anomalies.append(f"terminal process {p.name} ended with exit code {p.exitcode}")
            if p.is_alive():
                p.kill()
                p.join()
    ran = time.perf_counter()

    parent = Terminal(database, world, terminals, role=CASHIER, rng=random.Random(seed))
    for inbox in inboxes:
        while True:
            try:
                item = inbox.get_nowait()
            except queue.Empty:
                break
            parent.send_double(item)
    manager.shutdown()
    stats.append(parent.stats.as_dict())

    for s in stats:
        anomalies += s["errors"]
    anomalies += check_database(database)
    edits = [tuple(e) for s in stats for e in s["edits"]]
    payments = [(k, tuple(ids)) for s in stats for k, ids in s["payments"]]
    with snapshot(database) as session:
        anomalies += shared_order_problems(session, world, edits)
        anomalies += submission_problems(session, payments)
        final_version = session.scalar(select(RepairOrder.version)
                                       .where(RepairOrder.id == world.shared_order_id))
    after = count_rows(database, world)
    database.dispose()
    operations = sum(s["operations"] for s in stats)
    finished = time.perf_counter()
    return {
        "command": "torture",
        "database": database.backend,
        "terminals": terminals,
        "seed": seed,
        "operations": operations,
        "ok": sum(s["ok"] for s in stats),
        "conflicts": sum(s["conflicts"] for s in stats),
        "anomalies": anomalies,
        "anomaly_count": len(anomalies),
        **_merge(stats),
        "per_terminal": [{"terminal": s["terminal"], "role": s["role"],
                          "operations": s["operations"], "ok": s["ok"],
                          "conflicts": s["conflicts"]} for s in stats],
        "double_submits": {"published": sum(s["double_published"] for s in stats),
                           "sent_again": sum(s["double_sent"] for s in stats)},
        "shared_order": {"saves": len(edits),
                         "conflicts": sum(s["edit_conflicts"] for s in stats),
                         "version_before": world.shared_version,
                         "version_after": final_version},
        "created": {k: after[k] - before[k] for k in after},
        "elapsed_seconds": round(finished - started, 2),
        "run_seconds": round(ran - prepared, 2),
        "ops_per_second": round(operations / max(ran - prepared, 1e-9), 1),
    }


def print_progress(done: int, total: int) -> None:
    """A one-line progress meter on stderr."""
    print(f"\r  {done}/{total} operations", end="", file=sys.stderr, flush=True)
