"""Health checks of an installation: database reachable, schema current, font, file location."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from db.engine import Database, is_network_path
from db.migrate import SchemaState, schema_status

FONT_PATH = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    warning_only: bool = False


def run_checks(database: Database) -> list[Check]:
    """Every check, in order; a failed reachability check skips the database ones."""
    checks: list[Check] = []
    try:
        with database.engine.connect() as conn:
            # reading sqlite_master reads the file: one that is not a database fails here
            version = conn.execute(text(
                "SELECT sqlite_version() FROM (SELECT count(*) FROM sqlite_master)"
                if database.backend == "sqlite" else "SHOW server_version")).scalar()
        checks.append(Check("database reachable", True, f"{database.describe()} ({version})"))
    except Exception as exc:
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines() or [repr(exc)]
        checks.append(Check("database reachable", False, f"{database.describe()}: {first[0]}"))
        checks.append(_font_check())
        return checks
    status = schema_status(database)
    ok = status.state is SchemaState.CURRENT
    advice = {
        SchemaState.EMPTY: "empty database: run `main.py db upgrade` or start the app to set up",
        SchemaState.BEHIND: "run `main.py db upgrade`",
        SchemaState.AHEAD: "written by a newer Bayline: update this terminal's software",
        SchemaState.FOREIGN: "this is not a Bayline database",
        SchemaState.CURRENT: "",
    }[status.state]
    checks.append(Check("schema current", ok,
                        f"database {status.database_revision or '-'}, code "
                        f"{status.code_revision} {advice}".strip()))
    if database.backend == "sqlite":
        path = Path(database.url.database or "")
        checks.append(Check("SQLite file on a local disk", not is_network_path(path),
                            f"{path} — several terminals need PostgreSQL; WAL does not work "
                            "on a network share" if is_network_path(path) else str(path)))
        with database.engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        checks.append(Check("SQLite journal mode WAL", mode == "wal", str(mode)))
    if database.backend == "postgresql" and ok:
        checks.append(_role_check(database))
    checks.append(_font_check())
    checks.append(backup_check(database))
    return checks


BACKUP_MAX_AGE = timedelta(hours=26)


def backup_check(database: Database, folder: Path | None = None,
                 now: datetime | None = None) -> Check:
    """The age of the newest good backup of ``database`` in the backup folder (a warning when
    there is none or it is older than 26 hours)."""
    from app.backup.folder import database_name, default_folder, last_good

    where = folder or default_folder()
    last = last_good(where, database_name(database))
    if last is None:
        return Check("last good backup", False, f"none in {where} — run `main.py backup`",
                     warning_only=True)
    age = (now or datetime.now(UTC)) - last.taken_at
    hours = age.total_seconds() / 3600
    return Check("last good backup", age <= BACKUP_MAX_AGE,
                 f"{hours:.1f} h ago: {where / last.file}", warning_only=True)

def _role_check(database: Database) -> Check:
    """PostgreSQL: the terminals should connect as the application role (``create-roles``),
    which can neither change issued documents nor alter the schema, not as a superuser or the
    tables' owner (either can switch the append-only triggers off)."""
    from db.append_only import ALL_TABLES

    with database.engine.connect() as conn:
        user, superuser = conn.execute(text(
            "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
        owned = conn.scalars(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tableowner = current_user AND tablename = ANY(:t) ORDER BY tablename"),
            {"t": list(ALL_TABLES)}).all()
        conn.rollback()
    name = "connected as the application role"
    advice = "; connect the terminals as the role `main.py create-roles` makes"
    if superuser:
        return Check(name, False, f"{user} is a superuser{advice}", warning_only=True)
    if owned:
        return Check(name, False, f"{user} owns {', '.join(owned)}{advice}", warning_only=True)
    return Check(name, True, f"{user} (neither superuser nor owner of the tables)")


def _font_check() -> Check:
    if not FONT_PATH.exists():
        return Check("CJK font", False, f"missing {FONT_PATH}")
    try:
        from reportlab.pdfbase.ttfonts import TTFont

        TTFont("BaylineCJKCheck", str(FONT_PATH), subfontIndex=0)
    except Exception as exc:
        return Check("CJK font", False, f"{FONT_PATH}: {exc}")
    return Check("CJK font", True, str(FONT_PATH))
