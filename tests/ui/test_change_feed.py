"""The change feed: other terminals' committed changes reach this one, ours are not doubled."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app import changes
from app.changes import ChangeSet
from app.clock import now
from app.transactions import perform
from db import models as m
from tests import builders
from ui import change_feed
from ui.change_feed import Change, ChangeFeed, LogReader, Watcher

ROOT = Path(__file__).resolve().parents[2]


def write_foreign(database, changes_json: str, *, entry_id: int | None = None) -> int:
    """A change-log row as another terminal (another origin) writes it."""
    with database.transaction() as s:
        entry = m.ChangeLogEntry(at=now(), origin="another-terminal", changes=changes_json)
        if entry_id is not None:
            entry.id = entry_id
        s.add(entry)
        s.flush()
        return entry.id


def test_the_reader_returns_other_terminals_changes_once(database, advisor) -> None:
    reader = LogReader(database)
    write_foreign(database, '{"orders":[7]}')
    write_foreign(database, '{"parts":[3]}')
    assert reader.read() == ChangeSet.of(orders=[7], parts=[3])
    assert reader.read() == ChangeSet()  # nothing new


def test_the_reader_skips_what_this_process_wrote(database, advisor) -> None:
    reader = LogReader(database)
    perform(database, lambda s: builders.customer(s, advisor).id)  # our own origin
    assert reader.read() == ChangeSet()


def test_a_lower_id_committed_late_is_still_delivered(database) -> None:
    """PostgreSQL hands out ids before commit: id 5 may commit after id 6 was read."""
    reader = LogReader(database)
    start = reader.floor
    write_foreign(database, '{"orders":[2]}', entry_id=start + 2)
    assert reader.read() == ChangeSet.of(orders=[2])
    assert reader.has_unread(start + 2)  # the gap at start + 1 is still open
    write_foreign(database, '{"orders":[1]}', entry_id=start + 1)
    assert reader.read() == ChangeSet.of(orders=[1])
    assert reader.floor == start + 2 and not reader.has_unread(start + 2)


def test_a_gap_that_never_fills_is_given_up(database, monkeypatch) -> None:
    reader = LogReader(database)
    start = reader.floor
    write_foreign(database, '{"orders":[2]}', entry_id=start + 2)
    reader.read()
    monkeypatch.setattr(change_feed, "GAP_WAIT_S", 0.0)
    reader.read()
    assert reader.floor == start + 2


def test_the_watcher_delivers_on_the_gui_thread(qtbot, database) -> None:
    target = ChangeFeed()
    watcher = Watcher(database, target)
    watcher.start()
    try:
        with qtbot.waitSignal(target.changed, timeout=10_000) as blocker:
            write_foreign(database, '{"appointments":[9]}')
    finally:
        watcher.stop()
    change = blocker.args[0]
    assert isinstance(change, Change) and change.foreign
    assert change.changes == ChangeSet.of(appointments=[9])


OTHER_TERMINAL = textwrap.dedent("""
    import sys, time
    from app.transactions import perform
    from db.engine import Database
    from db.models import Customer

    database = Database(sys.argv[1])
    def rename(s):
        customer = s.get(Customer, int(sys.argv[2]))
        customer.notes = "changed at the other terminal"
    print(time.time(), flush=True)
    perform(database, rename)
    print(time.time(), flush=True)
""")


def test_a_change_in_another_process_reaches_this_one(qtbot, database, advisor) -> None:
    """Two real processes: the other commits, this one's watcher hears it."""
    with database.transaction() as s:
        customer_id = builders.customer(s, advisor).id
    target = ChangeFeed()
    watcher = Watcher(database, target)
    watcher.start()
    try:
        with qtbot.waitSignal(target.changed, timeout=15_000) as blocker:
            done = subprocess.run(
                [sys.executable, "-c", OTHER_TERMINAL,
                 database.url.render_as_string(hide_password=False), str(customer_id)],
                cwd=ROOT, capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, done.stderr
        committed = float(done.stdout.split()[-1])
        arrived = time.time()
    finally:
        watcher.stop()
    assert blocker.args[0].changes == ChangeSet.of(customers=[customer_id])
    # Not a speed test (that is `main.py bench change_propagation`): it did arrive, after it
    # was committed.
    assert arrived >= committed


def test_stopping_the_watcher_releases_the_database(database) -> None:
    watcher = Watcher(database, ChangeFeed())
    watcher.start()
    watcher.stop()
    assert watcher._thread is None


@pytest.mark.parametrize("kinds", [{"orders": [1]}, {"shop": True}])
def test_announce_is_quiet_for_nothing(qtbot, kinds) -> None:
    target = ChangeFeed()
    with qtbot.assertNotEmitted(target.changed):
        target.announce(ChangeSet())
    with qtbot.waitSignal(target.changed) as blocker:
        target.announce(ChangeSet.of(**kinds))
    assert not blocker.args[0].foreign
    assert changes.ChangeSet.from_json(blocker.args[0].changes.to_json()) == ChangeSet.of(**kinds)
