"""Search survives every code point, and finds a phone number however it is typed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.customers.search import _range_values, search
from app.orders.catalogue import find_operations
from app.orders.lookup import find_orders
from app.parts.catalogue import find_parts
from app.validation.phones import search_digits
from tests import builders

EDGES = ["\ud7ff", "\ue000", "\uffff", "\ufffe", "\U0010ffff", "\U0001f600", "\x00", "%", "_",
         "\\", "\ud800", "\udfff", "'", '"', "\u202e", "\u200d"]


@pytest.mark.parametrize("edge", EDGES)
def test_every_search_survives_an_edge_code_point(session, advisor, parts_clerk,
                                                  edge) -> None:
    owner = builders.customer(session, advisor, name="王芳", phone="13812345678")
    builders.vehicle(session, advisor, owner, plate="粤A12345")
    for text in (f"王{edge}", f"王芳{edge}", f"粤A1{edge}", f"138{edge}", f"{edge}{edge}",
                 f"RO{edge}", f"abc{edge}"):
        search(session, advisor, text)
        find_orders(session, advisor, text)
        find_parts(session, parts_clerk, text)
        find_operations(session, advisor, text)
    assert [h.owner for h in search(session, advisor, f"王芳{edge}")] in (["王芳"], [])


def test_the_prefix_bound_never_lands_on_a_surrogate() -> None:
    assert _range_values("王\ud7ff") == ("王\ud7ff", "王\ue000")
    assert _range_values("a\U0010ffff") == ("a\U0010ffff", "b")
    assert _range_values("\U0010ffff") == ("\U0010ffff", None)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1))
def test_the_prefix_bound_is_storable_and_above_the_prefix(prefix: str) -> None:
    _lower, upper = _range_values(prefix)
    if upper is not None:
        upper.encode("utf-8")
        assert upper > prefix and (prefix + "\U0010ffff" * 3) < upper


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=12))
def test_search_never_fails_on_any_text(session, advisor, text) -> None:
    hits = search(session, advisor, text, limit=20)
    assert len(hits) <= 20  # an answer (perhaps empty), never an error
    assert isinstance(find_orders(session, advisor, text), list)


@pytest.mark.parametrize("typed", ["010-12345678", "(010) 1234 5678", "010 1234 5678",
                                   "+86 10 1234 5678", "0086 10 12345678", "12345678",
                                   "１０１２３４５６７８"])
def test_a_landline_is_found_with_or_without_its_trunk_zero(session, advisor, typed) -> None:
    owner = builders.customer(session, advisor, name="赵先生", phone="010-12345678")
    assert [h.customer_id for h in search(session, advisor, typed)] == [owner.id]


@pytest.mark.parametrize("typed", ["13812345678", "0086 13812345678", "+86 138 1234 5678",
                                   "86-138-1234-5678", "008613812345678", "138 1234 5678",
                                   "5678", "＋８６ １３８１２３４５６７８"])
def test_a_mobile_is_found_with_its_country_code_typed_in_any_form(session, advisor,
                                                                    typed) -> None:
    owner = builders.customer(session, advisor, name="钱女士", phone="138 1234 5678")
    assert owner.id in [h.customer_id for h in search(session, advisor, typed)]


def test_search_digits_read_a_number_as_it_is_stored() -> None:
    assert search_digits("010-12345678") == search_digits("+86 10 1234 5678") == "1012345678"
    assert search_digits("0086 138 1234 5678") == "13812345678"
    assert search_digits("5678") == "5678"
    assert search_digits("王芳") == search_digits("138abc") == ""
