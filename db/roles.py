"""PostgreSQL role split: an owner (migration) role and an application role without DDL.

``create_roles`` (run by a superuser, ``main.py create-roles``) makes — or brings up to date;
running it again changes nothing else — two login roles:

* the **owner** owns every table, sequence and function of the schema and runs ``db upgrade``;
* the **application** role, which the terminals connect as, may use the schema but create
  nothing in it (no DDL: it owns nothing, so it cannot ALTER, DROP or DISABLE TRIGGER), may
  SELECT/INSERT/UPDATE/DELETE the ordinary tables, only SELECT/INSERT the append-only ones
  (``db.append_only``; ``till_session`` also UPDATE, which its trigger limits to open tills),
  TRUNCATE nothing, and use the sequences. ``invoice`` keeps a column privilege
  ``UPDATE (id)`` because PostgreSQL requires one for ``SELECT … FOR UPDATE`` (payments lock
  the invoice they are for); its trigger still refuses every UPDATE.

Default privileges give the tables a later migration creates the ordinary grants; run
``create-roles`` again after an upgrade that adds an append-only table. Passwords go to the
server as SCRAM-SHA-256 verifiers computed here, never in clear text (no server log or
``pg_stat_statements`` can show them).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, text

from db.append_only import TABLES, TILL

NAME_PATTERN = re.compile(r"[a-z_][a-z0-9_]{0,62}")
SCRAM_ITERATIONS = 4096  # PostgreSQL's default (scram_iterations)
#: Tables the application role reads only (the revision is the owner's business).
READ_ONLY = ("alembic_version",)
#: Append-only tables the application must still lock FOR UPDATE (needs a column privilege).
LOCKED = {"invoice": "id"}


class RoleSetupError(ValueError):
    """A name or password that cannot be used (said in English, for the command line)."""


@dataclass(frozen=True)
class RoleSetup:
    owner: str
    app: str
    schema: str
    database: str


def scram_verifier(password: str, *, salt: bytes | None = None,
                   iterations: int = SCRAM_ITERATIONS) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 7677).

    The password is normalised with NFKC, the normalisation of SASLprep that PostgreSQL
    applies; plain ASCII passwords are used as they are.
    """
    salt = salt if salt is not None else os.urandom(16)
    secret = unicodedata.normalize("NFKC", password).encode("utf-8")
    salted = hashlib.pbkdf2_hmac("sha256", secret, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def check_name(name: str) -> str:
    """A role name: lower-case letters, digits and ``_``, at most 63 characters."""
    if not NAME_PATTERN.fullmatch(name):
        raise RoleSetupError(f"role name {name!r}: use lower-case letters, digits and _ "
                             "(at most 63, not starting with a digit)")
    return name


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _login_role(conn: Connection, name: str, password: str | None, *, inherit: bool) -> None:
    exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    verb = "ALTER" if exists else "CREATE"
    options = ("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
               + ("INHERIT" if inherit else "NOINHERIT"))
    if password is not None:
        if not password:
            raise RoleSetupError(f"role {name}: the password is empty")
        options += f" PASSWORD {_literal(scram_verifier(password))}"
    elif not exists:
        raise RoleSetupError(f"role {name} does not exist yet: give it a password")
    conn.exec_driver_sql(f'{verb} ROLE "{name}" WITH {options}')


def _owned_objects(conn: Connection, schema: str) -> list[str]:
    """ALTER … OWNER TO statements' targets: tables, views, sequences (not those a table owns
    through a serial column, which follow their table) and functions of ``schema``."""
    relations = conn.execute(text(
        "SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' "
        "WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.relname "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = :s AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
        "AND d.objid = c.oid AND d.deptype IN ('a', 'i')) ORDER BY c.relname"), {"s": schema})
    functions = conn.execute(text(
        "SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = :s "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass "
        "AND d.objid = p.oid AND d.deptype = 'e') ORDER BY 2"), {"s": schema})
    out = [f'{kind} "{schema}"."{name}"' for kind, name in relations]
    out += [f"FUNCTION {signature}" for _kind, signature in functions]
    return out


def create_roles(conn: Connection, *, owner: str, app: str, owner_password: str | None,
                 app_password: str | None) -> RoleSetup:
    """Create or update both roles and apply ownership and grants, in ``conn``'s transaction.

    A password of None keeps an existing role's password.
    """
    owner, app = check_name(owner), check_name(app)
    if owner == app:
        raise RoleSetupError("the owner and the application role must differ")
    schema = conn.scalar(text("SELECT current_schema()"))
    database = conn.scalar(text("SELECT current_database()"))
    if not conn.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")):
        raise RoleSetupError("run create-roles as a PostgreSQL superuser (e.g. postgres)")
    for name in (owner, app):
        if name == conn.scalar(text("SELECT current_user")):
            raise RoleSetupError(f"{name} is the role running this command")
    _login_role(conn, owner, owner_password, inherit=True)
    _login_role(conn, app, app_password, inherit=False)
    sql = conn.exec_driver_sql
    s, db_ = f'"{schema}"', f'"{database}"'
    if conn.scalar(text("SELECT pg_has_role(:a, :o, 'MEMBER')"), {"a": app, "o": owner}):
        sql(f'REVOKE "{owner}" FROM "{app}"')  # the application must not act as the owner
    sql(f"REVOKE CREATE ON DATABASE {db_} FROM PUBLIC")
    sql(f'REVOKE CREATE ON DATABASE {db_} FROM "{app}"')
    sql(f'GRANT CONNECT ON DATABASE {db_} TO "{owner}", "{app}"')
    sql(f"ALTER SCHEMA {s} OWNER TO \"{owner}\"")
    sql(f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC")
    sql(f'REVOKE ALL ON SCHEMA {s} FROM "{app}"')
    sql(f'GRANT USAGE ON SCHEMA {s} TO "{app}"')
    for target in _owned_objects(conn, schema):
        sql(f'ALTER {target} OWNER TO "{owner}"')
    # the grants, from scratch each time: what a previous run (or a default) gave is reset
    sql(f'REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM "{app}"')
    sql(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM "{app}"')
    sql(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO "{app}"')
    sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO "{app}"')
    present = set(conn.scalars(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}))
    for table in (*TABLES, TILL, *READ_ONLY):
        if table not in present:
            continue
        sql(f'REVOKE UPDATE, DELETE ON {s}."{table}" FROM "{app}"')
        if table == TILL:
            sql(f'GRANT UPDATE ON {s}."{table}" TO "{app}"')
        if table in READ_ONLY:
            sql(f'REVOKE INSERT ON {s}."{table}" FROM "{app}"')
        if table in LOCKED:
            sql(f'GRANT UPDATE ("{LOCKED[table]}") ON {s}."{table}" TO "{app}"')
    sql(f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA {s} '
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{app}"')
    sql(f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA {s} '
        f'GRANT USAGE, SELECT ON SEQUENCES TO "{app}"')
    return RoleSetup(owner=owner, app=app, schema=schema, database=database)
