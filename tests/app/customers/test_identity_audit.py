"""A change to what identifies a customer (name, tax id, address, phones) is audited with the
values before and after — only the fields that changed — and one-character names are names."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.customers.service import CustomerData, create_customer, update_customer
from app.errors import ValidationError
from db.models import AuditEntry, Customer

BASE = CustomerData(name="广州湾线物流有限公司", kind="company", phones=["020-8888 6666"],
                    tax_id="91440101MA59ABCD1D", address="广州市天河区车陂路88号",
                    notes="月结客户")


def _entries(session, customer_id: int) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(
        AuditEntry.action == "customer.update", AuditEntry.entity_id == str(customer_id))
        .order_by(AuditEntry.id)))


def _update(session, advisor, customer: Customer, **changes: object) -> None:
    data = CustomerData(**{**BASE.__dict__, **changes})
    update_customer(session, advisor, customer.id, data, expected_version=customer.version)
    session.flush()


@pytest.mark.parametrize("changes, before, after", [
    ({"tax_id": "91440101MA5CYRXY04"}, {"tax_id": "91440101MA59ABCD1D"},
     {"tax_id": "91440101MA5CYRXY04"}),
    ({"address": "广州市黄埔区大沙地1号"}, {"address": "广州市天河区车陂路88号"},
     {"address": "广州市黄埔区大沙地1号"}),
    ({"name": "湾线物流"}, {"name": "广州湾线物流有限公司"}, {"name": "湾线物流"}),
    ({"phones": ["020-8888 6666", "13812345678"]}, {"phones": ["+862088886666"]},
     {"phones": ["+862088886666", "+8613812345678"]}),
    ({"tax_id": "", "address": ""}, {"tax_id": "91440101MA59ABCD1D",
                                     "address": "广州市天河区车陂路88号"},
     {"tax_id": "", "address": ""}),
])
def test_an_identity_change_is_audited_with_only_what_changed(session, advisor, changes,
                                                               before, after) -> None:
    customer = create_customer(session, advisor, BASE)
    session.flush()
    _update(session, advisor, customer, **changes)
    [entry] = _entries(session, customer.id)
    assert (json.loads(entry.before), json.loads(entry.after)) == (before, after)
    assert entry.user_id == advisor.user_id


def test_a_change_outside_the_identity_or_none_at_all_is_not_audited(session,
                                                                     advisor) -> None:
    customer = create_customer(session, advisor, BASE)
    session.flush()
    _update(session, advisor, customer, notes="改为现结", consent_marketing=True)
    _update(session, advisor, customer, notes="改为现结", consent_marketing=True,
            tax_id=" 91440101ma59abcd1d ")  # the same tax id, typed differently
    assert _entries(session, customer.id) == []


@pytest.mark.parametrize("name", ["王", "Ｗ", "李\u200b"])
def test_a_one_character_name_is_a_name(session, advisor, name) -> None:
    customer = create_customer(session, advisor, CustomerData(name=name,
                                                              phones=["13812345678"]))
    session.flush()
    session.expire_all()
    assert len(session.get(Customer, customer.id).name) == 1


def test_a_name_of_invisible_characters_only_is_refused(session, advisor) -> None:
    with pytest.raises(ValidationError) as caught:
        create_customer(session, advisor, CustomerData(name="\u200b\x00\u202e ",
                                                       phones=["13812345678"]))
    assert caught.value.field == "name"
