"""Rules the database enforces itself, so that a race between terminals cannot break them.

The services check each rule in Python first and say what is wrong; these guards catch what
slips between two terminals (both read "free", both write). Created by migration 0004, which
holds its own frozen copy of this DDL; the models carry the same (``db/models``), and
tests/db/test_schema_rules.py checks that both agree.

* ``uq_clock_entry_running_technician``: a technician has at most one running clock
  (``clock_entry.ended_at IS NULL``).
* ``uq_vehicle_plate_nonempty``: no two vehicles share a plate. Plates are stored normalised
  (``app.validation.plates``); an empty plate (not registered yet) is left out.
* ``uq_vehicle_ownership_open_vehicle``: a vehicle has at most one open ownership
  (``vehicle_ownership.until IS NULL``).
* ``ck_vehicle_current_owner`` (triggers): the open ownership's customer is the vehicle's
  ``owner_id``. A vehicle without any open ownership is allowed (older data and tests).
  Hand a vehicle over by closing the open ownership first, then changing ``owner_id``, then
  adding the new ownership (``app.vehicles.service.change_owner``).

``violated_guard`` names the guard behind an ``IntegrityError`` on both databases, for the
services to turn it into the right ``DomainError``.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

CLOCK_RUNNING = "uq_clock_entry_running_technician"
PLATE = "uq_vehicle_plate_nonempty"
OPEN_OWNERSHIP = "uq_vehicle_ownership_open_vehicle"
CURRENT_OWNER = "ck_vehicle_current_owner"

#: The partial unique indexes: name -> (table, columns, predicate).
PARTIAL_UNIQUE = {
    CLOCK_RUNNING: ("clock_entry", ("technician_id",), "ended_at IS NULL"),
    PLATE: ("vehicle", ("plate",), "plate <> ''"),
    OPEN_OWNERSHIP: ("vehicle_ownership", ("vehicle_id",), "until IS NULL"),
}

_MESSAGE = f"{CURRENT_OWNER}: the open ownership must be the vehicle owner"

SQLITE_TRIGGERS = (
    "CREATE TRIGGER guard_vehicle_ownership_owner_bi BEFORE INSERT ON vehicle_ownership "
    "WHEN NEW.until IS NULL AND NEW.customer_id IS NOT "
    "(SELECT owner_id FROM vehicle WHERE id = NEW.vehicle_id) "
    f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END",
    "CREATE TRIGGER guard_vehicle_ownership_owner_bu BEFORE UPDATE ON vehicle_ownership "
    "WHEN NEW.until IS NULL AND NEW.customer_id IS NOT "
    "(SELECT owner_id FROM vehicle WHERE id = NEW.vehicle_id) "
    f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END",
    "CREATE TRIGGER guard_vehicle_owner_bu BEFORE UPDATE OF owner_id ON vehicle "
    "WHEN EXISTS (SELECT 1 FROM vehicle_ownership WHERE vehicle_id = NEW.id "
    "AND until IS NULL AND customer_id IS NOT NEW.owner_id) "
    f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END",
)

# FOR SHARE: an ownership written while another terminal changes the vehicle's owner waits for
# that change and checks against it (READ COMMITTED would otherwise compare with the old one).
POSTGRESQL_TRIGGERS = (
    "CREATE FUNCTION guard_vehicle_ownership_owner() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF NEW.until IS NULL AND NEW.customer_id IS DISTINCT FROM\n"
    "      (SELECT owner_id FROM vehicle WHERE id = NEW.vehicle_id FOR SHARE) THEN\n"
    f"    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = '{CURRENT_OWNER}',\n"
    f"      MESSAGE = '{_MESSAGE}';\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END $$",
    "CREATE TRIGGER guard_vehicle_ownership_owner BEFORE INSERT OR UPDATE ON vehicle_ownership "
    "FOR EACH ROW EXECUTE FUNCTION guard_vehicle_ownership_owner()",
    "CREATE FUNCTION guard_vehicle_owner() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF EXISTS (SELECT 1 FROM vehicle_ownership WHERE vehicle_id = NEW.id\n"
    "      AND until IS NULL AND customer_id IS DISTINCT FROM NEW.owner_id) THEN\n"
    f"    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = '{CURRENT_OWNER}',\n"
    f"      MESSAGE = '{_MESSAGE}';\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END $$",
    "CREATE TRIGGER guard_vehicle_owner BEFORE UPDATE OF owner_id ON vehicle "
    "FOR EACH ROW EXECUTE FUNCTION guard_vehicle_owner()",
)

POSTGRESQL_DROP = (
    "DROP FUNCTION IF EXISTS guard_vehicle_owner() CASCADE",
    "DROP FUNCTION IF EXISTS guard_vehicle_ownership_owner() CASCADE",
)

#: Open ownerships whose customer is not the vehicle's owner (for loads that skip triggers).
OWNER_MISMATCHES_SQL = (
    "SELECT o.vehicle_id FROM vehicle_ownership o JOIN vehicle v ON v.id = o.vehicle_id "
    "WHERE o.until IS NULL AND (v.owner_id IS NULL OR v.owner_id <> o.customer_id)")


def violated_guard(error: IntegrityError) -> str | None:
    """The guard (one of the names above) that refused the statement, or None."""
    orig = error.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:  # psycopg: the index or the trigger's CONSTRAINT
        name = diag.constraint_name
        return name if name in PARTIAL_UNIQUE or name == CURRENT_OWNER else None
    message = str(orig)
    if message.startswith(f"{CURRENT_OWNER}:"):
        return CURRENT_OWNER
    for name, (table, columns, _where) in PARTIAL_UNIQUE.items():
        # SQLite names the columns: "UNIQUE constraint failed: vehicle.plate"
        failed = ", ".join(f"{table}.{c}" for c in columns)
        if message == f"UNIQUE constraint failed: {failed}":
            return name
    return None
