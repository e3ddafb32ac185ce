"""The stock ledger's own hash chain: every movement is linked like a fiscal document.

A new movement gets ``chain_seq`` = the head's ``last_seq + 1``, ``prev_hash`` = the head's
``last_hash`` and ``hash`` = SHA-256 of its canonical serialisation (the same rules as
app/cashier/chain.py: sorted-key JSON, fixed-point numbers, ISO-8601 UTC timestamps; no
surrogate id). The head row (``stock_chain_head``, id = 1) is locked before the part's counters
move, so movements from every terminal form one line and locks are always taken head → part.
Migration 0007 holds a frozen copy of version 1 of this serialisation for the back-fill.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import StockChainHead, StockMovement

STOCK_CANONICAL_VERSION = 1
GENESIS_HASH = "0" * 64

# field -> decimal places (None: not an exact number)
MOVEMENT_FIELDS: dict[str, int | None] = {
    "chain_seq": None, "prev_hash": None, "part_id": None, "kind": None, "quantity": 3,
    "balance_after": 3, "unit_cost": 2, "at": None, "user_id": None,
    "repair_order_id": None, "part_line_id": None, "supplier_id": None, "reference": None,
    "note": None,
}


def _value(value: Any, places: int | None) -> Any:
    if value is None:
        return None
    if places is not None:
        if isinstance(value, (bool, float)):
            raise TypeError(f"exact number stored as {type(value).__name__}")
        number = Decimal(value).quantize(Decimal(1).scaleb(-places))
        return format(number.copy_abs() if number.is_zero() else number, "f")
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in the stock ledger")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"cannot serialise {type(value).__name__} canonically")


def movement_bytes(row: Mapping[str, Any]) -> bytes:
    """Canonical bytes of a stock movement from a full row mapping (model attribute names)."""
    doc = {name: _value(row[name], places) for name, places in MOVEMENT_FIELDS.items()}
    doc["doc"] = "stock_movement"
    doc["v"] = STOCK_CANONICAL_VERSION
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def movement_hash(row: Mapping[str, Any]) -> str:
    """SHA-256 hex digest of the movement's canonical bytes."""
    return hashlib.sha256(movement_bytes(row)).hexdigest()


def lock_stock_head(session: Session) -> StockChainHead:
    """The stock chain head, row-locked until the transaction ends (fresh from the database).

    Taken before any part counter moves (app/parts/_ledger.py), so the lock order is always
    head → part and two terminals moving stock cannot deadlock on it.
    """
    return session.execute(
        select(StockChainHead).where(StockChainHead.id == 1).with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()


def append_movement(session: Session, movement: StockMovement) -> None:
    """Link a new, fully filled-in ``movement`` into the stock chain, move the head, add it."""
    if movement.hash:
        raise ValueError("movement is already chained")
    head = lock_stock_head(session)
    movement.chain_seq = head.last_seq + 1
    movement.prev_hash = head.last_hash
    movement.hash = movement_hash({name: getattr(movement, name) for name in MOVEMENT_FIELDS})
    head.last_seq = movement.chain_seq
    head.last_hash = movement.hash
    session.add(movement)
