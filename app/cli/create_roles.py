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

from app.cli import exit_codes, open_database, parse_address, require_current_schema
from app.cli.failures import CliError, explain
from app.i18n import _
from app.terminal import resolve_database_url

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
        raise CliError(exit_codes.USAGE, _("No password for {role}: run create-roles in a "
                                           "terminal to be asked, or give --owner-password "
                                           "and --app-password."), role=role)
    first = getpass.getpass(f"Password for {role}: ")
    if getpass.getpass(f"Password for {role} (again): ") != first:
        raise CliError(exit_codes.USAGE, _("The two passwords for {role} differ."), role=role)
    return first


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from db.roles import RoleSetupError, create_roles

    url = resolve_database_url(getattr(args, "db", None), demo=getattr(args, "demo", False))
    if parse_address(url).get_backend_name() != "postgresql":
        raise CliError(exit_codes.DATABASE, _("create-roles is for PostgreSQL; {database} is a "
                                              "SQLite file, which has no roles."),
                       database=str(url))
    database = open_database(args)
    require_current_schema(database)  # grants are given on this program's tables
    try:
        owner_password = _password(args.owner, args.owner_password, args.keep_passwords)
        app_password = _password(args.app, args.app_password, args.keep_passwords)
        with database.engine.begin() as conn:
            setup = create_roles(conn, owner=args.owner, app=args.app,
                                 owner_password=owner_password, app_password=app_password)
    except (ValueError, RoleSetupError) as exc:
        raise CliError(exit_codes.USAGE, _("create-roles: {reason}"), reason=str(exc)) from exc
    except DBAPIError as exc:
        failure = explain(exc, database.describe())
        if failure is None:
            raise
        raise failure from exc
    host = database.url.host or "localhost"
    print(f"{database.describe()}: schema {setup.schema} owned by {setup.owner}; "
          f"{setup.app} may read and add, not change issued documents or the schema.")
    print(f"  migrations: postgresql://{setup.owner}@{host}/{setup.database}"
          "?sslmode=verify-full  (main.py --db … db upgrade, then create-roles again)")
    print(f"  terminals:  postgresql://{setup.app}@{host}/{setup.database}?sslmode=verify-full")
    return 0
