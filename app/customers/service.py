"""Create, edit and load customers; phones are validated and stored in E.164."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.clock import now
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import _
from app.security.actor import Actor, require
from app.validation.phones import digits_reversed, validate_phone
from app.validation.taxids import validate_tax_id
from app.validation.text import normalise_text, require_text
from db.enums import CustomerKind
from db.models import Customer, CustomerPhone


@dataclass(frozen=True)
class CustomerData:
    """What a person types into the customer form (raw; validated by the service)."""

    name: str
    kind: str = CustomerKind.PERSON
    phones: Sequence[str] = ()
    tax_id: str = ""
    tax_country: str = "CN"
    address: str = ""
    email: str = ""
    consent_followup: bool = True
    consent_marketing: bool = False
    notes: str = ""


def _clean(data: CustomerData) -> dict:
    try:
        kind = CustomerKind(data.kind)
    except ValueError:
        raise ValidationError("kind", _("Customer type"),
                              _("Choose person or company.")) from None
    name = require_text(data.name, field="name", label=_("Name"), max_length=200)
    tax_id = ""
    if data.tax_id.strip():
        tax_id = validate_tax_id(data.tax_id, country=data.tax_country)
    email = normalise_text(data.email)
    if email and ("@" not in email or len(email) > 200 or " " in email):
        raise ValidationError("email", _("E-mail"), _("Enter an address like name@example.com."))
    phones: list[str] = []
    for i, raw in enumerate(data.phones):
        if not raw.strip():
            continue
        number = validate_phone(raw, field=f"phones.{i}")
        if number not in phones:
            phones.append(number)
    if kind is CustomerKind.PERSON and not phones:
        raise ValidationError("phones.0", _("Phone"),
                              _("Enter at least one phone number so we can reach the customer."))
    return {
        "kind": kind.value, "name": name, "tax_id": tax_id, "email": email, "phones": phones,
        "address": require_text(data.address, field="address", label=_("Address"),
                                max_length=400, required=False),
        "notes": normalise_text(data.notes),
        "consent_followup": bool(data.consent_followup),
        "consent_marketing": bool(data.consent_marketing),
    }


def _set_phones(customer: Customer, phones: list[str]) -> None:
    existing = {p.number: p for p in customer.phones}
    customer.phones = [
        existing.get(n) or CustomerPhone(number=n, digits_reversed=digits_reversed(n))
        for n in phones
    ]
    for i, phone in enumerate(customer.phones):
        phone.is_primary = i == 0


def create_customer(session: Session, actor: Actor, data: CustomerData) -> Customer:
    """Register a new customer (needs ``customers.edit``)."""
    require(actor, "customers.edit")
    clean = _clean(data)
    phones = clean.pop("phones")
    customer = Customer(created_at=now(), **clean)
    _set_phones(customer, phones)
    session.add(customer)
    session.flush()
    return customer


def update_customer(session: Session, actor: Actor, customer_id: int, data: CustomerData, *,
                    expected_version: int) -> Customer:
    """Save an edited customer; refuses if someone else saved it since ``expected_version``."""
    require(actor, "customers.edit")
    customer = load_customer(session, customer_id)
    if customer.version != expected_version:
        raise ConflictError()
    clean = _clean(data)
    phones = clean.pop("phones")
    before = {"phones": [p.number for p in customer.phones],
              **{k: getattr(customer, k) for k in clean}}
    for key, value in clean.items():
        setattr(customer, key, value)
    _set_phones(customer, phones)
    session.flush()
    if before["phones"] != phones or before["name"] != clean["name"]:
        audit.record(session, actor, "customer.update", "customer", customer.id,
                     before={"name": before["name"], "phones": before["phones"]},
                     after={"name": clean["name"], "phones": phones})
    return customer


def load_customer(session: Session, customer_id: int) -> Customer:
    """The customer with phones, or ``NotFound``."""
    customer = session.scalars(select(Customer).where(Customer.id == customer_id)
                               .options(selectinload(Customer.phones))).one_or_none()
    if customer is None:
        raise NotFound(_("Customer not found."))
    return customer
