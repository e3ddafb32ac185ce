"""append-only tables; invoices keep their payer as issued; canonical_version

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 18:45:00.000000

* The database refuses UPDATE and DELETE (PostgreSQL: also TRUNCATE) on invoice (credit
  notes too), invoice_line, payment, stock_movement and audit_entry, and on a till_session
  once it is closed (an open till's row is updated when it closes; no till row is deleted).
* invoice.payer_name / payer_address / payer_tax_id: the payer (bill-to) as issued. Rows
  issued before this revision get their customer's identity as it is at upgrade time (the
  best that is known; those rows are canonical version 1, whose hash does not cover it).
* invoice.canonical_version, payment.canonical_version: which fields the document's hash
  covers (app/cashier/chain.py); existing rows are version 1.

Frozen DDL: nothing here comes from live code (the models mirror it; tests compare them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_PAYER_COLUMNS = (
    # (column, length, customer column)
    ('payer_name', 200, 'name'),
    ('payer_address', 400, 'address'),
    ('payer_tax_id', 40, 'tax_id'),
)

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER append_only_invoice_bu BEFORE UPDATE ON invoice BEGIN SELECT RAISE(ABORT, 'append_only: invoice rows are never changed'); END",
    "CREATE TRIGGER append_only_invoice_bd BEFORE DELETE ON invoice BEGIN SELECT RAISE(ABORT, 'append_only: invoice rows are never deleted'); END",
    "CREATE TRIGGER append_only_invoice_line_bu BEFORE UPDATE ON invoice_line BEGIN SELECT RAISE(ABORT, 'append_only: invoice_line rows are never changed'); END",
    "CREATE TRIGGER append_only_invoice_line_bd BEFORE DELETE ON invoice_line BEGIN SELECT RAISE(ABORT, 'append_only: invoice_line rows are never deleted'); END",
    "CREATE TRIGGER append_only_payment_bu BEFORE UPDATE ON payment BEGIN SELECT RAISE(ABORT, 'append_only: payment rows are never changed'); END",
    "CREATE TRIGGER append_only_payment_bd BEFORE DELETE ON payment BEGIN SELECT RAISE(ABORT, 'append_only: payment rows are never deleted'); END",
    "CREATE TRIGGER append_only_stock_movement_bu BEFORE UPDATE ON stock_movement BEGIN SELECT RAISE(ABORT, 'append_only: stock_movement rows are never changed'); END",
    "CREATE TRIGGER append_only_stock_movement_bd BEFORE DELETE ON stock_movement BEGIN SELECT RAISE(ABORT, 'append_only: stock_movement rows are never deleted'); END",
    "CREATE TRIGGER append_only_audit_entry_bu BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'append_only: audit_entry rows are never changed'); END",
    "CREATE TRIGGER append_only_audit_entry_bd BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, 'append_only: audit_entry rows are never deleted'); END",
    "CREATE TRIGGER append_only_till_session_bu BEFORE UPDATE ON till_session WHEN OLD.status <> 'open' BEGIN SELECT RAISE(ABORT, 'append_only: a closed till_session is never changed'); END",
    "CREATE TRIGGER append_only_till_session_bd BEFORE DELETE ON till_session BEGIN SELECT RAISE(ABORT, 'append_only: till_session rows are never deleted'); END",
)

_SQLITE_DROP = (
    'DROP TRIGGER IF EXISTS append_only_till_session_bd',
    'DROP TRIGGER IF EXISTS append_only_till_session_bu',
    'DROP TRIGGER IF EXISTS append_only_audit_entry_bd',
    'DROP TRIGGER IF EXISTS append_only_audit_entry_bu',
    'DROP TRIGGER IF EXISTS append_only_stock_movement_bd',
    'DROP TRIGGER IF EXISTS append_only_stock_movement_bu',
    'DROP TRIGGER IF EXISTS append_only_payment_bd',
    'DROP TRIGGER IF EXISTS append_only_payment_bu',
    'DROP TRIGGER IF EXISTS append_only_invoice_line_bd',
    'DROP TRIGGER IF EXISTS append_only_invoice_line_bu',
    'DROP TRIGGER IF EXISTS append_only_invoice_bd',
    'DROP TRIGGER IF EXISTS append_only_invoice_bu',
)

_POSTGRESQL_TRIGGERS = (
    "CREATE FUNCTION append_only_refuse() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION USING ERRCODE = 'restrict_violation', CONSTRAINT = 'append_only',\n    MESSAGE = format('append_only: %s rows are never %s', TG_TABLE_NAME,\n        CASE TG_OP WHEN 'UPDATE' THEN 'changed' WHEN 'DELETE' THEN 'deleted'\n        ELSE 'truncated' END);\nEND $$",
    "CREATE FUNCTION append_only_till_session() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  IF TG_OP = 'UPDATE' AND OLD.status = 'open' THEN\n    RETURN NEW;\n  END IF;\n  IF TG_OP = 'UPDATE' THEN\n    RAISE EXCEPTION USING ERRCODE = 'restrict_violation', CONSTRAINT = 'append_only',\n      MESSAGE = 'append_only: a closed till_session is never changed';\n  END IF;\n  RAISE EXCEPTION USING ERRCODE = 'restrict_violation', CONSTRAINT = 'append_only',\n    MESSAGE = 'append_only: till_session rows are never deleted';\nEND $$",
    'CREATE TRIGGER append_only_invoice BEFORE UPDATE OR DELETE ON invoice FOR EACH ROW EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_invoice_truncate BEFORE TRUNCATE ON invoice FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_invoice_line BEFORE UPDATE OR DELETE ON invoice_line FOR EACH ROW EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_invoice_line_truncate BEFORE TRUNCATE ON invoice_line FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_payment BEFORE UPDATE OR DELETE ON payment FOR EACH ROW EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_payment_truncate BEFORE TRUNCATE ON payment FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_stock_movement BEFORE UPDATE OR DELETE ON stock_movement FOR EACH ROW EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_stock_movement_truncate BEFORE TRUNCATE ON stock_movement FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_audit_entry BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_audit_entry_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse()',
    'CREATE TRIGGER append_only_till_session BEFORE UPDATE OR DELETE ON till_session FOR EACH ROW EXECUTE FUNCTION append_only_till_session()',
    'CREATE TRIGGER append_only_till_session_truncate BEFORE TRUNCATE ON till_session FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse()',
)

_POSTGRESQL_DROP = (
    'DROP FUNCTION IF EXISTS append_only_till_session() CASCADE',
    'DROP FUNCTION IF EXISTS append_only_refuse() CASCADE',
)


def upgrade() -> None:
    for column, length, _source in _PAYER_COLUMNS:
        op.add_column('invoice', sa.Column(column, sa.String(length=length), nullable=False,
                                           server_default=''))
    for table in ('invoice', 'payment'):
        op.add_column(table, sa.Column('canonical_version', sa.Integer(), nullable=False,
                                       server_default='1'))
    for column, _length, source in _PAYER_COLUMNS:
        op.execute(f'UPDATE invoice SET {column} = COALESCE((SELECT c.{source} FROM customer c '
                   f"WHERE c.id = invoice.customer_id), '')")
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_TRIGGERS if dialect == 'sqlite' else _POSTGRESQL_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_DROP if dialect == 'sqlite' else _POSTGRESQL_DROP:
        op.execute(statement)
    for table in ('payment', 'invoice'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('canonical_version')
            if table == 'invoice':
                for column, _length, _source in reversed(_PAYER_COLUMNS):
                    batch_op.drop_column(column)
