"""The flush guard: an over-long or unstorable text never reaches the database (both DBs)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.clock import now
from app.errors import ValidationError
from app.store_guard import GENERIC_LABEL
from db.models import AuditEntry, Customer
from tests import builders


def _customer(**values: str) -> Customer:
    return Customer(created_at=now(), **{"name": "陈晓明", **values})


def test_an_over_long_value_is_refused_naming_the_column(session) -> None:
    session.add(_customer(name="王" * 201))
    with pytest.raises(ValidationError) as caught:
        session.flush()
    error = caught.value
    assert (error.field, error.label) == ("name", GENERIC_LABEL)
    assert error.params == {"column": "customer.name", "max_length": 200, "count": 201}
    assert "customer.name" in error.message("zh_CN") and "200" in error.message("zh_CN")
    session.rollback()
    assert session.scalar(select(Customer.id).where(Customer.name.like("王王%"))) is None


@pytest.mark.parametrize("column, value", [("notes", "a\x00b"), ("address", "x\x00"),
                                           ("notes", "broken \ud83d half")])
def test_a_nul_or_a_lone_surrogate_is_refused_in_any_text_column(session, column,
                                                                 value) -> None:
    session.add(_customer(**{column: value}))
    with pytest.raises(ValidationError) as caught:
        session.flush()
    assert caught.value.field == column
    assert caught.value.params["column"] == f"customer.{column}"


def test_a_changed_value_is_checked_too_and_an_unchanged_one_is_not_reloaded(
        session, advisor) -> None:
    customer = builders.customer(session, advisor)
    session.commit()
    customer.address = "广州" * 201
    with pytest.raises(ValidationError) as caught:
        session.flush()
    assert caught.value.params["column"] == "customer.address"
    session.rollback()
    customer.notes = "ok"
    session.flush()  # the other columns are not looked at again
    assert session.get(Customer, customer.id).notes == "ok"


def test_a_value_that_fits_is_stored_as_given(session) -> None:
    entry = AuditEntry(at=now(), action="x" * 60, entity="e", entity_id="1",
                       before="", after="", reason="长" * 10_000)
    session.add(entry)
    session.flush()
    session.expire_all()
    assert session.get(AuditEntry, entry.id).reason == "长" * 10_000
