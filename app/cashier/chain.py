"""The fiscal hash chain across invoices, credit notes and payments (NF525-style).

Every issued document gets ``chain_seq`` = the chain head's ``last_seq + 1``, ``prev_hash`` =
the head's ``last_hash`` and ``hash`` = SHA-256 of its canonical serialisation, which includes
``chain_seq`` and ``prev_hash``; then the head (one row, id = 1) moves on. The head row is
locked first (``SELECT … FOR UPDATE``; SQLite serialises writers with ``BEGIN IMMEDIATE``), so
documents from many terminals form one line.

Canonical serialisation: JSON with sorted keys and no whitespace, UTF-8; exact numbers as
fixed-point strings with the column's scale (money 2, quantity 3, rate 4; never ``-0``);
timestamps as ISO-8601 UTC with microseconds (``2024-05-01T08:30:00.123456Z``), which both
PostgreSQL and SQLite store exactly. Only stored columns (no surrogate ids of the document
itself) go in, so the verifier (app/fiscal) can recompute every hash from the database alone;
it calls only ``_invoice_bytes`` and ``_payment_bytes`` with full table rows.

Canonical versions (each document stores its own in ``canonical_version``, and the
serialisation carries it as ``v``): **1**, documents issued before migration 0005: the fields
below without the payer's identity; **2**, from then on: invoices and credit notes also cover
``payer_name``, ``payer_address`` and ``payer_tax_id`` (the bill-to as issued); payments cover
the same fields as in version 1. ``_invoice_bytes`` and ``_payment_bytes`` take full row
mappings and pick the fields of the row's own version. No column of a chained document changes
after issue (the database refuses it, db/append_only.py), so none is left out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ChainHead, Invoice, Payment

CANONICAL_VERSION = 2  # what new documents are hashed with
VERSIONS = (1, 2)
GENESIS_HASH = "0" * 64

# field -> decimal places (None: not an exact number)
_INVOICE_FIELDS: dict[str, int | None] = {
    "chain_seq": None, "prev_hash": None, "number": None, "kind": None,
    "repair_order_id": None, "customer_id": None, "issued_at": None, "issued_by_id": None,
    "currency": None, "prices_include_tax": None, "rounding_rule": None,
    "net_total": 2, "tax_total": 2, "gross_total": 2, "customer_share": 2,
    "insurer_share": 2, "warranty_share": 2, "internal_share": 2,
    "original_invoice_id": None, "reason": None,
}
_INVOICE_FIELDS_V2: dict[str, int | None] = {
    **_INVOICE_FIELDS, "payer_name": None, "payer_address": None, "payer_tax_id": None,
}
_INVOICE_FIELDS_BY_VERSION = {1: _INVOICE_FIELDS, 2: _INVOICE_FIELDS_V2}
_LINE_FIELDS: dict[str, int | None] = {
    "position": None, "line_type": None, "code": None, "description": None,
    "quantity": 3, "unit_price": 2, "discount": 4, "payer": None, "tax_rate": 4,
    "net": 2, "tax": 2, "gross": 2,
}
_PAYMENT_FIELDS: dict[str, int | None] = {
    "chain_seq": None, "prev_hash": None, "number": None, "invoice_id": None, "method": None,
    "payer": None, "amount": 2, "tendered": 2, "reference": None, "idempotency_key": None,
    "till_session_id": None, "received_at": None, "received_by_id": None,
}


def _value(value: Any, places: int | None) -> Any:
    if value is None:
        return None
    if places is not None:
        number = Decimal(value).quantize(Decimal(1).scaleb(-places))
        if number.is_zero():
            number = number.copy_abs()
        return format(number, "f")
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in a fiscal document")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, Decimal):
        raise TypeError("exact number without a declared scale")
    if isinstance(value, str):
        return str(value)  # a StrEnum member becomes its plain value
    if isinstance(value, (bool, int)):
        return value
    raise TypeError(f"cannot serialise {type(value).__name__} canonically")


def _pick(source: Mapping[str, Any], fields: Mapping[str, int | None]) -> dict[str, Any]:
    return {name: _value(source[name], places) for name, places in fields.items()}


def _dump(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def _attrs(obj: object, fields: Mapping[str, int | None]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


def _version(row: Mapping[Any, Any]) -> int:
    """The row's canonical version (a mapping without the column is version 1)."""
    version = row.get("canonical_version", 1)
    if version not in VERSIONS:
        raise ValueError(f"unknown canonical version {version!r}")
    return int(version)


def _invoice_bytes(invoice: Mapping[Any, Any], lines: Sequence[Mapping[Any, Any]]) -> bytes:
    version = _version(invoice)
    doc = _pick(invoice, _INVOICE_FIELDS_BY_VERSION[version])
    doc["doc"] = "invoice"
    doc["v"] = version
    doc["lines"] = [_pick(line, _LINE_FIELDS)
                    for line in sorted(lines, key=lambda x: x["position"])]
    return _dump(doc)


def _payment_bytes(payment: Mapping[Any, Any]) -> bytes:
    version = _version(payment)
    doc = _pick(payment, _PAYMENT_FIELDS)
    doc["doc"] = "payment"
    doc["v"] = version
    return _dump(doc)


def canonical_invoice(invoice: Invoice) -> bytes:
    """The canonical bytes of an invoice or credit note, lines included."""
    fields = {**_INVOICE_FIELDS_V2, "canonical_version": None}
    return _invoice_bytes(_attrs(invoice, fields),
                          [_attrs(line, _LINE_FIELDS) for line in invoice.lines])


def canonical_payment(payment: Payment) -> bytes:
    """The canonical bytes of a payment or refund."""
    return _payment_bytes(_attrs(payment, {**_PAYMENT_FIELDS, "canonical_version": None}))


def document_hash(canonical: bytes) -> str:
    """SHA-256 hex digest of canonical bytes (they already contain ``prev_hash``)."""
    return hashlib.sha256(canonical).hexdigest()


def lock_head(session: Session) -> ChainHead:
    """The chain head row, locked until the transaction ends (fresh from the database)."""
    return session.execute(
        select(ChainHead).where(ChainHead.id == 1).with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()


def append_to_chain(session: Session, document: Invoice | Payment) -> None:
    """Link a new, fully filled-in ``document`` into the chain and move the head.

    Call it last, with the document not yet added to the session: nothing that is hashed may
    change afterwards (lines of an invoice must already be attached). It adds the document.
    """
    if document.hash:
        raise ValueError("document is already chained")
    session.flush()  # earlier documents and head moves of this transaction reach the database
    head = lock_head(session)
    document.canonical_version = CANONICAL_VERSION
    document.chain_seq = head.last_seq + 1
    document.prev_hash = head.last_hash
    if isinstance(document, Invoice):
        document.hash = document_hash(canonical_invoice(document))
    else:
        document.hash = document_hash(canonical_payment(document))
    head.last_seq = document.chain_seq
    head.last_hash = document.hash
    session.add(document)
