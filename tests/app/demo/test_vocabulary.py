"""The demo's building blocks: VINs, plates, tax ids, phones and the calendar are valid."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import uscc

from app.demo import calendar, fleet, people
from app.demo.catalogue import JOBS, build_parts, part_key
from app.validation.phones import validate_phone
from app.validation.plates import validate_plate
from app.validation.vin import validate_vin, vin_check_digit

seeds = st.integers(min_value=0, max_value=2**32)


@settings(max_examples=200)
@given(seeds)
def test_generated_vins_pass_the_check_digit(seed: int) -> None:
    rng = random.Random(seed)
    model = fleet.pick_model(rng)
    year = rng.randint(2012, 2030)
    vin = fleet.make_vin(rng, model, year)
    assert validate_vin(vin).vin == vin
    assert vin[8] == vin_check_digit(vin)
    assert vin.startswith(model.wmi) and vin[9] == fleet.model_year_code(year)


@settings(max_examples=200)
@given(seeds, st.sampled_from(["ice", "phev", "ev"]))
def test_generated_plates_are_valid(seed: int, energy: str) -> None:
    plate = fleet.make_plate(random.Random(seed), energy)
    assert validate_plate(plate) == plate
    if energy != "ice" and plate.startswith("粤"):
        assert len(plate) == 8 and plate[2] == ("D" if energy == "ev" else "F")


@settings(max_examples=200)
@given(seeds)
def test_company_tax_ids_and_phones_are_valid(seed: int) -> None:
    rng = random.Random(seed)
    code = people.company_tax_id(rng)
    assert uscc.is_valid(code) and code.startswith("91440106")
    assert people.org_code(code[8:16]) == code[8:17]
    assert validate_phone(people.mobile(rng)).startswith("+861")
    assert validate_phone(people.landline(rng)).startswith("+8620")


def test_org_code_check_matches_real_registrations() -> None:
    # Positions 9–17 of two real Shenzhen companies' codes (GB 11714 check character last).
    for code in ("914403001922038216", "9144030071526726XG"):
        assert uscc.is_valid(code)
        assert people.org_code(code[8:16]) == code[8:17]


def test_every_job_part_exists_for_every_model() -> None:
    keys = {p.key for p in build_parts()}
    for model, _weight in fleet.MODELS:
        for job in JOBS:
            if model.energy in job.energies.split():
                for kind, _quantity in job.parts:
                    assert part_key(kind, model) in keys, (model.name, job.code, kind)


def test_catalogue_numbers_are_unique_and_prices_exact() -> None:
    parts = build_parts()
    assert len(parts) >= 140
    assert len({p.part_no for p in parts}) == len(parts)
    for part in parts:
        assert part.sale_price == part.sale_price.quantize(part.sale_price.__class__("0.01"))
        assert 0 < part.cost_price < part.sale_price
        assert part.min_qty <= part.max_qty


def test_spring_festival_closure_and_seasonal_load() -> None:
    festival = calendar.spring_festival(2026)
    assert calendar.is_closed(festival) and calendar.is_closed(festival - timedelta(days=1))
    assert not calendar.is_closed(festival + timedelta(days=4))
    assert calendar.day_weight(festival) == 0
    ordinary = date(2026, 6, 10)  # a Wednesday in June
    assert calendar.day_weight(festival - timedelta(days=10)) > calendar.day_weight(ordinary)
    assert calendar.day_weight(date(2026, 9, 25)) > calendar.day_weight(ordinary)


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
       st.integers(min_value=0, max_value=24 * 60 - 1), st.integers(min_value=0, max_value=3000))
def test_working_time_stays_inside_opening_hours(day: date, minute: int, minutes: int) -> None:
    start = calendar.at(day, minute)
    end = calendar.later(start, minutes)
    assert end >= start
    assert calendar.OPEN_MINUTES <= calendar.minutes_of_day(end) <= calendar.CLOSE_MINUTES
    assert not calendar.is_closed(calendar.local(end).date())
