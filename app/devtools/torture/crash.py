"""The crash test: kill a working terminal at random moments, then check the database.

A child process (spawned) settles orders, takes payments and issues stock in a loop — one
``run_in_transaction`` call per step; the parent keeps a few completed orders ready for it
between rounds (the worker checks cars in itself only when it runs out of work). The parent
waits until the worker is up, lets it work for a random while and kills it with SIGKILL,
wherever it is: inside a transaction, committing, or between two. After each kill the
database must pass its own integrity check (SQLite) and every invariant of
``app.devtools.torture.invariants``: each document whole or absent.

On PostgreSQL the parent also terminates the child's *backend* (``pg_terminate_backend``
from a separate admin connection) while the child is inside a transaction: the child must
see a lost connection, carry on with a new one, and nothing half-done may remain. Between
two terminations the child is paused so the check sees a quiet database.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import random
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select, text

from app.devtools.marker import NotADevtoolsDatabase
from app.devtools.torture.invariants import check_database
from app.devtools.torture.outcomes import Probe, is_disconnect, kind_name
from app.devtools.torture.run import count_rows
from app.devtools.torture.terminal import CRASH, Terminal
from app.devtools.torture.world import (
    HOT_PART_STOCK,
    World,
    complete_order,
    hot_stock,
    load_actors,
    new_order,
    plate_for,
    prepare_world,
)
from app.parts.stock import receive_stock
from db.engine import Database, make_engine
from db.enums import OrderStatus, RoleCode
from db.models import RepairOrder

READY_TIMEOUT = 120
Progress = Callable[[str, int, int], None]


def crash_child(world: World, seed: int, probe: Probe, ready: Any, stop: Any, pause: Any,
                idle: Any, results: Any) -> None:
    """Entry point of the worker that gets killed: settle, pay, issue until stopped."""
    database = Database(world.url)
    term = Terminal(database, world, 0, role=CRASH, rng=random.Random(seed), probe=probe,
                    think_time=0)
    ready.set()
    while not stop.is_set():
        if pause.is_set():
            idle.set()
            while pause.is_set() and not stop.is_set():
                time.sleep(0.002)
            idle.clear()
            continue
        try:
            term.step()
        except Exception as exc:  # outside a transaction: reading a work list
            if is_disconnect(exc):
                term.stats.connection_lost += 1
            else:
                term.stats.errors.append(f"crash child: {type(exc).__name__}: {exc}")
    if results is not None:
        results.put(term.stats.as_dict())
    database.dispose()


def _kill(process: Any) -> None:
    if hasattr(signal, "SIGKILL"):
        os.kill(process.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows: TerminateProcess is as abrupt
        process.kill()
    process.join()


class _Child:
    """One spawned crash child with its control events."""

    def __init__(self, ctx: Any, world: World, seed: int, probe: Probe, *,
                 results: Any = None) -> None:
        self.ready, self.stop = ctx.Event(), ctx.Event()
        self.pause, self.idle = ctx.Event(), ctx.Event()
        self.process = ctx.Process(target=crash_child, name="crash-child", args=(
            world, seed, probe, self.ready, self.stop, self.pause, self.idle, results))
        self.process.start()

    def wait_ready(self) -> bool:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.ready.wait(0.2):
                return True
            if not self.process.is_alive():
                return False
        return False


def _wait_in_transaction(probe: Probe, process: Any, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.is_alive():
        if probe.in_transaction.value:
            return True
        time.sleep(0.0005)
    return False


class _WorkPool:
    """Keeps a few completed orders and the hot parts' stock ready, so the worker spends its
    life settling, paying and issuing stock (and gets killed there) rather than checking cars
    in or running out of parts."""

    def __init__(self, database: Database, world: World, seed: int, minimum: int = 6) -> None:
        self.database, self.world, self.minimum = database, world, minimum
        self.rng = random.Random(seed)
        self.made = 0
        with database.reading() as session:
            self.actors = load_actors(session, world.usernames)

    def refill(self) -> None:
        with self.database.reading() as session:
            ready = session.scalar(select(func.count(RepairOrder.id)).where(
                RepairOrder.id > self.world.orders_after,
                RepairOrder.status == OrderStatus.COMPLETED.value)) or 0
        with self.database.transaction() as session:
            for part_id, on_hand in hot_stock(session, self.world).items():
                if on_hand < HOT_PART_STOCK // 2:
                    receive_stock(session, self.actors[RoleCode.PARTS_CLERK], part_id,
                                  HOT_PART_STOCK - on_hand, unit_cost="32.00",
                                  reference="CRASH")
        for _i in range(self.minimum - ready):
            self.made += 1
            with self.database.transaction() as session:
                order = new_order(session, self.actors, self.world, self.rng,
                                  plate_for(self.world, 998, self.made))
                complete_order(session, self.actors, self.world, self.rng, order.id)


def run_crash_test(url: str, *, kills: int = 200, terminations: int | None = None,
                   seed: int | None = None, max_delay: float = 0.6,
                   progress: Progress | None = None) -> dict[str, Any]:
    """Kill rounds, then (PostgreSQL) backend terminations; the summary with anomalies."""
    seed = random.randrange(1_000_000) if seed is None else seed
    rng = random.Random(seed)
    started = time.perf_counter()
    database = Database(url)
    postgres = database.backend == "postgresql"
    if terminations is None:
        terminations = max(2, kills // 4) if postgres else 0
    if not postgres:
        terminations = 0
    try:
        world = prepare_world(database, terminals=1, seed=seed, completed_orders=0,
                              tool="crash-test")
    except NotADevtoolsDatabase:
        database.dispose()
        raise
    before = count_rows(database, world)
    pool = _WorkPool(database, world, seed)
    ctx = mp.get_context("spawn")
    # Lock-free shared ints: a worker killed while holding a Value's lock would leave it held
    # and hang everyone reading it afterwards. One writer at a time, so no lock is needed.
    probe = Probe(*(ctx.Value("i", 0, lock=False) for _i in range(3)))
    anomalies: list[str] = []
    done_kills = 0
    inside: Counter[str] = Counter()

    for round_no in range(1, kills + 1):
        pool.refill()
        child = _Child(ctx, world, seed * 7919 + round_no, probe)
        if not child.wait_ready():
            anomalies.append(f"kill round {round_no}: the worker did not start "
                             f"(exit code {child.process.exitcode})")
            if child.process.is_alive():
                _kill(child.process)
            continue
        time.sleep(rng.uniform(0.02, max_delay))
        if not child.process.is_alive():
            anomalies.append(f"kill round {round_no}: the worker died by itself "
                             f"(exit code {child.process.exitcode})")
            continue
        code = probe.in_transaction.value
        _kill(child.process)
        if code:
            inside[kind_name(code)] += 1
        done_kills += 1
        probe.in_transaction.value = 0
        anomalies += [f"after kill {round_no}: {p}" for p in check_database(database)]
        if progress is not None:
            progress("kills", round_no, kills)

    done_terminations = mid_transaction = 0
    child_stats: dict[str, Any] = {}
    if terminations:
        done_terminations, mid_transaction, child_stats = _terminations(
            ctx, database, world, seed, probe, rng, terminations, anomalies, progress, pool)

    after = count_rows(database, world)
    database.dispose()
    return {
        "command": "crash-test",
        "database": database.backend,
        "seed": seed,
        "kills": done_kills,
        "kills_inside_a_transaction": sum(inside.values()),
        "kills_inside_by_operation": dict(inside.most_common()),
        "backend_terminations": done_terminations,
        "backend_terminations_inside_a_transaction": mid_transaction,
        "connections_lost_by_worker": child_stats.get("connection_lost", 0),
        "transactions_started": probe.transactions.value,
        "anomalies": anomalies,
        "anomaly_count": len(anomalies),
        "created": {k: after[k] - before[k] for k in after},
        "elapsed_seconds": round(time.perf_counter() - started, 2),
    }


def _terminations(ctx: Any, database: Database, world: World, seed: int, probe: Probe,
                  rng: random.Random, count: int, anomalies: list[str],
                  progress: Progress | None, pool: _WorkPool) -> tuple[int, int, dict[str, Any]]:
    """Terminate the worker's PostgreSQL backend mid-transaction ``count`` times; returns
    (terminations, how many hit a running transaction, the worker's stats)."""
    admin = make_engine(database.url, isolation_level="AUTOCOMMIT")
    results = ctx.Queue()
    child = _Child(ctx, world, seed * 104_729, probe, results=results)
    done = mid = 0
    stats: dict[str, Any] = {}
    try:
        if not child.wait_ready():
            anomalies.append("termination rounds: the worker did not start")
            return 0, 0, stats
        for round_no in range(1, count + 1):
            if not _wait_in_transaction(probe, child.process):
                anomalies.append(f"termination {round_no}: the worker is not working")
                break
            time.sleep(rng.uniform(0, 0.02))
            pid = probe.backend_pid.value
            finished = probe.transactions.value
            running = probe.in_transaction.value != 0
            with admin.connect() as conn:
                if conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar():
                    done += 1
                    mid += running
            deadline = time.monotonic() + 30
            while probe.transactions.value == finished and time.monotonic() < deadline:
                time.sleep(0.001)
            child.pause.set()
            if not child.idle.wait(60):
                anomalies.append(f"termination {round_no}: the worker does not pause")
                break
            anomalies += [f"after backend termination {round_no}: {p}"
                          for p in check_database(database)]
            pool.refill()
            child.pause.clear()
            if progress is not None:
                progress("backend terminations", round_no, count)
        child.stop.set()
        try:
            stats = results.get(timeout=60)
        except queue.Empty:
            anomalies.append("termination rounds: the worker did not report")
        anomalies += stats.get("errors", [])
        child.process.join(timeout=60)
    finally:
        if child.process.is_alive():
            _kill(child.process)
        admin.dispose()
    return done, mid, stats


def print_progress(stage: str, done: int, total: int) -> None:
    """A one-line progress meter on stderr."""
    print(f"\r  {stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)
