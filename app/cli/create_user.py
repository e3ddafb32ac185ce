"""``create-user``: create a user account from the command line."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from app.cli import exit_codes, open_database, require_current_schema
from app.cli.failures import CliError
from app.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

NAME = "create-user"
HELP = "create a user account (the first one may be created on an empty database)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--username", required=True)
    parser.add_argument("--full-name", required=True)
    parser.add_argument("--role", required=True,
                        help="advisor, cashier, parts_clerk, foreman, technician, "
                             "warranty_clerk, customer_care, service_manager or admin")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from standard input instead of prompting")


def run(args: argparse.Namespace) -> int:
    from app.errors import DomainError
    from app.security.users import SYSTEM_ACTOR, create_user
    from app.setup.reference import ensure_reference_data
    from app.transactions import run_in_transaction

    database = open_database(args, must_exist=True)
    if (code := require_current_schema(database)) is not None:
        return code
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        try:
            password = getpass.getpass("Password: ")
            repeated = getpass.getpass("Repeat: ")
        except EOFError:  # no terminal and nothing on standard input
            raise CliError(exit_codes.USAGE, _("No password was given (type it, or pipe it "
                                               "in with --password-stdin).")) from None
        if repeated != password:
            print("The passwords differ.", file=sys.stderr)
            return 2

    def action(session: Session) -> int:
        ensure_reference_data(session)
        return create_user(session, SYSTEM_ACTOR, username=args.username,
                           full_name=args.full_name, password=password, role=args.role).id

    try:
        user_id = run_in_transaction(database, action)
    except DomainError as exc:
        print(exc.message(args.lang or "en"), file=sys.stderr)
        return 2
    print(f"created user {args.username} (id {user_id}, role {args.role})")
    return 0
