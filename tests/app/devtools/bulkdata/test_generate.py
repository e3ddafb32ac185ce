"""The bulk benchmark generator on both backends: a small data set (``bulk-tiny``) must keep
every invariant the big ones are checked for (chain, ledger, totals, counters, search)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import selectinload

from app.cashier.invoicing import settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.customers.search import search
from app.devtools.bulkdata.generate import BulkSummary, demo_passwords, generate_bulk_data
from app.devtools.bulkdata.sizes import SIZES
from app.errors import DomainError, ValidationError
from app.fiscal.verify import verify_chain, verify_documents
from app.money import line_amounts
from app.numbering import next_number
from app.parts.ledger import verify_ledger
from app.parts.stock import issue_to_order
from app.security.users import SYSTEM_ACTOR, actor_for, authenticate, create_user
from app.setup.reference import ensure_reference_data
from app.validation.phones import digits_reversed, validate_phone
from app.validation.plates import validate_plate
from app.validation.taxids import validate_tax_id
from app.validation.vin import validate_vin
from db.base import Base
from db.engine import Database
from db.enums import DocumentType, OrderStatus, RoleCode
from db.migrate import upgrade
from db.models import (
    ChainHead,
    Customer,
    CustomerPhone,
    DocumentSeries,
    Invoice,
    InvoiceLine,
    MileageReading,
    OrderStatusChange,
    PartLine,
    Payment,
    RepairOrder,
    Role,
    StockMovement,
    StockReservation,
    TillSession,
    User,
    Vehicle,
)
from tests.conftest import drop_pg_database

TODAY = date(2026, 11, 24)
SIZE = SIZES["bulk-tiny"]
_names = count(1)


def _empty_database(backend: str, folder: Path) -> Iterator[Database]:
    """A migrated database with nothing in it (no reference data, no users)."""
    if backend == "sqlite":
        db = Database(folder / f"bulk{next(_names)}.sqlite")
        upgrade(db)
        yield db
        db.dispose()
        return
    from tests.conftest import _PREFIX, PG_ADMIN_URL, _pg_admin, _pg_problem

    if _pg_problem:
        pytest.skip(f"PostgreSQL unreachable: {_pg_problem}")
    name = f"{_PREFIX}bulk_{next(_names)}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(PG_ADMIN_URL).set(database=name)
    db = Database(url)
    upgrade(db)
    yield db
    db.dispose()
    drop_pg_database(url.render_as_string(hide_password=False))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from _empty_database(request.param, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def bulk(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, BulkSummary]]:
    """One ``bulk-tiny`` data set per backend, shared by the checks below."""
    stages: list[str] = []
    for db in _empty_database(request.param, tmp_path_factory.mktemp("bulk")):
        summary = generate_bulk_data(
            db, size="bulk-tiny", seed=11, today=TODAY,
            progress=lambda stage, done, total, rate: stages.append(stage))
        assert len(set(stages)) == 4, "every stage reports progress"
        yield db, summary


def _count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


# --- what was written ---------------------------------------------------------------------

def test_builds_every_kind_of_row(bulk: tuple[Database, BulkSummary]) -> None:
    db, summary = bulk
    with db.reading() as s:
        assert _count(s, RepairOrder) == SIZE.orders == summary.rows["repair_order"]
        assert _count(s, Customer) == SIZE.customers
        assert _count(s, Vehicle) == SIZE.vehicles
        assert _count(s, CustomerPhone) > _count(s, Customer)
        open_orders = _count(s, RepairOrder, RepairOrder.status.not_in(
            ["closed", "delivered", "cancelled"]))
        assert open_orders == SIZE.open_orders
        statuses = set(s.scalars(select(RepairOrder.status)))
        assert {"closed", "cancelled", "in_progress", "waiting", "invoiced"} <= statuses
        assert _count(s, Invoice, Invoice.kind == "credit_note") >= 1
        assert _count(s, Payment, Payment.amount < 0) >= 0
        assert _count(s, StockMovement) > SIZE.orders * 2
        kinds = set(s.scalars(select(StockMovement.kind)))
        assert {"receipt", "issue", "return", "counter_sale"} <= kinds
        # one open till (this morning's), every earlier one closed and counted
        tills = s.execute(select(TillSession.status, TillSession.expected_cash,
                                 TillSession.counted_cash).order_by(TillSession.id)).all()
        assert [t.status for t in tills].count("open") == 1 and tills[-1].status == "open"
        assert all(t.expected_cash is not None for t in tills[:-1])
        # users: one per role with the demo password, plus the extra advisors
        assert _count(s, User) >= len(RoleCode)
    assert summary.total_rows > 10_000 and summary.seconds > 0
    assert "repair orders" in str(summary)


def test_chain_and_ledger_verify(bulk: tuple[Database, BulkSummary]) -> None:
    db, _summary = bulk
    with db.reading() as s:
        assert verify_chain(s) == []
        assert verify_ledger(s) == []
        # the stock chain written by the bulk loader, and every business rule of app/fiscal
        report = verify_documents(s)
        assert [f.text() for f in report.findings] == []
        assert report.stock_head.seq == _count(s, StockMovement)
        head = s.get(ChainHead, 1)
        assert head is not None
        assert head.last_seq == _count(s, Invoice) + _count(s, Payment)


def test_invoices_add_up_and_are_never_overpaid(bulk: tuple[Database, BulkSummary]) -> None:
    db, _summary = bulk
    with db.reading() as s:
        lines: dict[int, list[InvoiceLine]] = {}
        for line in s.scalars(select(InvoiceLine)):
            lines.setdefault(line.invoice_id, []).append(line)
        paid: dict[tuple[int, str], Decimal] = {}
        for invoice_id, payer, amount in s.execute(
                select(Payment.invoice_id, Payment.payer, func.sum(Payment.amount))
                .group_by(Payment.invoice_id, Payment.payer)):
            paid[(invoice_id, payer)] = Decimal(amount)
        invoices = s.scalars(select(Invoice)).all()
        for invoice in invoices:
            mine = lines[invoice.id]
            assert invoice.net_total == sum(x.net for x in mine)
            assert invoice.tax_total == sum(x.tax for x in mine)
            assert invoice.gross_total == sum(x.gross for x in mine)
            shares = {"customer": invoice.customer_share, "insurer": invoice.insurer_share,
                      "warranty": invoice.warranty_share, "internal": invoice.internal_share}
            for payer, share in shares.items():
                assert share == sum((x.gross for x in mine if x.payer == payer), Decimal(0))
                got = paid.get((invoice.id, payer), Decimal(0))
                assert abs(got) <= abs(share), (invoice.number, payer)
            for x in mine[:3]:
                a = line_amounts(abs(x.quantity), x.unit_price, x.discount, x.tax_rate,
                                 prices_include_tax=invoice.prices_include_tax)
                assert (abs(x.net), abs(x.tax), abs(x.gross)) == (a.net, a.tax, a.gross)
        # orders handed over were paid in full by every payer
        delivered = s.scalars(select(Invoice.id).join(
            RepairOrder, RepairOrder.id == Invoice.repair_order_id).where(
            RepairOrder.status.in_(["delivered", "closed"]), Invoice.kind == "invoice",
            ~Invoice.id.in_(select(Invoice.original_invoice_id).where(
                Invoice.original_invoice_id.is_not(None))))).all()
        by_id = {i.id: i for i in invoices}
        for invoice_id in delivered:
            total = sum((v for (i, _p), v in paid.items() if i == invoice_id), Decimal(0))
            assert total == by_id[invoice_id].gross_total


def test_number_series_continue_without_gaps(bulk: tuple[Database, BulkSummary]) -> None:
    db, _summary = bulk
    with db.session() as s:
        counts = {DocumentType.REPAIR_ORDER: _count(s, RepairOrder),
                  DocumentType.INVOICE: _count(s, Invoice, Invoice.kind == "invoice"),
                  DocumentType.CREDIT_NOTE: _count(s, Invoice, Invoice.kind == "credit_note"),
                  DocumentType.RECEIPT: _count(s, Payment),
                  DocumentType.GATE_PASS: _count(s, RepairOrder,
                                                 RepairOrder.gate_pass_number.is_not(None))}
        numbers = {DocumentType.REPAIR_ORDER: RepairOrder.number,
                   DocumentType.RECEIPT: Payment.number,
                   DocumentType.GATE_PASS: RepairOrder.gate_pass_number}
        for series, n in counts.items():
            prefix, width = s.execute(select(DocumentSeries.prefix, DocumentSeries.width)
                                      .where(DocumentSeries.code == series.value)).one()
            assert next_number(s, series) == f"{prefix}{n + 1:0{width}d}"
            if series in numbers:  # the last one taken is exactly n
                column = numbers[series]
                assert s.scalar(select(func.max(column))) == f"{prefix}{n:0{width}d}"
        s.rollback()


def test_services_carry_on_after_the_load(bulk: tuple[Database, BulkSummary]) -> None:
    """Settle a completed order with a split payment and issue a part: the app's own writes
    continue the chain, the counters and the stock ledger."""
    db, _summary = bulk
    with db.session() as s:
        users = {u.username: actor_for(u) for u in s.scalars(
            select(User).options(selectinload(User.role).selectinload(Role.permissions)))}
        cashier, clerk = users["cashier"], users["parts_clerk"]
        order_id = s.scalar(select(RepairOrder.id).where(
            RepairOrder.status == OrderStatus.COMPLETED).order_by(RepairOrder.id).limit(1))
        assert order_id is not None, "the workshop has a completed order to settle"
        invoices = _count(s, Invoice, Invoice.kind == "invoice")
        invoice = settle_order(s, cashier, order_id)
        assert invoice.number == f"INV{invoices + 1:06d}"
        till = s.scalar(select(TillSession.id).where(TillSession.status == "open"))
        half = (invoice.customer_share / 2).quantize(Decimal("0.01"))
        parts = [PaymentPart("cash", half, tendered=half + 10),
                 PaymentPart("wechat_pay", invoice.customer_share - half)]
        if not invoice.customer_share:
            parts = [PaymentPart("account", invoice.gross_total,
                                 payer=next(p for p in ("insurer", "warranty", "internal")
                                            if getattr(invoice, f"{p}_share")))]
        take_payments(s, cashier, invoice.id, parts, idempotency_key="bulk-test-1",
                      till_session_id=till)
        # a part reserved for an approved order goes out against its reservation
        line_id = s.scalar(select(StockReservation.part_line_id)
                           .order_by(StockReservation.id).limit(1))
        assert line_id is not None, "approved orders hold reservations"
        movement = issue_to_order(s, clerk, line_id)
        assert movement.quantity == -s.get(PartLine, line_id).quantity
        s.flush()
        assert verify_chain(s) == []
        assert verify_ledger(s) == []
        s.rollback()


def test_identifiers_pass_the_app_validators(bulk: tuple[Database, BulkSummary]) -> None:
    db, _summary = bulk
    with db.reading() as s:
        vehicles = s.execute(select(Vehicle.plate, Vehicle.vin, Vehicle.vin_reversed)).all()
        for plate, vin, vin_reversed in vehicles:
            assert validate_plate(plate) == plate
            check = validate_vin(vin)
            assert check.vin == vin and vin.startswith("L") and check.warnings == ()
            assert vin_reversed == vin[::-1]
        assert len({v.plate for v in vehicles}) == len(vehicles)
        assert any(len(v.plate) == 8 for v in vehicles), "new-energy plates too"
        phones = s.execute(select(CustomerPhone.number, CustomerPhone.digits_reversed)).all()
        for number, reversed_digits in phones:
            assert validate_phone(number) == number
            assert digits_reversed(number) == reversed_digits
        assert len({p.number for p in phones}) == len(phones)
        companies = s.scalars(select(Customer.tax_id).where(Customer.kind == "company")).all()
        assert companies
        for tax_id in companies:
            assert validate_tax_id(tax_id) == tax_id


def test_history_is_consistent_per_order_and_vehicle(
        bulk: tuple[Database, BulkSummary]) -> None:
    db, _summary = bulk
    with db.reading() as s:
        last_change: dict[int, str] = {}
        for order_id, to_status in s.execute(
                select(OrderStatusChange.repair_order_id, OrderStatusChange.to_status)
                .order_by(OrderStatusChange.repair_order_id, OrderStatusChange.id)):
            last_change[order_id] = to_status
        for order_id, status in s.execute(select(RepairOrder.id, RepairOrder.status)):
            assert last_change[order_id] == status, order_id
        # the odometer only goes up, and the vehicle shows its last reading
        readings: dict[int, list[int]] = {}
        for vehicle_id, km in s.execute(select(MileageReading.vehicle_id, MileageReading.km)
                                        .order_by(MileageReading.read_at, MileageReading.id)):
            readings.setdefault(vehicle_id, []).append(km)
        assert readings
        for vehicle_id, kms in readings.items():
            assert kms == sorted(kms) and len(set(kms)) == len(kms)
            assert s.get(Vehicle, vehicle_id).mileage_km == kms[-1]
        repeat = sum(1 for kms in readings.values() if len(kms) > 1)
        assert repeat > len(readings) / 3, "vehicles come back"
        # a few orders are comebacks of the vehicle's previous one
        comebacks = s.execute(select(RepairOrder.vehicle_id, RepairOrder.comeback_of_id)
                              .where(RepairOrder.comeback_of_id.is_not(None))).all()
        for vehicle_id, original in comebacks:
            assert s.get(RepairOrder, original).vehicle_id == vehicle_id


def test_search_finds_plate_phone_and_name_fragments(
        bulk: tuple[Database, BulkSummary]) -> None:
    db, _summary = bulk
    with db.reading() as s:
        advisor = actor_for(s.scalar(select(User).where(User.username == "advisor").options(
            selectinload(User.role).selectinload(Role.permissions))))
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id).offset(123).limit(1)).one()
        hits = search(s, advisor, vehicle.plate[2:6])
        assert vehicle.id in {h.vehicle_id for h in hits} or len(hits) == 20
        hits = search(s, advisor, vehicle.plate)
        assert hits[0].vehicle_id == vehicle.id
        hits = search(s, advisor, vehicle.vin[5:11])
        assert vehicle.id in {h.vehicle_id for h in hits}
        customer_id, number = s.execute(select(CustomerPhone.customer_id, CustomerPhone.number)
                                        .order_by(CustomerPhone.id).offset(77).limit(1)).one()
        hits = search(s, advisor, number[5:11])
        assert customer_id in {h.customer_id for h in hits}


def test_indexes_and_search_objects_are_back(bulk: tuple[Database, BulkSummary],
                                             tmp_path: Path) -> None:
    """The load drops indexes, unique constraints and search triggers; all are back."""
    db, _summary = bulk
    fresh_db = next(_empty_database(db.backend, tmp_path))
    try:
        assert _schema_objects(db) == _schema_objects(fresh_db)
    finally:
        fresh_db.dispose()
        if db.backend == "postgresql":
            drop_pg_database(fresh_db.url.render_as_string(hide_password=False))
    with db.reading() as s:
        if db.backend == "sqlite":
            indexed = s.scalar(text("SELECT count(*) FROM search_trigram"))
            expected = _count(s, Vehicle) + _count(s, Customer) + _count(s, CustomerPhone)
            assert indexed == expected
            assert s.scalar(text("PRAGMA journal_mode")) == "wal"
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []


def _schema_objects(db: Database) -> set[tuple[str, ...]]:
    with db.reading() as s:
        if db.backend == "sqlite":
            rows = s.execute(text(
                "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE "
                "'sqlite_stat%'")).all()
        else:
            rows = s.execute(text(
                "SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = "
                "'public' UNION ALL SELECT 'constraint', conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE connamespace = 'public'::regnamespace")).all()
    return {tuple(r) for r in rows}


def test_demo_users_sign_in(bulk: tuple[Database, BulkSummary]) -> None:
    db, _summary = bulk
    passwords = demo_passwords()
    with db.session() as s:
        for role in (RoleCode.ADVISOR, RoleCode.CASHIER, RoleCode.ADMIN):
            assert authenticate(s, role.value, passwords[role.value]).role == role.value
        s.rollback()


# --- refusals and determinism -------------------------------------------------------------

def test_refuses_a_database_with_users(empty_database: Database) -> None:
    with empty_database.transaction() as s:
        ensure_reference_data(s)
        create_user(s, SYSTEM_ACTOR, username="owner", full_name="店主",
                    password="Quiet-harbour-lantern-27", role="admin")
    with pytest.raises(DomainError):
        generate_bulk_data(empty_database, size="bulk-tiny", seed=1, today=TODAY)


def test_unknown_size_is_refused(tmp_path: Path) -> None:
    db = next(_empty_database("sqlite", tmp_path))
    with pytest.raises(ValidationError):
        generate_bulk_data(db, size="huge", seed=1, today=TODAY)


def _digest(db: Database) -> str:
    """A fingerprint of every table (user password hashes aside: they are salted)."""
    h = hashlib.sha256()
    with db.reading() as s:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.c if c.name != "password_hash"]
            for row in s.execute(select(*columns).order_by(*table.primary_key.columns)):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def test_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    digests = []
    for seed in (5, 5, 6):
        db = next(_empty_database("sqlite", tmp_path))
        generate_bulk_data(db, size="bulk-tiny", seed=seed, today=TODAY)
        digests.append(_digest(db))
        db.dispose()
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_cli_writes_the_bulk_data_set(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from main import main

    path = tmp_path / "cli.sqlite"
    args = ["--db", str(path), "demo-data", "--size", "bulk-tiny", "--seed", "3",
            "--today", TODAY.isoformat()]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "rows/s" in err and "repair orders" in err
    assert main(args) == 2  # a second time: the database has users now
    assert main(["--db", str(path), "verify-documents"]) == 0


def test_writer_fills_required_columns_the_rows_leave_out(tmp_path: Path) -> None:
    """A column added to the schema later gets the model's default in every bulk row."""
    from app.devtools.bulkdata.writer import BulkWriter
    from db.models import Bay

    db = next(_empty_database("sqlite", tmp_path))
    writer = BulkWriter(db)
    writer.open()
    rows = writer.table("bay", ("id", "code", "name"))  # kind and active left out
    rows.append((1, "B01", "1号工位"))
    writer.finish()
    with db.reading() as s:
        bay = s.get(Bay, 1)
        assert (bay.kind, bay.active) == ("general", True)
    with pytest.raises(KeyError):
        BulkWriter(db).table("bay", ("id", "code"))  # name has no default


def test_writer_refuses_an_open_ownership_of_another_customer(
        empty_database: Database) -> None:
    """The load skips the current-owner triggers (db.guards) but checks their rule at the end."""
    from app.devtools.bulkdata.writer import BulkWriter

    writer = BulkWriter(empty_database)
    writer.open()
    ts = writer.time.stored
    customers = writer.table("customer", ("id", "kind", "name", "created_at"))
    customers += [(1, "person", "张伟", ts(0)), (2, "person", "李娜", ts(0))]
    vehicles = writer.table("vehicle", ("id", "plate", "owner_id", "created_at"))
    vehicles += [(1, "粤B12345", 1, ts(0)), (2, "粤B12346", 2, ts(0))]
    owners = writer.table("vehicle_ownership", ("id", "vehicle_id", "customer_id", "since"))
    owners += [(1, 1, 1, ts(0)), (2, 2, 1, ts(0))]  # vehicle 2 belongs to customer 2
    with pytest.raises(RuntimeError, match=r"ck_vehicle_current_owner: vehicles \[2\]"):
        writer.finish()
    writer.close()
