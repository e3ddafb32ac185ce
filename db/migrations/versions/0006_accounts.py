"""accounts: lock-out, forced password change, unknown user names counted like real ones

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:50:00.000000

* user_account: last_failed_at and locked_until (the lock-out's back-off),
  must_change_password (a new account or an administrator's reset) and password_changed_at;
* unknown_sign_in: failed sign-ins under user names that do not exist, counted by the same
  rules so that a lock-out does not tell which user names exist.

Frozen DDL: nothing here comes from live code (the models mirror it; tests compare them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table): on SQLite a batch copy drops and
    # recreates user_account, which every issued invoice and payment refers to.
    op.add_column('user_account', sa.Column('last_failed_at', sa.DateTime(timezone=True),
                                            nullable=True))
    op.add_column('user_account', sa.Column('locked_until', sa.DateTime(timezone=True),
                                            nullable=True))
    op.add_column('user_account', sa.Column('must_change_password', sa.Boolean(),
                                            nullable=False, server_default=sa.false()))
    op.add_column('user_account', sa.Column('password_changed_at', sa.DateTime(timezone=True),
                                            nullable=True))
    op.create_table(
        'unknown_sign_in',
        sa.Column('username', sa.String(length=60), nullable=False),
        sa.Column('failed_logins', sa.Integer(), nullable=False),
        sa.Column('last_failed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('username', name=op.f('pk_unknown_sign_in')),
    )
    with op.batch_alter_table('unknown_sign_in', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unknown_sign_in_last_failed_at'),
                              ['last_failed_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('unknown_sign_in', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unknown_sign_in_last_failed_at'))
    op.drop_table('unknown_sign_in')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('must_change_password')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('last_failed_at')
