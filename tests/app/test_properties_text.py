"""Property tests: every free-text and amount field of the services, fed arbitrary Unicode.

Each field gets text from the whole of Unicode (surrogates aside: a Python ``str`` from a
form never holds one), runs of control, format and bidi characters, NUL, line and paragraph
separators, noncharacters, LIKE and SQL metacharacters and very long strings. On both
databases a call either stores something clean — read back, every text column of what it
wrote holds no NUL, no control character but a line break, no format or bidi character but
the zero-width joiners, and fits its column — or raises a ``DomainError`` that wrote nothing.
Anything else (a database error, a ``ValueError``) fails. Examples stay few: the point is the
breadth of each input, the validators' own properties are tested in tests/app/validation/.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, select
from sqlalchemy import inspect as sa_inspect

from app.appointments.service import AppointmentData, book, cancel
from app.cashier.invoicing import issue_credit_note
from app.cashier.payments import PaymentPart, take_payments
from app.cashier.till import open_till
from app.clock import pinned
from app.customers.service import CustomerData, create_customer, update_customer
from app.errors import DomainError
from app.orders.checkin import CheckInData, open_order
from app.orders.lines import add_charge_line, add_labour_line
from app.orders.progress import cancel_order
from app.orders.queries import order_version
from app.parts.catalogue import create_part
from app.parts.stock import adjust_stock, receive_stock
from app.security.users import create_user
from app.shop import get_profile, save_profile
from app.store_guard import GENERIC_LABEL
from app.vehicles.service import VehicleData, create_vehicle, record_mileage
from db.models import (
    Appointment,
    AuditEntry,
    ChargeLine,
    Customer,
    CustomerPhone,
    Invoice,
    LabourLine,
    MileageReading,
    Part,
    Payment,
    RepairOrder,
    StockMovement,
    TillSession,
    User,
    Vehicle,
)
from tests import builders
from tests.app.cashier.helpers import settled_invoice
from tests.app.test_properties_services import attempt as _attempt
from tests.app.test_properties_services import savepoint as _savepoint
from tests.factories import TEST_PASSWORD, make_part

TEXT_PROPERTY = settings(max_examples=15, deadline=None, database=None,
                         suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                HealthCheck.too_slow])

_INVISIBLE = ("\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x1f\x7f\x85\x9f\u00ad\u061c\u180e\u200b"
              "\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2060"
              "\u2066\u2067\u2068\u2069\ufeff\ufff9\U000e0001\u3000")
_EDGES = "\ud7ff\ue000\ufdd0\ufffe\uffff\U0001f600\U0010ffff\ufdfa%_\\'\";--"
_WORDS = "王陈李晓明 ，。（）Ａｂ１２."
any_char = st.characters()  # every code point but the surrogates
wild_text = st.one_of(
    st.text(any_char, max_size=50),
    st.text(st.sampled_from(_INVISIBLE + _EDGES + _WORDS), max_size=40),
    st.builds(lambda s, n: s * n, st.text(any_char, min_size=1, max_size=4),
              st.integers(min_value=30, max_value=1200)),
    st.builds(lambda a, b: f"{a}{b}", st.text(st.sampled_from(_WORDS), min_size=1, max_size=6),
              st.text(st.sampled_from(_INVISIBLE), max_size=6)),
)
wild_amount = st.one_of(
    wild_text,
    st.decimals(min_value=0, max_value=100_000, places=2).map(lambda d: f"{d:,.2f}"),
    st.decimals(min_value=0, max_value=500, places=2).map(
        lambda d: str(d).translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))),
    st.sampled_from(["12,50", "1,2,3", "¥1,234.50", "RMB 12.50", "1 234.50", "12.50\x00",
                     "\u202e12.50", "１，２３４．５０", "1.234,50"]),
)


@contextmanager
def savepoint(session) -> Iterator[None]:
    """``test_properties_services.savepoint``, then nothing of the example stays in the
    identity map (SQLite hands a rolled-back id out again: a row read back in one example
    must not stand for a new row in the next)."""
    with _savepoint(session):
        yield
    session.expunge_all()


def attempt(session, models: tuple[type, ...], call: Any) -> tuple[bool, Any]:
    """``test_properties_services.attempt``, and a refusal must come from the service's own
    validation: the flush guard's generic refusal means a service forgot to clean a field."""
    ok, result = _attempt(session, models, call)
    if not ok:
        assert getattr(result, "label", None) != GENERIC_LABEL, result.params
    return ok, result


def usually(valid: object, hostile: st.SearchStrategy = wild_text) -> st.SearchStrategy:
    """``valid`` two times in three, so the fields after it are exercised too."""
    return st.one_of(st.just(valid), st.just(valid), hostile)


def assert_clean(obj: Any) -> None:
    """Every text column of ``obj`` (read back from the database) is clean and fits."""
    for attr in sa_inspect(obj).mapper.column_attrs:
        kind = attr.columns[0].type
        value = getattr(obj, attr.key)
        if not isinstance(kind, String) or not isinstance(value, str):
            continue
        if kind.length:
            assert len(value) <= kind.length, (attr.key, kind.length, len(value))
        for char in value:
            category = unicodedata.category(char)
            assert char == "\n" or category not in ("Cc", "Cs"), (attr.key, hex(ord(char)))
            assert category != "Cf" or char in "\u200c\u200d", (attr.key, hex(ord(char)))


def _stored(session, model: type, ident: int) -> Any:
    obj = session.get(model, ident)
    assert obj is not None
    assert_clean(obj)
    return obj


def _audit_clean(session) -> None:
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(3)):
        assert_clean(entry)


# --- customers and vehicles ----------------------------------------------------------------

@TEXT_PROPERTY
@given(name=wild_text, address=wild_text, email=wild_text, notes=wild_text, tax_id=wild_text,
       phone=st.one_of(st.just("13812345678"), wild_text), new_name=wild_text,
       new_address=wild_text)
def test_customer_fields(session, advisor, name, address, email, notes, tax_id, phone,
                         new_name, new_address) -> None:
    with savepoint(session):
        data = CustomerData(name=name, kind="company", phones=[phone], tax_id=tax_id,
                            address=address, email=email, notes=notes)
        ok, customer = attempt(session, (Customer, CustomerPhone),
                               lambda: create_customer(session, advisor, data))
        if not ok:
            data = CustomerData(name="陈晓明", phones=["13812345678"], notes=notes)
            customer = create_customer(session, advisor, data)
            session.flush()
        stored = _stored(session, Customer, customer.id)
        for number in stored.phones:
            assert_clean(number)
        changed = CustomerData(**{**data.__dict__, "name": new_name, "address": new_address})
        ok, _ = attempt(session, (AuditEntry,), lambda: update_customer(
            session, advisor, stored.id, changed, expected_version=stored.version))
        if ok:
            _stored(session, Customer, stored.id)
            _audit_clean(session)


@TEXT_PROPERTY
@given(brand=wild_text, model=wild_text, series=wild_text, colour=wild_text,
       engine_no=wild_text, notes=wild_text, plate=usually("粤B54321"), vin=usually(""),
       reason=wild_text)
def test_vehicle_fields_and_a_lower_mileage_reason(session, advisor, brand, model, series,
                                                   colour, engine_no, notes, plate, vin,
                                                   reason) -> None:
    owner = builders.customer(session, advisor)
    with savepoint(session):
        ok, saved = attempt(session, (Vehicle,), lambda: create_vehicle(
            session, advisor, VehicleData(plate=plate, vin=vin, brand=brand, model=model,
                                          series=series, colour=colour, engine_no=engine_no,
                                          notes=notes), owner_id=owner.id, mileage_km=5000))
        if not ok:
            saved = create_vehicle(session, advisor, VehicleData(
                plate="粤B54321", brand=brand[:1], notes=notes[:3]), owner_id=owner.id,
                mileage_km=5000)
            session.flush()
        vehicle = _stored(session, Vehicle, saved.vehicle.id)
        ok, _ = attempt(session, (MileageReading,), lambda: record_mileage(
            session, advisor, vehicle, 100, lower_reason=reason))
        if ok:
            for reading in session.scalars(select(MileageReading).where(
                    MileageReading.vehicle_id == vehicle.id)):
                assert_clean(reading)
            _audit_clean(session)


# --- appointments and check-in -------------------------------------------------------------

SH = ZoneInfo("Asia/Shanghai")


@TEXT_PROPERTY
@given(requested=wild_text, notes=wild_text, reason=wild_text)
def test_appointment_fields(session, advisor, requested, notes, reason) -> None:
    customer = builders.customer(session, advisor)
    with pinned(datetime(2025, 3, 10, 10, 0, tzinfo=SH)), savepoint(session):
        ok, booking = attempt(session, (Appointment,), lambda: book(session, advisor,
            AppointmentData(customer_id=customer.id, vehicle_id=None, advisor_id=None,
                            starts_at=datetime(2025, 3, 11, 10, 0, tzinfo=SH),
                            requested_work=requested, notes=notes)))
        if not ok:
            return
        stored = _stored(session, Appointment, booking.id)
        ok, _ = attempt(session, (AuditEntry,), lambda: cancel(
            session, advisor, stored.id, reason=reason, expected_version=stored.version))
        if ok:
            _stored(session, Appointment, stored.id)


@TEXT_PROPERTY
@given(damage=wild_text, valuables=wild_text, lights=wild_text, complaint=wild_text,
       diagnosis=wild_text, reason=wild_text)
def test_check_in_fields_and_a_cancel_reason(session, advisor, damage, valuables, lights,
                                             complaint, diagnosis, reason) -> None:
    vehicle = builders.vehicle(session, advisor)
    with savepoint(session):
        ok, order = attempt(session, (RepairOrder,), lambda: open_order(
            session, advisor, vehicle.id, CheckInData(
                mileage_in=vehicle.mileage_km + 10, damage_notes=damage, valuables=valuables,
                warning_lights=lights, customer_description=complaint, diagnosis=diagnosis)))
        if not ok:
            return
        stored = _stored(session, RepairOrder, order.id)
        ok, _ = attempt(session, (AuditEntry,), lambda: cancel_order(
            session, advisor, stored.id, reason=reason,
            expected_version=order_version(session, stored.id)))
        if ok:
            stored = _stored(session, RepairOrder, stored.id)
            assert stored.status_changes
            for change in stored.status_changes:
                assert_clean(change)


# --- order lines ---------------------------------------------------------------------------

@TEXT_PROPERTY
@given(description=wild_text, amount=wild_amount, code=wild_text, rate=wild_amount,
       hours=wild_amount)
def test_order_line_fields(session, advisor, description, amount, code, rate,
                           hours) -> None:
    order = builders.checked_in_order(session, advisor)
    with savepoint(session):
        ok, line = attempt(session, (ChargeLine,), lambda: add_charge_line(
            session, advisor, order.id, description=description, amount=amount))
        if ok:
            stored = _stored(session, ChargeLine, line.id)
            assert Decimal(0) <= stored.amount
        ok, line = attempt(session, (LabourLine,), lambda: add_labour_line(
            session, advisor, order.id, description=description, hours=hours,
            hourly_rate=rate, operation_code=code))
        if ok:
            _stored(session, LabourLine, line.id)


# --- the cashier ---------------------------------------------------------------------------

@pytest.fixture
def open_invoice(session, cashier, advisor):
    invoice = settled_invoice(session, cashier, advisor)
    return invoice.id


@TEXT_PROPERTY
@given(reference=wild_text, amount=usually("10.00", wild_amount), terminal=wild_text,
       opening=wild_amount, reason=wild_text)
def test_cashier_fields(session, cashier, manager, open_invoice, reference, amount, terminal,
                        opening, reason) -> None:
    with savepoint(session):
        ok, till = attempt(session, (TillSession,), lambda: open_till(
            session, cashier, terminal=terminal, opening_float=opening))
        assert ok or isinstance(till, DomainError)  # refused with a message, or stored clean
        if ok:
            _stored(session, TillSession, till.id)
        ok, paid = attempt(session, (Payment,), lambda: take_payments(
            session, cashier, open_invoice, [PaymentPart("card", amount, reference=reference)],
            idempotency_key="prop-text-1"))
        assert ok or isinstance(paid, DomainError)
        if ok:
            for payment in paid:
                assert "\x00" not in _stored(session, Payment, payment.id).reference
        ok, note = attempt(session, (Invoice,), lambda: issue_credit_note(
            session, manager, open_invoice, reason=reason))
        assert ok or isinstance(note, DomainError)
        if ok:
            _stored(session, Invoice, note.id)
            _audit_clean(session)


# --- parts ---------------------------------------------------------------------------------

@TEXT_PROPERTY
@given(part_no=usually("PROP-TXT-1"), name=wild_text, unit=wild_text, brand=wild_text,
       bin_code=wild_text, supplier=wild_text, price=wild_amount, reference=wild_text,
       reason=wild_text, quantity=usually("2", wild_amount))
def test_parts_fields(session, parts_clerk, manager, part_no, name, unit, brand, bin_code,
                      supplier, price, reference, reason, quantity) -> None:
    with savepoint(session):
        ok, part = attempt(session, (Part,), lambda: create_part(
            session, parts_clerk, part_no=part_no, name=name, sale_price=price,
            cost_price=price, unit=unit, bin_code=bin_code, supplier_name=supplier,
            brand=brand))
        if ok:
            stored = _stored(session, Part, part.id)
            for related in (stored.bin, stored.supplier):
                if related is not None:
                    assert_clean(related)
        else:
            part = make_part(session, parts_clerk, "PROP-TXT", on_hand=2)
        ok, movement = attempt(session, (StockMovement,), lambda: receive_stock(
            session, manager, part.id, quantity, unit_cost=price, reference=reference))
        if ok:
            _stored(session, StockMovement, movement.id)
        ok, movement = attempt(session, (StockMovement,), lambda: adjust_stock(
            session, manager, part.id, "1", reason=reason))
        if ok and movement is not None:
            _stored(session, StockMovement, movement.id)


# --- users and the shop profile ------------------------------------------------------------

@TEXT_PROPERTY
@given(full_name=wild_text, shop_name=wild_text, address=wild_text, footer=wild_text,
       terms=wild_text, phone=wild_text)
def test_user_and_shop_fields(session, actors, full_name, shop_name, address, footer, terms,
                              phone) -> None:
    admin = actors["admin"]
    with savepoint(session):
        ok, user = attempt(session, (User,), lambda: create_user(
            session, admin, username="prop.text", full_name=full_name, password=TEST_PASSWORD,
            role="advisor"))
        if ok:
            _stored(session, User, user.id)
        ok, _ = attempt(session, (AuditEntry,), lambda: save_profile(
            session, admin, name=shop_name, address=address, document_footer=footer,
            job_card_terms=terms, phone=phone))
        if ok:
            session.expire_all()
            assert_clean(get_profile(session))


def test_assert_clean_catches_what_it_should() -> None:
    """The checker itself fails on a dirty value (an honest property needs an honest check)."""
    customer = Customer(name="a\u202eb", created_at=datetime.now(SH) - timedelta(days=1))
    with pytest.raises(AssertionError):
        assert_clean(customer)
    customer.name = "x" * 201
    with pytest.raises(AssertionError):
        assert_clean(customer)
    customer.name = "王\u200d芳"
    assert_clean(customer)
