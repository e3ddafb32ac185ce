"""The pieces of the bulk generator that need no database: identifiers valid for the app's
validators, the canonical bytes of the fiscal chain, the calendar, the catalogue and plan."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from app.cashier.chain import canonical_invoice, canonical_payment
from app.devtools.bulkdata import calendar
from app.devtools.bulkdata.canonical import fixed, invoice_bytes, invoice_line_doc, line_texts
from app.devtools.bulkdata.canonical import payment_bytes as bulk_payment_bytes
from app.devtools.bulkdata.catalogue import build_catalogue
from app.devtools.bulkdata.fleet import PlateFactory, VinFactory, model_year_code
from app.devtools.bulkdata.orders import Amounts, Line
from app.devtools.bulkdata.people import PhoneBook, company_tax_id, digits_reversed, person_name
from app.devtools.bulkdata.plan import make_plan
from app.devtools.bulkdata.sizes import SIZES
from app.devtools.bulkdata.vocabulary import (
    CITIES,
    JOBS,
    MAKE_WEIGHTS_GROUP,
    MODEL_POPULARITY,
    MODELS,
    PART_KINDS,
    PLATES_GROUP,
    PLATES_STORE,
    SURNAMES_GUANGDONG,
    SURNAMES_NATIONAL,
)
from app.money import ROUNDING_RULE, line_amounts
from app.validation.phones import digits_reversed as app_digits_reversed
from app.validation.phones import validate_phone
from app.validation.plates import validate_plate
from app.validation.taxids import validate_tax_id
from app.validation.vin import validate_vin
from db.models import Invoice, InvoiceLine, Payment


def test_vins_are_valid_chinese_vins_for_every_model_and_year() -> None:
    rng = random.Random(1)
    vins = VinFactory()
    seen = set()
    for model in MODELS:
        assert model.wmi.startswith("L")
        for year in range(model.first_year, 2028):
            vin = vins.make(rng, model, year)
            check = validate_vin(vin)
            assert check.vin == vin and check.warnings == ()
            assert vin[9] == model_year_code(year)
            seen.add(vin)
    assert len(seen) == sum(2028 - m.first_year for m in MODELS)
    assert model_year_code(2010) == "A" and model_year_code(2026) == "T"


@pytest.mark.parametrize("energy", ["ice", "hev", "phev", "ev"])
def test_plates_are_valid_and_distinct(energy: str) -> None:
    rng = random.Random(2)
    plates = PlateFactory()
    made = [plates.make(rng, region, energy)
            for region, _w in (*PLATES_STORE, *PLATES_GROUP) for _ in range(20)]
    assert len(set(made)) == len(made)
    for plate in made:
        assert validate_plate(plate) == plate
        assert len(plate) == (8 if energy in ("ev", "phev") else 7)


def test_phones_and_tax_ids_pass_the_validators() -> None:
    rng = random.Random(3)
    book = PhoneBook()
    numbers = [book.mobile(rng) for _ in range(3000)]
    numbers += [book.landline(rng, city) for city in CITIES.values() for _ in range(50)]
    assert len(set(numbers)) == len(numbers)
    for number in numbers:
        assert validate_phone(number) == number
        assert digits_reversed(number) == app_digits_reversed(number)
    prefixes = {n[3:6] for n in numbers if len(n) == 14}
    assert {"138", "159", "186", "199"} <= prefixes
    for _ in range(300):
        tax_id = company_tax_id(rng, "440106")
        assert validate_tax_id(tax_id) == tax_id


def test_names_follow_the_surname_lists() -> None:
    rng = random.Random(4)
    surnames = {s for s, _w in (*SURNAMES_GUANGDONG, *SURNAMES_NATIONAL)}
    names = [person_name(rng) for _ in range(5000)]
    for name in names:
        assert 2 <= len(name) <= 4
        assert name[:1] in surnames or name[:2] in surnames
    top = max({n[0] for n in names}, key=lambda c: sum(n[0] == c for n in names))
    assert top == "陈"  # the most frequent surname in Guangdong


def test_vocabulary_is_consistent() -> None:
    assert len(MODEL_POPULARITY) == len(MODELS)
    kinds = {k.key for k in PART_KINDS}
    for job in JOBS:
        assert job.hours > 0 and job.rate in ("STD", "BODY")
        assert {kind for kind, _q, _p in job.parts} <= kinds
    assert set(MAKE_WEIGHTS_GROUP) == {m.make for m in MODELS}


def test_catalogue_has_unique_part_numbers_and_sane_prices() -> None:
    cat = build_catalogue(9, dict(MAKE_WEIGHTS_GROUP), 3000)
    assert len(cat.parts) == 3000
    numbers = [p.part_no for p in cat.parts]
    assert len(set(numbers)) == len(numbers)
    for part in cat.parts:
        assert 0 < part.cost_price < part.sale_price
        assert part.min_qty <= part.max_qty and len(part.part_no) <= 40
    rng = random.Random(5)
    kinds = {k.key: k for k in PART_KINDS}
    assert cat.find(rng, 0, MODELS[0], kinds["oil_filter"]) is not None
    assert cat.find(rng, 0, MODELS[0], kinds["tyre"]) is not None


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from([2, 3, 4]))
def test_fixed_formats_like_the_chain(value: int, places: int) -> None:
    number = Decimal(value).scaleb(-places).quantize(Decimal(1).scaleb(-places))
    if number.is_zero():
        number = number.copy_abs()
    assert fixed(value, places) == format(number, "f")


def test_canonical_bytes_match_the_chain_module() -> None:
    """The bulk serialisation of an invoice and a payment is byte-identical to the app's."""
    issued = datetime(2026, 3, 4, 2, 5, 6, tzinfo=UTC)
    text = calendar.TimeText("postgresql").canonical(int(issued.timestamp()))
    rows = [(1, "labour", "BY10", "常规保养 \"机油\"", 1000, 18000, 1000, "customer", 1300),
            (2, "part", "90915-YZZE1", "机油滤清器", 2000, 6800, 0, "insurer", 1300),
            (3, "charge", "", "环保处理费", 1000, 2000, 0, "customer", 1700)]
    amounts = Amounts(prices_include_tax=True)
    lines, docs = [], []
    for position, kind, code, text_, qty, price, disc, payer, rate in rows:
        line = Line(kind, code, text_, qty, price, disc, payer, rate)
        amounts(line)
        for sign in (1, -1):
            assert line_texts(sign * line.qty, price, disc, rate, sign * line.net,
                              sign * line.tax, sign * line.gross) == amounts.texts(line, sign)
        lines.append(InvoiceLine(
            position=position, line_type=kind, code=code, description=text_,
            quantity=Decimal(qty).scaleb(-3), unit_price=Decimal(price).scaleb(-2),
            discount=Decimal(disc).scaleb(-4), payer=payer, tax_rate=Decimal(rate).scaleb(-4),
            net=Decimal(line.net).scaleb(-2), tax=Decimal(line.tax).scaleb(-2),
            gross=Decimal(line.gross).scaleb(-2)))
        docs.append(invoice_line_doc(position, kind, code, text_, payer,
                                     amounts.texts(line, 1)))
    net, tax, gross = (sum(getattr(x, f) for x in lines) for f in ("net", "tax", "gross"))
    invoice = Invoice(chain_seq=7, prev_hash="ab" * 32, number="INV000007", kind="invoice",
                      repair_order_id=3, customer_id=4, issued_at=issued, issued_by_id=2,
                      currency="CNY", prices_include_tax=True, rounding_rule=ROUNDING_RULE,
                      net_total=net, tax_total=tax, gross_total=gross,
                      customer_share=lines[0].gross + lines[2].gross,
                      insurer_share=lines[1].gross, warranty_share=Decimal("0.00"),
                      internal_share=Decimal("0.00"), original_invoice_id=None, reason="",
                      lines=lines, canonical_version=1)
    ours = invoice_bytes(
        chain_seq=7, prev_hash="ab" * 32, number="INV000007", kind="invoice",
        repair_order_id=3, customer_id=4, issued_at=text, issued_by_id=2, currency="CNY",
        prices_include_tax=True, rounding_rule=ROUNDING_RULE, net_total=int(net * 100),
        tax_total=int(tax * 100), gross_total=int(gross * 100),
        customer_share=int((lines[0].gross + lines[2].gross) * 100),
        insurer_share=int(lines[1].gross * 100), warranty_share=0, internal_share=0,
        original_invoice_id=None, reason="", lines=docs)
    assert ours == canonical_invoice(invoice)
    payment = Payment(chain_seq=8, prev_hash="cd" * 32, number="RC000001", invoice_id=5,
                      method="cash", payer="customer", amount=Decimal("-12.30"),
                      tendered=Decimal("100.00"), reference="", idempotency_key="k:0",
                      till_session_id=None, received_at=issued, received_by_id=2,
                      canonical_version=1)
    assert bulk_payment_bytes(
        chain_seq=8, prev_hash="cd" * 32, number="RC000001", invoice_id=5, method="cash",
        payer="customer", amount=-1230, tendered=10000, reference="", idempotency_key="k:0",
        till_session_id=None, received_at=text, received_by_id=2) == canonical_payment(payment)


def test_amounts_are_the_apps_line_amounts() -> None:
    amounts = Amounts(prices_include_tax=True)
    rng = random.Random(6)
    for _ in range(2000):
        line = Line("part", "", "", rng.randrange(1, 20) * 500, rng.randrange(1, 500_000),
                    rng.choice((0, 500, 1000, 1500)), "customer", rng.choice((1300, 1600, 1700)))
        amounts(line)
        a = line_amounts(Decimal(line.qty).scaleb(-3), Decimal(line.price).scaleb(-2),
                         Decimal(line.disc).scaleb(-4), Decimal(line.rate).scaleb(-4),
                         prices_include_tax=True)
        assert (line.net, line.tax, line.gross) == (a.net * 100, a.tax * 100, a.gross * 100)
        assert line.net + line.tax == line.gross


def test_stored_times_are_what_the_column_types_write() -> None:
    moment = datetime(2025, 1, 28, 23, 59, 7, tzinfo=UTC)
    seconds = int(moment.timestamp())
    naive = moment.replace(tzinfo=None)
    bind = sqlite.DATETIME().bind_processor(sqlite.dialect())
    assert calendar.TimeText("sqlite").stored(seconds) == bind(naive)
    assert datetime.fromisoformat(calendar.TimeText("postgresql").stored(seconds)) == moment
    assert calendar.TimeText("sqlite").date(calendar.day_number(date(2024, 2, 29))) == \
        "2024-02-29"
    # local China time: 08:30 on a day is 00:30 UTC
    local = calendar.local_seconds(calendar.day_number(date(2026, 11, 24)), 8 * 60 + 30)
    assert datetime.fromtimestamp(local, UTC) == datetime(2026, 11, 24, 0, 30, tzinfo=UTC)


def test_seasonal_load_peaks_before_the_spring_festival() -> None:
    start, end = date(2016, 11, 24), date(2026, 11, 24)
    counts = calendar.daily_counts(300_000, start, end)
    assert sum(counts) == 300_000
    by_day = {calendar.date_of(calendar.day_number(start) + i): n for i, n in enumerate(counts)}
    festival = calendar.SPRING_FESTIVAL[2025]
    before = sum(by_day[calendar.date_of(calendar.day_number(festival) - d)] for d in range(5, 15))
    holiday = sum(by_day[calendar.date_of(calendar.day_number(festival) + d)] for d in range(5))
    march = sum(by_day[date(2025, 3, d)] for d in range(3, 13))
    assert before > march * 1.3 > holiday * 10
    national_day_eve = sum(by_day[date(2024, 9, d)] for d in range(20, 30))
    assert national_day_eve > sum(by_day[date(2024, 10, d)] for d in range(1, 8))
    assert sum(by_day[date(2025, 6, d)] for d in range(1, 31)) > \
        sum(by_day[date(2017, 6, d)] for d in range(1, 31)), "the store grows"


def test_plan_is_deterministic_and_exact() -> None:
    size = SIZES["bulk-tiny"]
    a = make_plan(size, 3, date(2026, 11, 24))
    b = make_plan(size, 3, date(2026, 11, 24))
    assert a.visits == b.visits and a.owner == b.owner
    assert len(a.visits) == size.orders and len(a.customer_day) == size.customers
    assert sum(a.is_open) == size.open_orders
    times = [a.visit(i)[0] for i in range(len(a.visits))]
    assert times == sorted(times) and times[-1] < a.now
    assert make_plan(size, 4, date(2026, 11, 24)).visits != a.visits
