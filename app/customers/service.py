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
from app.validation.text import TEXT_LIMIT, clean_text, normalise_identifier
from db.enums import CustomerKind
from db.models import Customer, CustomerPhone

IDENTITY_FIELDS = ("name", "kind", "tax_id", "address", "phones")
"""What identifies a customer on paper and on the phone: a change is audited (before/after)."""


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
    # One character is a whole name in Chinese (王, a surname the customer gave): no minimum.
    name = clean_text(data.name, field="name", label=_("Name"), max_length=200, required=True)
    tax_id = ""
    if normalise_identifier(data.tax_id or ""):
        tax_id = validate_tax_id(data.tax_id, country=data.tax_country)
    email = clean_text(data.email, field="email", label=_("E-mail"), max_length=200)
    if email and ("@" not in email or " " in email):
        raise ValidationError("email", _("E-mail"), _("Enter an address like name@example.com."))
    phones: list[str] = []
    for i, raw in enumerate(data.phones):
        if not normalise_identifier(raw or ""):
            continue
        number = validate_phone(raw, field=f"phones.{i}")
        if number not in phones:
            phones.append(number)
    if kind is CustomerKind.PERSON and not phones:
        raise ValidationError("phones.0", _("Phone"),
                              _("Enter at least one phone number so we can reach the customer."))
    return {
        "kind": kind.value, "name": name, "tax_id": tax_id, "email": email, "phones": phones,
        "address": clean_text(data.address, field="address", label=_("Address"),
                              max_length=400),
        "notes": clean_text(data.notes, field="notes", label=_("Notes"), max_length=TEXT_LIMIT,
                            multiline=True),
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
    after = {"phones": phones, **clean}
    changed = [k for k in IDENTITY_FIELDS if before[k] != after[k]]
    if changed:
        audit.record(session, actor, "customer.update", "customer", customer.id,
                     before={k: before[k] for k in changed},
                     after={k: after[k] for k in changed})
    return customer


def load_customer(session: Session, customer_id: int) -> Customer:
    """The customer with phones, or ``NotFound``."""
    customer = session.scalars(select(Customer).where(Customer.id == customer_id)
                               .options(selectinload(Customer.phones))).one_or_none()
    if customer is None:
        raise NotFound(_("Customer not found."))
    return customer
