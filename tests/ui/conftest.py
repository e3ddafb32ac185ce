"""UI test fixtures: compiled translations in a throwaway cache, English restored after each test,
and an empty migrated database for the first-start set-up."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db.engine import Database
from db.migrate import upgrade


@pytest.fixture(scope="session", autouse=True)
def qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Compile .ts files into a per-run cache instead of the user's."""
    folder = tmp_path_factory.mktemp("qm")
    old = os.environ.get("BAYLINE_QM_CACHE")
    os.environ["BAYLINE_QM_CACHE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("BAYLINE_QM_CACHE", None)
    else:
        os.environ["BAYLINE_QM_CACHE"] = old


@pytest.fixture(autouse=True)
def no_window_outlives_its_test(qapp) -> Iterator[None]:
    """Windows a test leaves behind (made inside ``run_gui`` or a ``TerminalFlow``, or only
    ``deleteLater``-ed, which needs an event loop the test no longer runs) are deleted when it
    ends: alive, they would keep answering the application-wide ``signals`` in later tests
    with reads on this test's database after it was disposed (an unclosed connection)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    yield
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()  # not close(): a form would ask whether to discard its typing
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def english_afterwards(qapp) -> Iterator[None]:
    """Each test starts from, and goes back to, an English UI."""
    from ui.i18n import set_language

    set_language(qapp, "en")
    yield
    set_language(qapp, "en")


@contextmanager
def migrated_empty(backend: str, folder: Path, label: str) -> Iterator[Database]:
    """A new migrated database on ``backend`` with nothing in it (dropped afterwards); a
    PostgreSQL one is skipped when the server is unreachable."""
    if backend == "sqlite":
        db = Database(folder / f"{label}.sqlite")
        upgrade(db)
        yield db
        db.dispose()
        return
    from tests import conftest as root

    if root._pg_problem:
        pytest.skip(f"PostgreSQL unreachable: {root._pg_problem}")
    name = f"{root._PREFIX}{label}_{next(root._counter)}"
    admin = root._pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(root.PG_ADMIN_URL).set(database=name)
    db = Database(url)
    upgrade(db)
    try:
        yield db
    finally:
        db.dispose()
        root.drop_pg_database(url.render_as_string(hide_password=False))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated database with no reference data, no profile and no users."""
    with migrated_empty(request.param, tmp_path, "empty") as db:
        yield db


def settle_operations() -> None:
    """Wait until every background operation has committed or failed and its results (the
    change feed, ``on_done``/``on_error``) have reached the GUI thread."""
    from ui.operations import pending_report, wait_for_operations

    assert wait_for_operations(30_000), f"not finished within 30 s: {pending_report()}"


@pytest.fixture
def settle():
    """``settle()`` after a click that saves: the test then sees what the user sees."""
    return settle_operations


@pytest.fixture(autouse=True)
def no_operation_outlives_its_test(qapp) -> Iterator[None]:
    """An operation still running at the end would write into the next test's database."""
    yield
    settle_operations()


def gone(widget) -> bool:
    """True once ``widget`` was closed: hidden, or already deleted (WA_DeleteOnClose)."""
    import shiboken6

    return not shiboken6.isValid(widget) or not widget.isVisible()


@pytest.fixture
def database(database):  # the root conftest's, wrapped: screens go before their database
    """The test's database; when the test ends, its screens' work is waited for and its
    windows are deleted *before* the database is dropped, so no screen reads from a database
    being dropped (a PostgreSQL connection pinged during the drop can wait for ever)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    yield database
    settle_operations()
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle_operations()
