"""stock chain: the stock ledger gets its own hash chain (chain_seq, prev_hash, hash)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 19:00:00.000000

Every stock movement is linked like a fiscal document: ``chain_seq`` = the head's
``last_seq + 1``, ``prev_hash`` = the head's ``last_hash``, ``hash`` = SHA-256 of its
canonical serialisation (app/fiscal/stock_chain.py). Existing movements are chained here in
``id`` order with a FROZEN copy of that serialisation (version 1); the head row of
``stock_chain_head`` ends at the last of them.

Frozen DDL: nothing here comes from live code (the models mirror it; tests compare them).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_GENESIS = '0' * 64
_BATCH = 1000

_MOVEMENT = sa.table(
    'stock_movement',
    sa.column('id', sa.Integer()), sa.column('part_id', sa.Integer()),
    sa.column('kind', sa.String()), sa.column('quantity', sa.BigInteger()),
    sa.column('balance_after', sa.BigInteger()), sa.column('unit_cost', sa.BigInteger()),
    sa.column('at', sa.DateTime(timezone=True)), sa.column('user_id', sa.Integer()),
    sa.column('repair_order_id', sa.Integer()), sa.column('part_line_id', sa.Integer()),
    sa.column('supplier_id', sa.Integer()), sa.column('reference', sa.String()),
    sa.column('note', sa.Text()), sa.column('chain_seq', sa.Integer()),
    sa.column('prev_hash', sa.String()), sa.column('hash', sa.String()),
)


def _fixed(value: int, places: int) -> str:
    sign = '-' if value < 0 else ''
    whole, part = divmod(abs(int(value)), 10 ** places)
    return f'{sign}{whole}.{part:0{places}d}'


def _stamp(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%S.%fZ')


def _canonical(row: Any, seq: int, prev: str) -> bytes:
    """Canonical bytes of a stock movement, version 1 (frozen copy)."""
    doc = {
        'chain_seq': seq, 'prev_hash': prev, 'part_id': row.part_id, 'kind': row.kind,
        'quantity': _fixed(row.quantity, 3), 'balance_after': _fixed(row.balance_after, 3),
        'unit_cost': _fixed(row.unit_cost, 2), 'at': _stamp(row.at), 'user_id': row.user_id,
        'repair_order_id': row.repair_order_id, 'part_line_id': row.part_line_id,
        'supplier_id': row.supplier_id, 'reference': row.reference, 'note': row.note,
        'doc': 'stock_movement', 'v': 1,
    }
    return json.dumps(doc, sort_keys=True, separators=(',', ':'), ensure_ascii=False,
                      allow_nan=False).encode('utf-8')


def _back_fill(bind: sa.Connection) -> tuple[int, str]:
    seq, last = 0, _GENESIS
    after = 0
    while True:
        rows = bind.execute(sa.select(_MOVEMENT).where(_MOVEMENT.c.id > after)
                            .order_by(_MOVEMENT.c.id).limit(_BATCH)).all()
        if not rows:
            return seq, last
        updates = []
        for row in rows:
            seq += 1
            digest = hashlib.sha256(_canonical(row, seq, last)).hexdigest()
            updates.append({'row_id': row.id, 'seq': seq, 'prev': last, 'digest': digest})
            last = digest
        bind.execute(sa.update(_MOVEMENT).where(_MOVEMENT.c.id == sa.bindparam('row_id'))
                     .values(chain_seq=sa.bindparam('seq'), prev_hash=sa.bindparam('prev'),
                             hash=sa.bindparam('digest')), updates)
        after = rows[-1].id


# stock_movement is append-only since 0005 (its triggers refuse UPDATE and DELETE). The
# back-fill below updates every existing movement once, so the triggers are set aside for it,
# as the owner running the migration may: SQLite's are dropped (a batch copy of the table would
# drop them anyway) and recreated as 0005 made them; PostgreSQL's are disabled and enabled.
_SQLITE_APPEND_ONLY = (
    "CREATE TRIGGER append_only_stock_movement_bu BEFORE UPDATE ON stock_movement BEGIN SELECT RAISE(ABORT, 'append_only: stock_movement rows are never changed'); END",
    "CREATE TRIGGER append_only_stock_movement_bd BEFORE DELETE ON stock_movement BEGIN SELECT RAISE(ABORT, 'append_only: stock_movement rows are never deleted'); END",
)
_SQLITE_APPEND_ONLY_DROP = (
    'DROP TRIGGER IF EXISTS append_only_stock_movement_bd',
    'DROP TRIGGER IF EXISTS append_only_stock_movement_bu',
)


def _set_aside_append_only() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for statement in _SQLITE_APPEND_ONLY_DROP:
            op.execute(statement)
    else:
        op.execute('ALTER TABLE stock_movement DISABLE TRIGGER append_only_stock_movement')


def _restore_append_only() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for statement in _SQLITE_APPEND_ONLY:
            op.execute(statement)
    else:
        op.execute('ALTER TABLE stock_movement ENABLE TRIGGER append_only_stock_movement')


def upgrade() -> None:
    _set_aside_append_only()
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chain_seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
    last_seq, last_hash = _back_fill(op.get_bind())
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.alter_column('chain_seq', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('prev_hash', existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column('hash', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_stock_movement_chain_seq'),
                                          ['chain_seq'])
        batch_op.create_unique_constraint(batch_op.f('uq_stock_movement_hash'), ['hash'])
    head = op.create_table(
        'stock_chain_head',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('last_seq', sa.Integer(), nullable=False),
        sa.Column('last_hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_chain_head')),
    )
    op.bulk_insert(head, [{'id': 1, 'last_seq': last_seq, 'last_hash': last_hash}])
    _restore_append_only()


def downgrade() -> None:
    op.drop_table('stock_chain_head')
    _set_aside_append_only()
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_stock_movement_hash'), type_='unique')
        batch_op.drop_constraint(batch_op.f('uq_stock_movement_chain_seq'), type_='unique')
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('chain_seq')
    _restore_append_only()
