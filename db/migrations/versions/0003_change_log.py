"""change log: what each committed operation changed, for the other terminals' change feed

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 01:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Frozen DDL: plain SQLAlchemy types only (UTCDateTime is stored as a timezone-aware
    # timestamp on PostgreSQL and as text on SQLite, exactly as sa.DateTime(timezone=True)).
    op.create_table(
        'change_log',
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('origin', sa.String(length=40), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('changes', sa.Text(), nullable=False),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log')),
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_at'), ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_at'))
    op.drop_table('change_log')
