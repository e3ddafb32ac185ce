"""Property tests of the services' money and validation paths, on both databases.

Hostile input (full-width digits, NaN/Infinity, huge numbers, SQL metacharacters, LIKE
wildcards, NUL, mixed scripts, wrong types) goes into the real services. Each call either
succeeds — and then what was stored re-validates, read back from the database — or raises a
``DomainError`` and has written nothing. Anything else (a ``ValueError``, a database error)
fails the test. Each example runs inside a savepoint that is rolled back, so examples do not
see each other. The validators themselves are property-tested in tests/app/validation/ and
the money helpers in tests/app/test_money.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, func, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from app.cashier.ledger import paid_by_payer, shares
from app.cashier.payments import PaymentPart, take_payments
from app.cashier.till import open_till
from app.customers.search import SearchHit, search
from app.customers.service import CustomerData, create_customer
from app.errors import DomainError
from app.money import MAX_AMOUNT, line_amounts
from app.orders.lines import add_charge_line, add_labour_line, add_part_line
from app.orders.totals import price_order
from app.validation.phones import validate_phone
from app.validation.plates import validate_plate
from app.validation.taxids import validate_tax_id
from app.validation.text import normalise_text
from app.validation.vin import validate_vin
from app.vehicles.service import MAX_MILEAGE_KM, VehicleData, check_mileage_value, create_vehicle
from db.models import (
    ChargeLine,
    Customer,
    CustomerPhone,
    LabourLine,
    MileageReading,
    PartLine,
    Payment,
    Vehicle,
)
from tests import builders
from tests.app.cashier.helpers import SPLIT_LINES, settled_invoice
from tests.factories import make_part

PROPERTY = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

_FULLWIDTH = str.maketrans("0123456789.-+", "０１２３４５６７８９．－＋")
_TRICKY = ("\x00\x01\x1b\x7f\u200b\ufeff\u202e\u3000 \t\n%_\\'\";--/*[]^",
           "０１２３４５６７８９ＡＢＯｉ", "粤京沪粵遼學挂警使临·.-", "王李张陈晓明",
           "abcxyzéßﬁ", "+()（）＋－", "Ωжא٣𝟙①²", "😀\U0010ffff")
tricky_text = st.text(alphabet=st.sampled_from("".join(_TRICKY)), max_size=30)
huge_text = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=8),
                      st.integers(min_value=50, max_value=2000))
nasty_text = st.one_of(st.text(max_size=40), tricky_text, huge_text,
                       st.sampled_from(["", " ", "\x00", "%", "_", "%_%", "\\", "' OR 1=1 --",
                                        "'; DROP TABLE customer; --", "a\x00b", "NULL"]))
_SPECIAL_NUMBERS = ["NaN", "nan", "sNaN", "-NaN", "Infinity", "-Infinity", "inf", "1e309",
                    "1E-400", "9" * 40, "0.005", "-0", "+1", " 1 ", "1,000.50", "1_000",
                    "0x1A", "１２３．４５", "¥12.50", "12元", "12.345", "1e3", "--1", "1..2",
                    "10%", "５％", "150%", "-5%", "0.1%", "1e18", "999999999999999999.99"]
decimal_text = st.decimals(allow_nan=True, allow_infinity=True).map(str)
number_text = st.one_of(decimal_text, st.integers().map(str),
                        st.decimals(min_value=0, max_value=10_000, places=2).map(str),
                        decimal_text.map(lambda s: s.translate(_FULLWIDTH)),
                        st.floats().map(repr), st.sampled_from(_SPECIAL_NUMBERS), nasty_text)
number_value = st.one_of(number_text, st.integers(), st.floats(), st.decimals(), st.none(),
                         st.booleans())
# Values that are usually accepted, so the "stored values re-validate" half is exercised.
plausible_amount = st.one_of(st.decimals(min_value=0, max_value=5000, places=2).map(str),
                             st.sampled_from(["1", "0.50", "１２．５", "¥8", "1,200.00"]))
plausible_discount = st.sampled_from(["0", "0.05", "5%", "０．１", "10%", "0.0999", "", "0.1"])


def mostly(valid: st.SearchStrategy, hostile: st.SearchStrategy, *,
           one_in: int = 5) -> st.SearchStrategy:
    """``hostile`` about once in ``one_in`` draws, else ``valid``: every field is hostile on
    its own now and then, and whole calls are accepted often enough to check what they
    stored."""
    return st.integers(0, 2 * one_in - 1).flatmap(
        lambda i: hostile if i in (3, one_in + 3) else valid)


some_text = mostly(st.one_of(st.sampled_from(["更换机油", "拖车费 %_'", "Ｗｉｐｅｒ　ｂｌａｄｅ",
                                              "洗车\x00", "O'Brien; --", "Ωжא٣ 😀"]),
                             tricky_text.filter(lambda t: normalise_text(t) != "")),
                   nasty_text)


@contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """Run one example inside a savepoint that is always rolled back."""
    nested = session.begin_nested()
    try:
        yield
    finally:
        nested.rollback()  # also after a failed flush, which leaves it inactive but open


def _count(session: Session, *models: type) -> tuple[int, ...]:
    return tuple(session.scalar(select(func.count()).select_from(m)) or 0 for m in models)


def attempt(session: Session, models: tuple[type, ...], call: Callable[[], Any]
            ) -> tuple[bool, Any]:
    """Call a service; a refusal must be a DomainError that wrote nothing (not even a flush).

    Returns ``(True, result)`` after flushing and expiring the session (so values are read
    back from the database), or ``(False, error)``.
    """
    before = _count(session, *models)
    try:
        result = call()
    except DomainError as exc:
        event(f"refused: {type(exc).__name__} {getattr(exc, 'field', '')}")
        assert exc.message("zh_CN") and exc.message("en")
        assert _count(session, *models) == before, "a refused call left rows behind"
        return False, exc
    event("accepted")
    session.flush()
    session.expire_all()
    return True, result


def fits_columns(obj: Any) -> None:
    """Every text value of ``obj`` fits its column (SQLite would store an over-long one)."""
    for attr in sa_inspect(obj).mapper.column_attrs:
        kind = attr.columns[0].type
        value = getattr(obj, attr.key)
        if isinstance(kind, String) and kind.length and isinstance(value, str):
            assert len(value) <= kind.length, (attr.key, kind.length, value)
        if isinstance(value, str):
            assert "\x00" not in value, attr.key


def _clean_text(value: str, max_length: int, *, required: bool = True) -> None:
    assert value == normalise_text(value)
    assert len(value) <= max_length
    assert "\x00" not in value
    if required:
        assert value


# --- customers ------------------------------------------------------------------------------

valid_phone = st.sampled_from(["13812345678", "１３８１２３４５６７８", "+86 138 1234 5678",
                               "020-8888 6666", "0086 139 0000 1111", "+852 9123 4567"])
customer_data = st.builds(
    CustomerData,
    name=some_text,
    kind=mostly(st.sampled_from(["person", "company"]), nasty_text),
    phones=st.lists(mostly(valid_phone, st.one_of(nasty_text, st.sampled_from(
        ["138%", "138_", "1381234567'", "１３８"]))), max_size=3),
    tax_id=mostly(st.sampled_from(["", "91440101MA59ABCD1X", " 91440101ma59abcd1x "]),
                  nasty_text),
    address=some_text, email=mostly(st.sampled_from(["", "a@b.cn", "Ｗ@例子.中国"]), nasty_text),
    notes=nasty_text)


@PROPERTY
@given(data=customer_data)
@example(data=CustomerData(name="陈\x00晓明", phones=["１３８１２３４５６７８"], notes="%_'"))
def test_create_customer_stores_only_valid_customers(session, advisor, data) -> None:
    with savepoint(session):
        ok, customer = attempt(session, (Customer, CustomerPhone),
                               lambda: create_customer(session, advisor, data))
        if not ok:
            return
        stored = session.get(Customer, customer.id)
        fits_columns(stored)
        for phone in stored.phones:
            fits_columns(phone)
        _clean_text(stored.name, 200)
        _clean_text(stored.address, 400, required=False)
        _clean_text(stored.notes, 10**6, required=False)
        assert stored.kind in ("person", "company")
        if stored.tax_id:
            assert validate_tax_id(stored.tax_id, country=data.tax_country) == stored.tax_id
        if stored.email:
            assert "@" in stored.email and " " not in stored.email
        numbers = [p.number for p in stored.phones]
        assert len(numbers) == len(set(numbers))
        assert all(validate_phone(n) == n for n in numbers)
        if stored.kind == "person":
            assert numbers


# --- vehicles -------------------------------------------------------------------------------

plate_like = st.builds(lambda p, rest: p + rest, st.sampled_from("粤京沪粵遼使WJ"),
                       st.text(alphabet="ABDFXZ0123456789IO学港·- ｂ%_'", min_size=5,
                               max_size=8))
valid_plate = st.builds(lambda p, city, rest, sep: p + city + sep + rest,
                        st.sampled_from("粤京沪粵遼苏浙"), st.sampled_from("ABCFＢｂ"),
                        st.text(alphabet="0123456789ABCDEFGHJKLMNPQRSTUVWXYZ１２ｂ",
                                min_size=5, max_size=5),
                        st.sampled_from(["", "·", " ", "-"]))
vin_like = st.text(alphabet="0123456789ABCDEFGHJKLMNPRSTUVWXYZIOQ abc-%_", min_size=15,
                   max_size=19)


vehicle_data = st.builds(
    VehicleData,
    plate=mostly(valid_plate, st.one_of(plate_like, nasty_text)),
    vin=mostly(st.sampled_from(["", builders.VALID_VIN, builders.VALID_VIN.lower(),
                                " " + builders.VALID_VIN.translate(_FULLWIDTH)]),
               st.one_of(vin_like, nasty_text)),
    brand=mostly(st.sampled_from(["丰田", "", "Ｂｅｎｚ"]), nasty_text),
    model=mostly(st.sampled_from(["卡罗拉", "", "A-Class %_"]), nasty_text),
    colour=some_text, engine_no=st.one_of(nasty_text, st.just("发" * 50)),
    model_year=mostly(st.one_of(st.none(), st.integers(1950, 2025)), st.integers()),
    notes=nasty_text, allow_special_plate=st.booleans())
mileage = mostly(st.one_of(st.integers(0, 400_000), st.sampled_from(["12,345 km", "１２３４５"])),
                 st.one_of(st.integers(), number_value, st.sampled_from(["፩", "12𐩀"])))


@PROPERTY
@given(data=vehicle_data, km=mileage)
@example(data=VehicleData(plate="粤b·1234５", vin=builders.VALID_VIN.lower()), km="12,345km")
def test_create_vehicle_stores_only_valid_vehicles(session, advisor, data, km) -> None:
    owner = builders.customer(session, advisor)
    with savepoint(session):
        ok, saved = attempt(session, (Vehicle, MileageReading),
                            lambda: create_vehicle(session, advisor, data, owner_id=owner.id,
                                                   mileage_km=km))
        if not ok:
            return
        stored = session.get(Vehicle, saved.vehicle.id)
        fits_columns(stored)
        assert validate_plate(stored.plate, allow_special=data.allow_special_plate) \
            == stored.plate
        if stored.vin is not None:
            assert validate_vin(stored.vin).vin == stored.vin == stored.vin_reversed[::-1]
        assert 0 <= stored.mileage_km <= MAX_MILEAGE_KM
        for name, size in (("brand", 60), ("model", 60), ("colour", 40), ("engine_no", 40)):
            _clean_text(getattr(stored, name), size, required=False)
        assert stored.owner_id == owner.id


@pytest.mark.parametrize("field", ["colour", "engine_no"])
def test_a_colour_longer_than_its_column_is_refused(session, advisor, field) -> None:
    owner = builders.customer(session, advisor)
    with savepoint(session), pytest.raises(DomainError):
        create_vehicle(session, advisor, VehicleData(plate="粤B54321", **{field: "红" * 50}),
                       owner_id=owner.id)
        session.flush()


def test_mileage_with_non_decimal_digits_is_refused() -> None:
    """``check_mileage_value`` must refuse digits that ``int()`` cannot read."""
    for text in ("፩", "𐩀", "12፩"):
        with pytest.raises(DomainError):
            check_mileage_value(text)


# --- order lines ----------------------------------------------------------------------------

@pytest.fixture
def open_order(session, advisor, parts_clerk):
    order = builders.checked_in_order(session, advisor)
    part = make_part(session, parts_clerk, "PROP-1", on_hand=5)
    return order.id, part.id


def _check_line(session: Session, line: Any, advisor: Any) -> None:
    fits_columns(line)
    _clean_text(line.description, 300)
    assert Decimal(0) <= line.discount <= advisor.max_discount
    assert line.payer in ("customer", "insurer", "warranty", "internal")
    assert Decimal(0) <= line.tax_rate <= 1


def _priced_ok(session: Session, order_id: int) -> None:
    from app.orders.queries import load_order

    totals = price_order(session, load_order(session, order_id)).totals
    assert totals.gross == totals.net + totals.tax
    assert all(v.is_finite() for v in (totals.net, totals.tax, totals.gross))


payer = mostly(st.sampled_from(["customer", "insurer", "warranty"]), nasty_text)
discount = mostly(plausible_discount, number_value)
hours_value = mostly(st.one_of(st.decimals(min_value=0, max_value=999, places=2).map(str),
                               st.sampled_from(["１．５", "0.8", " 2 ", "999"])), number_value)


@PROPERTY
@given(description=some_text, hours=hours_value,
       rate=mostly(st.one_of(st.none(), plausible_amount), number_value),
       discount=discount, payer=payer, code=nasty_text)
@example(description="常规保养", hours="１．５", rate="¥180", discount="5%", payer="customer",
         code="mnt-10k")
def test_add_labour_line(session, advisor, open_order, description, hours, rate, discount,
                         payer, code) -> None:
    order_id, _part = open_order
    with savepoint(session):
        ok, line = attempt(session, (LabourLine,), lambda: add_labour_line(
            session, advisor, order_id, description=description, hours=hours,
            hourly_rate=rate, discount=discount, payer=payer, operation_code=code))
        if not ok:
            return
        stored = session.get(LabourLine, line.id)
        _check_line(session, stored, advisor)
        assert Decimal(0) <= stored.hours <= 999 and stored.hours == stored.hours.quantize(
            Decimal("0.01"))
        assert Decimal(0) <= stored.hourly_rate <= MAX_AMOUNT
        assert len(stored.operation_code) <= 30
        _priced_ok(session, order_id)


@PROPERTY
@given(quantity=mostly(st.sampled_from(["1", "２", "0.5", "4", "1.250"]), number_value),
       price=mostly(st.one_of(st.none(), plausible_amount), number_value),
       discount=discount, payer=payer, description=st.one_of(st.none(), some_text))
@example(quantity="２", price=None, discount="0.1", payer="customer", description=None)
def test_add_part_line(session, advisor, open_order, quantity, price, discount, payer,
                       description) -> None:
    order_id, part_id = open_order
    with savepoint(session):
        ok, line = attempt(session, (PartLine,), lambda: add_part_line(
            session, advisor, order_id, part_id=part_id, quantity=quantity, unit_price=price,
            discount=discount, payer=payer, description=description).line)
        if not ok:
            return
        stored = session.get(PartLine, line.id)
        _check_line(session, stored, advisor)
        assert Decimal(0) < stored.quantity <= 1_000_000
        assert Decimal(0) <= stored.unit_price <= MAX_AMOUNT
        assert stored.issued_qty == 0
        _priced_ok(session, order_id)


@PROPERTY
@given(amount=mostly(plausible_amount, number_value), discount=discount,
       description=some_text, payer=payer)
@example(amount="1,200.00", discount="10%", description="拖车费 %_'", payer="insurer")
def test_add_charge_line(session, advisor, open_order, amount, discount, description,
                         payer) -> None:
    order_id, _part = open_order
    with savepoint(session):
        ok, line = attempt(session, (ChargeLine,), lambda: add_charge_line(
            session, advisor, order_id, description=description, amount=amount,
            discount=discount, payer=payer))
        if not ok:
            return
        stored = session.get(ChargeLine, line.id)
        _check_line(session, stored, advisor)
        assert Decimal(0) <= stored.amount <= MAX_AMOUNT
        amounts = line_amounts(Decimal(1), stored.amount, stored.discount, stored.tax_rate,
                               prices_include_tax=False)
        assert amounts.gross == amounts.net + amounts.tax
        _priced_ok(session, order_id)


# --- payments -------------------------------------------------------------------------------

@pytest.fixture
def invoice_and_till(session, cashier, advisor):
    invoice = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    till = open_till(session, cashier, terminal="PROP-POS", opening_float="100")
    session.commit()
    return invoice.id, till.id


small_amount = st.one_of(st.decimals(min_value=0, max_value=150, places=2).map(str),
                         st.sampled_from(["１００", "¥50", "0.01", "290", "1,000.00"]))
payment_part = st.builds(
    PaymentPart,
    method=mostly(st.sampled_from(["cash", "card", "wechat_pay", "account"]), nasty_text,
                  one_in=12),
    amount=mostly(small_amount, number_value, one_in=8),
    payer=mostly(st.sampled_from(["customer", "insurer"]), nasty_text, one_in=12),
    reference=mostly(st.sampled_from(["", "微信 4200001234", "%_'"]), nasty_text, one_in=12),
    tendered=mostly(st.sampled_from([None, None, None, "", "500", "１０００"]), number_value,
                    one_in=12))


@PROPERTY
@given(parts=mostly(st.lists(payment_part, min_size=1, max_size=2),
                    st.lists(payment_part, max_size=4)),
       key=mostly(st.text(alphabet="abcXYZ019-_.", min_size=1, max_size=56), nasty_text),
       use_till=mostly(st.just(True), st.just(False)))
@example(parts=[PaymentPart("cash", "１００", tendered="200"), PaymentPart("card", "190.00")],
         key="pay-1", use_till=True)
@example(parts=[PaymentPart("account", "2000.00", payer="insurer")], key="ins-1",
         use_till=False)
def test_take_payments(session, cashier, invoice_and_till, parts, key, use_till) -> None:
    invoice_id, till_id = invoice_and_till
    with savepoint(session):
        ok, payments = attempt(session, (Payment,), lambda: take_payments(
            session, cashier, invoice_id, parts, idempotency_key=key,
            till_session_id=till_id if use_till else None))
        if not ok:
            return
        assert len(payments) == len(parts)
        from app.cashier.ledger import get_invoice

        invoice = get_invoice(session, invoice_id)
        paid = paid_by_payer(session, invoice_id)
        for who, share in shares(invoice).items():
            assert Decimal(0) <= paid[who] <= share
        for p in session.scalars(select(Payment).where(Payment.invoice_id == invoice_id)):
            assert Decimal("0.01") <= p.amount <= MAX_AMOUNT
            assert p.amount == p.amount.quantize(Decimal("0.01"))
            assert p.tendered is None or (p.method == "cash" and p.tendered >= p.amount)
            assert p.method != "cash" or p.till_session_id == till_id
            assert len(p.reference) <= 80
            fits_columns(p)


# --- search ---------------------------------------------------------------------------------

_LAST_CODE_POINT = "\U0010ffff"  # prefix_range must not step past the last code point


def test_search_for_the_last_code_point(session, advisor) -> None:
    assert search(session, advisor, "粤B1" + _LAST_CODE_POINT) == []

@pytest.fixture
def searchable(session, advisor):
    for i, (name, phone) in enumerate([("陈晓明", "13812345678"), ("王芳", "13900001111"),
                                       ("Li_Na%", "18600002222")]):
        builders.vehicle(session, advisor, builders.customer(session, advisor, name, phone),
                         plate=f"粤B{i}2345", vin=builders.VALID_VIN if i == 0 else "")


@PROPERTY
@given(query=st.one_of(nasty_text, st.sampled_from(
    ["粤B", "ｂ12345", "%", "_", "%%%", "Li_", "1381234", "5678", "晓明", "LVGBE", "' OR ''='",
     "\x00\x00", "粵b·0", "粤B1\U0010ffff"])))
def test_search_never_crashes(session, advisor, searchable, query) -> None:
    with savepoint(session):
        ok, hits = attempt(session, (Customer, Vehicle), lambda: search(session, advisor,
                                                                        query))
        if ok:
            assert len(hits) <= 20 and all(isinstance(h, SearchHit) for h in hits)
            if query in ("%", "_", "%%%"):
                assert hits == []  # wildcards are matched literally, not as "anything"
