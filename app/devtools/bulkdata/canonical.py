"""The fiscal chain's canonical bytes, built from the integers the bulk loader writes.

app/cashier/chain.py serialises documents read back from the database (Decimal, datetime);
this module produces the very same bytes from integer fen/milli/basis points and integer UTC
seconds, without a Decimal per field (a million invoices would otherwise take minutes). The
tests compare both byte for byte, and ``verify_chain`` re-checks every loaded document.

Bulk documents are canonical version 1 (no payer identity; the column's default), which the
chain verifies like any document issued before migration 0005.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.fiscal.stock_chain import STOCK_CANONICAL_VERSION

BULK_VERSION = 1  # app.cashier.chain's version 1: the payer identity is not hashed


def fixed(value: int, places: int) -> str:
    """An integer count of 10**-places units as fixed-point text (``-1234, 2`` → ``-12.34``)."""
    if value < 0:
        whole, part = divmod(-value, 10**places)
        return f"-{whole}.{part:0{places}d}"
    whole, part = divmod(value, 10**places)
    return f"{whole}.{part:0{places}d}"


_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                            allow_nan=False, check_circular=False)


def _dump(doc: dict[str, Any]) -> bytes:
    return _ENCODER.encode(doc).encode("utf-8")


def line_texts(quantity: int, unit_price: int, discount: int, tax_rate: int, net: int,
               tax: int, gross: int) -> tuple[str, str, str, str, str, str, str]:
    """The exact numbers of an invoice line as canonical text (quantity in thousandths)."""
    return (fixed(quantity, 3), fixed(unit_price, 2), fixed(discount, 4), fixed(tax_rate, 4),
            fixed(net, 2), fixed(tax, 2), fixed(gross, 2))


def invoice_line_doc(position: int, line_type: str, code: str, description: str,
                     payer: str, texts: tuple[str, str, str, str, str, str, str]
                     ) -> dict[str, Any]:
    """One invoice line as it goes into the canonical form (numbers from ``line_texts``)."""
    quantity, unit_price, discount, tax_rate, net, tax, gross = texts
    return {"position": position, "line_type": line_type, "code": code,
            "description": description, "quantity": quantity, "unit_price": unit_price,
            "discount": discount, "payer": payer, "tax_rate": tax_rate, "net": net,
            "tax": tax, "gross": gross}


def invoice_bytes(*, chain_seq: int, prev_hash: str, number: str, kind: str,
                  repair_order_id: int | None, customer_id: int, issued_at: str,
                  issued_by_id: int, currency: str, prices_include_tax: bool,
                  rounding_rule: str, net_total: int, tax_total: int, gross_total: int,
                  customer_share: int, insurer_share: int, warranty_share: int,
                  internal_share: int, original_invoice_id: int | None, reason: str,
                  lines: list[dict[str, Any]]) -> bytes:
    """Canonical bytes of an invoice or credit note (``issued_at`` already canonical text;
    ``lines`` from ``invoice_line_doc`` in position order)."""
    return _dump({
        "chain_seq": chain_seq, "prev_hash": prev_hash, "number": number, "kind": kind,
        "repair_order_id": repair_order_id, "customer_id": customer_id,
        "issued_at": issued_at, "issued_by_id": issued_by_id, "currency": currency,
        "prices_include_tax": prices_include_tax, "rounding_rule": rounding_rule,
        "net_total": fixed(net_total, 2), "tax_total": fixed(tax_total, 2),
        "gross_total": fixed(gross_total, 2), "customer_share": fixed(customer_share, 2),
        "insurer_share": fixed(insurer_share, 2), "warranty_share": fixed(warranty_share, 2),
        "internal_share": fixed(internal_share, 2), "original_invoice_id": original_invoice_id,
        "reason": reason, "doc": "invoice", "v": BULK_VERSION, "lines": lines,
    })


def payment_bytes(*, chain_seq: int, prev_hash: str, number: str, invoice_id: int,
                  method: str, payer: str, amount: int, tendered: int | None, reference: str,
                  idempotency_key: str, till_session_id: int | None, received_at: str,
                  received_by_id: int) -> bytes:
    """Canonical bytes of a payment or refund (``received_at`` already canonical text)."""
    return _dump({
        "chain_seq": chain_seq, "prev_hash": prev_hash, "number": number,
        "invoice_id": invoice_id, "method": method, "payer": payer,
        "amount": fixed(amount, 2), "tendered": None if tendered is None else fixed(tendered, 2),
        "reference": reference, "idempotency_key": idempotency_key,
        "till_session_id": till_session_id, "received_at": received_at,
        "received_by_id": received_by_id, "doc": "payment", "v": BULK_VERSION,
    })


def movement_bytes(*, chain_seq: int, prev_hash: str, part_id: int, kind: str, quantity: int,
                   balance_after: int, unit_cost: int, at: str, user_id: int,
                   repair_order_id: int | None, part_line_id: int | None,
                   supplier_id: int | None, reference: str, note: str) -> bytes:
    """Canonical bytes of a stock movement (``at`` already canonical text; quantities in
    thousandths), as app.fiscal.stock_chain.movement_bytes."""
    return _dump({
        "chain_seq": chain_seq, "prev_hash": prev_hash, "part_id": part_id, "kind": kind,
        "quantity": fixed(quantity, 3), "balance_after": fixed(balance_after, 3),
        "unit_cost": fixed(unit_cost, 2), "at": at, "user_id": user_id,
        "repair_order_id": repair_order_id, "part_line_id": part_line_id,
        "supplier_id": supplier_id, "reference": reference, "note": note,
        "doc": "stock_movement", "v": STOCK_CANONICAL_VERSION,
    })


def sha256(data: bytes) -> str:
    """The document hash (as app.cashier.chain.document_hash)."""
    return hashlib.sha256(data).hexdigest()
