"""The database itself refuses to change issued documents, payments, the stock ledger, the audit
log and closed tills (db/append_only.py) — through the app's own engine on both databases, and
on PostgreSQL also as the application role ``create-roles`` makes (db/roles.py)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.cashier.invoicing import issue_credit_note, settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.cashier.till import close_till, open_till
from app.doctor import run_checks
from app.integrity import RecordFrozen
from app.security.actor import Actor
from app.transactions import perform
from db.append_only import ALL_TABLES, TILL, refused_change
from db.engine import Database
from db.enums import RoleCode, TillStatus
from db.models import AuditEntry, Invoice, StockMovement, TillSession
from db.roles import create_roles, scram_verifier
from main import main
from tests.app.cashier.helpers import SPLIT_LINES
from tests.conftest import _pg_admin, drop_pg_database, load_actor, new_pg_database
from tests.factories import make_completed_order, make_part


@dataclass(frozen=True)
class World:
    """One row of every append-only kind; ``rows[table]`` is the id of a row to attack."""

    rows: dict[str, int]
    open_till_id: int


def build_world(session: Session, actors: dict[str, Actor]) -> World:
    """An invoice paid in cash into a till that is then closed, its credit note, a stock
    receipt (and the audit entries those write), and a second till left open."""
    cashier = actors[RoleCode.CASHIER]
    make_part(session, actors[RoleCode.PARTS_CLERK], part_no="AO-1", on_hand=5)
    till = open_till(session, cashier, terminal="AO-1", opening_float="100.00")
    order = make_completed_order(session, actors[RoleCode.ADVISOR], lines=SPLIT_LINES)
    invoice = settle_order(session, cashier, order.id)
    take_payments(session, cashier, invoice.id, [PaymentPart("cash", "290.00")],
                  idempotency_key="ao", till_session_id=till.id)
    close_till(session, cashier, till.id, counted_cash="390.00")
    note = issue_credit_note(session, actors[RoleCode.SERVICE_MANAGER], invoice.id,
                             reason="开错")
    other = open_till(session, cashier, terminal="AO-2", opening_float="50.00")
    session.flush()
    rows = {table: session.scalar(text(f"SELECT MIN(id) FROM {table}")) for table in ALL_TABLES}
    rows["invoice"] = note.id  # a credit note is an invoice row too
    rows[TILL] = till.id
    assert all(rows.values()), rows
    made = World(rows=rows, open_till_id=other.id)
    session.commit()  # and leave the session alone: on SQLite its next read would lock
    return made


@pytest.fixture
def world(database: Database, session: Session, actors: dict[str, Actor]) -> World:
    return build_world(session, actors)


def _refused(database: Database, statement: str, **params: object) -> IntegrityError:
    with pytest.raises(IntegrityError) as caught, database.engine.begin() as conn:
        conn.execute(text(statement), params)
    assert refused_change(caught.value), caught.value
    return caught.value


def test_updates_and_deletes_of_every_protected_table_are_refused(database: Database,
                                                                  world: World) -> None:
    for table, row in world.rows.items():
        error = _refused(database, f"UPDATE {table} SET id = id WHERE id = :i", i=row)
        assert table in str(error.orig)
        _refused(database, f"DELETE FROM {table} WHERE id = :i", i=row)
        _refused(database, f"DELETE FROM {table}")
        if database.backend == "postgresql":
            _refused(database, f"TRUNCATE {table} CASCADE")
    with database.engine.connect() as conn:  # nothing went
        assert all(conn.scalar(text(f"SELECT COUNT(*) FROM {t} WHERE id = :i"), {"i": i})
                   for t, i in world.rows.items())


def test_an_open_till_changes_until_it_is_closed(database: Database, world: World,
                                                 cashier: Actor) -> None:
    with database.engine.begin() as conn:  # an open till's row may change (it closes so)
        conn.execute(text("UPDATE till_session SET opening_float = opening_float "
                          "WHERE id = :i"), {"i": world.open_till_id})
    _refused(database, "DELETE FROM till_session WHERE id = :i", i=world.open_till_id)
    perform(database, lambda s: close_till(s, cashier, world.open_till_id,
                                           counted_cash="50.00"))
    with database.reading() as s:
        assert s.get(TillSession, world.open_till_id).status == TillStatus.CLOSED
    error = _refused(database, "UPDATE till_session SET counted_cash = 0 WHERE id = :i",
                     i=world.open_till_id)
    assert "closed till_session" in str(error.orig)


def test_an_action_that_touches_an_issued_document_gets_a_domain_error(database: Database,
                                                                       world: World) -> None:
    def rewrite(session: Session) -> None:
        invoice = session.get(Invoice, world.rows["invoice"])
        invoice.reason = "改过"

    with pytest.raises(RecordFrozen) as caught:
        perform(database, rewrite)
    assert caught.value.message("zh_CN") != caught.value.message("en")
    with pytest.raises(RecordFrozen):
        perform(database, lambda s: s.execute(update(StockMovement).values(note="x")))
    with database.reading() as s:
        assert s.get(Invoice, world.rows["invoice"]).reason == "开错"


# --- PostgreSQL: the role split -------------------------------------------------------------

_runs = count(1)


@dataclass(frozen=True)
class Roles:
    admin_url: str  # the superuser, on the roles' own database
    owner: str
    app: str

    def url(self, role: str) -> str:
        return make_url(self.admin_url).set(username=role, password="pw-" + role) \
            .render_as_string(hide_password=False)


@pytest.fixture
def pg_roles(request: pytest.FixtureRequest) -> Iterator[Roles]:
    """A database of its own with the world in it, and two new roles (dropped afterwards)."""
    url = new_pg_database(request.getfixturevalue("pg_template"))
    tag = f"bayline_t{os.getpid()}_{next(_runs)}"
    roles = Roles(admin_url=url, owner=f"{tag}_owner", app=f"{tag}_app")
    database = Database(url)
    try:
        with database.transaction() as s:
            build_world(s, {r.value: load_actor(s, r) for r in RoleCode})
        yield roles
    finally:
        database.dispose()
        drop_pg_database(url)
        engine = _pg_admin()
        with engine.connect() as conn:
            for role in (roles.app, roles.owner):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        engine.dispose()


def _setup(roles: Roles, *, via_command: bool = False) -> None:
    if via_command:
        assert main(["--db", roles.admin_url, "create-roles", "--owner", roles.owner,
                     "--app", roles.app, "--owner-password", "pw-" + roles.owner,
                     "--app-password", "pw-" + roles.app]) == 0
        return
    database = Database(roles.admin_url)
    with database.engine.begin() as conn:
        create_roles(conn, owner=roles.owner, app=roles.app,
                     owner_password="pw-" + roles.owner, app_password="pw-" + roles.app)
    database.dispose()


def _denied(database: Database, statement: str) -> None:
    with pytest.raises(DBAPIError) as caught, database.engine.begin() as conn:
        conn.execute(text(statement))
    sqlstate = getattr(caught.value.orig, "sqlstate", None)
    assert sqlstate == "42501" or refused_change(caught.value), (statement, caught.value)


def test_the_application_role_reads_and_adds_but_never_changes(pg_roles: Roles,
                                                               capsys) -> None:
    _setup(pg_roles, via_command=True)
    assert "sslmode=verify-full" in capsys.readouterr().out
    _setup(pg_roles)  # idempotent: a second run changes nothing and fails nowhere
    app = Database(pg_roles.url(pg_roles.app))
    try:
        for table in ALL_TABLES:
            _denied(app, f"UPDATE {table} SET id = id")
            _denied(app, f"DELETE FROM {table}")
            _denied(app, f"TRUNCATE {table} CASCADE")
            _denied(app, f"ALTER TABLE {table} DISABLE TRIGGER USER")
            _denied(app, f"ALTER TABLE {table} ADD COLUMN sneaky integer")
        _denied(app, "UPDATE invoice SET gross_total = 0")
        _denied(app, "UPDATE alembic_version SET version_num = '9999'")
        _denied(app, "CREATE TABLE sneaky (id integer)")
        _denied(app, "DROP TABLE customer CASCADE")
        # the ordinary work of a terminal still works: reading, adding, a payment that locks
        # its invoice (FOR UPDATE), closing a till, changing an ordinary table
        with app.transaction() as s:
            actors = {r.value: load_actor(s, r) for r in RoleCode}
            assert s.scalar(select(Invoice.number).order_by(Invoice.id).limit(1))
            cashier = actors[RoleCode.CASHIER]
            till = s.scalar(select(TillSession).where(TillSession.status == "open"))
            order = make_completed_order(s, actors[RoleCode.ADVISOR], plate="粤A77777")
            invoice = settle_order(s, cashier, order.id)
            take_payments(s, cashier, invoice.id, [PaymentPart("cash", "872.00")],
                          idempotency_key="as-app", till_session_id=till.id)
            close_till(s, cashier, till.id, counted_cash="922.00")
            s.add(AuditEntry(at=invoice.issued_at, user_id=None, action="test.app_role",
                             entity="invoice", entity_id=str(invoice.id)))
        checks = {c.name: c for c in run_checks(app)}
        assert checks["connected as the application role"].ok
    finally:
        app.dispose()
    owner = Database(pg_roles.url(pg_roles.owner))
    try:
        (check,) = [c for c in run_checks(owner) if c.name.startswith("connected as")]
        assert not check.ok and check.warning_only and "owns" in check.detail, check
        with owner.engine.begin() as conn:  # the owner runs migrations: DDL is its business
            conn.execute(text("CREATE TABLE later_table (id integer)"))
        app = Database(pg_roles.url(pg_roles.app))
        with app.engine.begin() as conn:  # default privileges reach a later table
            conn.execute(text("INSERT INTO later_table VALUES (1)"))
        app.dispose()
    finally:
        owner.dispose()


def test_doctor_warns_about_a_superuser(database: Database) -> None:
    if database.backend != "postgresql":
        pytest.skip("roles exist on PostgreSQL only")
    (check,) = [c for c in run_checks(database) if c.name.startswith("connected as")]
    assert not check.ok and check.warning_only and "superuser" in check.detail


def test_passwords_reach_the_server_as_scram_verifiers() -> None:
    """RFC 7677's exchange (user "user", password "pencil"): a server holding our verifier
    signs it as the RFC does and accepts the RFC's client proof."""
    salt = base64.b64decode("W22ZaJ0SNY7soEsUEjb6gQ==")
    verifier = scram_verifier("pencil", salt=salt)
    head, keys = verifier.rsplit("$", 1)
    assert head == "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ=="
    stored_key, server_key = (base64.b64decode(k) for k in keys.split(":"))
    nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
    auth = (f"n=user,r=rOprNGfwEbeRWgbNEkqO,r={nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            f"c=biws,r={nonce}").encode()
    assert base64.b64encode(hmac.new(server_key, auth, "sha256").digest()) == \
        b"6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
    proof = base64.b64decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
    signature = hmac.new(stored_key, auth, "sha256").digest()
    client_key = bytes(a ^ b for a, b in zip(proof, signature, strict=True))
    assert hashlib.sha256(client_key).digest() == stored_key
    assert scram_verifier("pencil") != scram_verifier("pencil")  # a fresh salt each time
