"""Upgrading a database with documents issued before migration 0005: they stay version 1 and
still verify, their payer is filled in from the customer, and from then on they are
append-only."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Connection, MetaData, Table, inspect, text
from sqlalchemy.exc import IntegrityError

from app.cashier.chain import _invoice_bytes, _payment_bytes, document_hash
from app.fiscal.verify import verify_chain
from db.base import Base
from db.engine import Database
from db.migrate import alembic_config, upgrade
from tests.db.test_migrations import empty_database  # noqa: F401  (the fixture)

AT = datetime(2026, 3, 1, 9, 30, 0, 123456, tzinfo=UTC)


def _insert(conn: Connection, table_name: str, /, **values: Any) -> int:
    """Insert a row with the models' column types, but only the columns this (older) schema
    has; model defaults fill what is not given."""
    present = {c["name"] for c in inspect(conn).get_columns(table_name)}
    model = Base.metadata.tables[table_name]
    columns = [c for c in model.columns if c.name in present]
    table = Table(table_name, MetaData(), *(Column(c.name, c.type, primary_key=c.primary_key)
                                      for c in columns))
    row = {c.name: c.default.arg for c in columns
           if c.default is not None and c.default.is_scalar and c.name not in values}
    row.update(values)
    result = conn.execute(table.insert().values(**row).returning(table.c.id))
    return int(result.scalar_one())


def _before_0005() -> str:
    revision = ScriptDirectory.from_config(alembic_config()).get_revision("0005")
    assert revision is not None and isinstance(revision.down_revision, str)
    return revision.down_revision


def test_documents_issued_before_keep_verifying(empty_database: Database) -> None:  # noqa: F811
    database = empty_database
    upgrade(database, _before_0005())
    with database.engine.begin() as conn:
        role = _insert(conn, "role", code="cashier", name="收银员")
        user = _insert(conn, "user_account", username="old", full_name="老收银",
                       password_hash="x", role_id=role, created_at=AT)
        customer = _insert(conn, "customer", name="老客户有限公司", tax_id="91440300MA5FABCD1Q",
                           address="深圳市福田区1号", created_at=AT)
        invoice = dict(
            chain_seq=1, prev_hash="0" * 64, number="INV000001", kind="invoice",
            repair_order_id=None, customer_id=customer, issued_at=AT, issued_by_id=user,
            currency="CNY", prices_include_tax=True, rounding_rule="half-up",
            net_total=Decimal("100.00"), tax_total=Decimal("13.00"), gross_total=Decimal("113.00"),
            customer_share=Decimal("113.00"), insurer_share=Decimal("0.00"),
            warranty_share=Decimal("0.00"), internal_share=Decimal("0.00"),
            original_invoice_id=None, reason="")
        line = dict(position=1, line_type="charge", code="", description="检测费",
                    quantity=Decimal("1.000"), unit_price=Decimal("113.00"),
                    discount=Decimal("0.0000"), payer="customer", tax_rate=Decimal("0.1300"),
                    net=Decimal("100.00"), tax=Decimal("13.00"), gross=Decimal("113.00"))
        invoice["hash"] = document_hash(_invoice_bytes(invoice, [line]))  # version 1
        invoice_id = _insert(conn, "invoice", **invoice)
        _insert(conn, "invoice_line", invoice_id=invoice_id, **line)
        payment = dict(chain_seq=2, prev_hash=invoice["hash"], number="RC000001",
                       invoice_id=invoice_id, method="card", payer="customer",
                       amount=Decimal("113.00"), tendered=None, reference="",
                       idempotency_key="old:0", till_session_id=None, received_at=AT,
                       received_by_id=user)
        payment["hash"] = document_hash(_payment_bytes(payment))
        _insert(conn, "payment", **payment)
        conn.execute(text("INSERT INTO chain_head (id, last_seq, last_hash) VALUES (1, 2, :h)"),
                     {"h": payment["hash"]})

    upgrade(database)

    with database.reading() as session:
        assert verify_chain(session) == []
        row = session.execute(text(
            "SELECT canonical_version, payer_name, payer_tax_id, payer_address FROM invoice")
        ).one()
        assert tuple(row) == (1, "老客户有限公司", "91440300MA5FABCD1Q", "深圳市福田区1号")
        assert session.scalar(text("SELECT canonical_version FROM payment")) == 1
    for statement in ("UPDATE invoice SET reason = 'x'", "DELETE FROM payment"):
        with pytest.raises(IntegrityError), database.engine.begin() as conn:
            conn.execute(text(statement))
