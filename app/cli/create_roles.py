"""``create-roles``: the PostgreSQL owner/migration role and the application role (db/roles.py).

Run it as a superuser on the shop's database, after the first ``db upgrade`` and again after
any upgrade (it is idempotent):
``main.py --db postgresql://postgres@server/bayline create-roles``. Passwords are asked for
(not echoed) unless given with ``--owner-password``/``--app-password`` (visible to other users
of the PC in the process list: prefer the prompt) or kept with ``--keep-passwords``.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli import open_database

NAME = "create-roles"
HELP = ("PostgreSQL: create or update the owner (migration) role and the application role "
        "(no DDL, append-only tables INSERT/SELECT only)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--owner", default="bayline_owner",
                        help="the role that owns the tables and runs `db upgrade` "
                             "(default: bayline_owner)")
    parser.add_argument("--app", default="bayline_app",
                        help="the role the terminals connect as (default: bayline_app)")
    parser.add_argument("--owner-password", help="the owner's password (default: asked for)")
    parser.add_argument("--app-password", help="the application's password "
                                               "(default: asked for)")
    parser.add_argument("--keep-passwords", action="store_true",
                        help="keep the passwords of roles that exist already")


def _password(role: str, given: str | None, keep: bool) -> str | None:
    if given is not None or keep:
        return given
    if not sys.stdin.isatty():
        raise ValueError(f"no password for {role}: run in a terminal to be asked, or give "
                         "--owner-password/--app-password")
    first = getpass.getpass(f"Password for {role}: ")
    if getpass.getpass(f"Password for {role} (again): ") != first:
        raise ValueError(f"the two passwords for {role} differ")
    return first


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from db.roles import RoleSetupError, create_roles

    database = open_database(args)
    if database.backend != "postgresql":
        print("create-roles is for PostgreSQL; a SQLite file has no roles.", file=sys.stderr)
        return 2
    try:
        owner_password = _password(args.owner, args.owner_password, args.keep_passwords)
        app_password = _password(args.app, args.app_password, args.keep_passwords)
        with database.engine.begin() as conn:
            setup = create_roles(conn, owner=args.owner, app=args.app,
                                 owner_password=owner_password, app_password=app_password)
    except (ValueError, RoleSetupError) as exc:
        print(f"create-roles: {exc}", file=sys.stderr)
        return 2
    except DBAPIError as exc:
        print(f"create-roles: {str(exc.orig).splitlines()[0]}", file=sys.stderr)
        return 1
    host = database.url.host or "localhost"
    print(f"{database.describe()}: schema {setup.schema} owned by {setup.owner}; "
          f"{setup.app} may read and add, not change issued documents or the schema.")
    print(f"  migrations: postgresql://{setup.owner}@{host}/{setup.database}"
          "?sslmode=verify-full  (main.py --db … db upgrade, then create-roles again)")
    print(f"  terminals:  postgresql://{setup.app}@{host}/{setup.database}?sslmode=verify-full")
    return 0
