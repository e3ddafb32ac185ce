"""guards: one running clock per technician, unique plates, one current owner per vehicle

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 01:40:00.000000

The database refuses what two terminals racing each other could otherwise write:

* a second running clock entry (ended_at IS NULL) for the same technician;
* two vehicles with the same (non-empty, normalised) plate;
* a second open ownership (until IS NULL) of a vehicle, or an open ownership whose customer
  is not the vehicle's owner_id (triggers on both tables).

Frozen DDL: nothing here comes from live code (the models mirror it; tests compare them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_PARTIAL_UNIQUE = (
    # (index, table, column, predicate)
    ('uq_clock_entry_running_technician', 'clock_entry', 'technician_id', 'ended_at IS NULL'),
    ('uq_vehicle_plate_nonempty', 'vehicle', 'plate', "plate <> ''"),
    ('uq_vehicle_ownership_open_vehicle', 'vehicle_ownership', 'vehicle_id', 'until IS NULL'),
)

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER guard_vehicle_ownership_owner_bi BEFORE INSERT ON vehicle_ownership WHEN NEW.until IS NULL AND NEW.customer_id IS NOT (SELECT owner_id FROM vehicle WHERE id = NEW.vehicle_id) BEGIN SELECT RAISE(ABORT, 'ck_vehicle_current_owner: the open ownership must be the vehicle owner'); END",
    "CREATE TRIGGER guard_vehicle_ownership_owner_bu BEFORE UPDATE ON vehicle_ownership WHEN NEW.until IS NULL AND NEW.customer_id IS NOT (SELECT owner_id FROM vehicle WHERE id = NEW.vehicle_id) BEGIN SELECT RAISE(ABORT, 'ck_vehicle_current_owner: the open ownership must be the vehicle owner'); END",
    "CREATE TRIGGER guard_vehicle_owner_bu BEFORE UPDATE OF owner_id ON vehicle WHEN EXISTS (SELECT 1 FROM vehicle_ownership WHERE vehicle_id = NEW.id AND until IS NULL AND customer_id IS NOT NEW.owner_id) BEGIN SELECT RAISE(ABORT, 'ck_vehicle_current_owner: the open ownership must be the vehicle owner'); END",
)

_SQLITE_DROP = (
    'DROP TRIGGER IF EXISTS guard_vehicle_owner_bu',
    'DROP TRIGGER IF EXISTS guard_vehicle_ownership_owner_bu',
    'DROP TRIGGER IF EXISTS guard_vehicle_ownership_owner_bi',
)

_POSTGRESQL_TRIGGERS = (
    "CREATE FUNCTION guard_vehicle_ownership_owner() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  IF NEW.until IS NULL AND NEW.customer_id IS DISTINCT FROM\n      (SELECT owner_id FROM vehicle WHERE id = NEW.vehicle_id FOR SHARE) THEN\n    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_vehicle_current_owner',\n      MESSAGE = 'ck_vehicle_current_owner: the open ownership must be the vehicle owner';\n  END IF;\n  RETURN NEW;\nEND $$",
    'CREATE TRIGGER guard_vehicle_ownership_owner BEFORE INSERT OR UPDATE ON vehicle_ownership FOR EACH ROW EXECUTE FUNCTION guard_vehicle_ownership_owner()',
    "CREATE FUNCTION guard_vehicle_owner() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  IF EXISTS (SELECT 1 FROM vehicle_ownership WHERE vehicle_id = NEW.id\n      AND until IS NULL AND customer_id IS DISTINCT FROM NEW.owner_id) THEN\n    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_vehicle_current_owner',\n      MESSAGE = 'ck_vehicle_current_owner: the open ownership must be the vehicle owner';\n  END IF;\n  RETURN NEW;\nEND $$",
    'CREATE TRIGGER guard_vehicle_owner BEFORE UPDATE OF owner_id ON vehicle FOR EACH ROW EXECUTE FUNCTION guard_vehicle_owner()',
)

_POSTGRESQL_DROP = (
    'DROP FUNCTION IF EXISTS guard_vehicle_owner() CASCADE',
    'DROP FUNCTION IF EXISTS guard_vehicle_ownership_owner() CASCADE',
)


def upgrade() -> None:
    for name, table, column, where in _PARTIAL_UNIQUE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, [column], unique=True, sqlite_where=sa.text(where),
                                  postgresql_where=sa.text(where))
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_TRIGGERS if dialect == 'sqlite' else _POSTGRESQL_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_DROP if dialect == 'sqlite' else _POSTGRESQL_DROP:
        op.execute(statement)
    for name, table, _column, where in reversed(_PARTIAL_UNIQUE):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name, sqlite_where=sa.text(where),
                                postgresql_where=sa.text(where))
