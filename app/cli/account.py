"""``account``: an administrator's help for a locked or forgotten account, from the command
line of the machine holding the database (the screens for users come with the admin area).

``account unlock NAME`` lifts a lock-out; ``account reset NAME`` gives a temporary password the
person must change at the next sign-in. Both act as the system administrator and are audited
like the services' own callers.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli import exit_codes, open_database, require_current_schema
from app.cli.failures import CliError
from app.i18n import _, translate

NAME = "account"
HELP = "unlock a locked user account, or reset a forgotten password (audited)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["unlock", "reset"],
                        help="unlock: lift a lock-out; reset: a temporary password that must "
                             "be changed at the next sign-in")
    parser.add_argument("username", help="the user name of the account")
    parser.add_argument("--password-stdin", action="store_true",
                        help="reset: read the temporary password from standard input")


def _temporary_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    try:
        first = getpass.getpass("Temporary password: ")
        again = getpass.getpass("Repeat: ")
    except EOFError:
        raise CliError(exit_codes.USAGE, _("No password was given (type it, or pipe it "
                                           "in with --password-stdin).")) from None
    if first != again:
        raise CliError(exit_codes.USAGE, _("The two passwords differ."))
    return first


def run(args: argparse.Namespace) -> int:
    from app.errors import DomainError
    from app.security.users import SYSTEM_ACTOR, reset_password, unlock_user, user_id_named
    from app.transactions import run_in_transaction

    database = open_database(args, must_exist=True)
    if (code := require_current_schema(database)) is not None:
        return code
    temporary = _temporary_password(args) if args.action == "reset" else ""
    lang = args.lang or "en"

    def action(session: object) -> None:
        user_id = user_id_named(session, args.username)  # type: ignore[arg-type]
        if args.action == "unlock":
            unlock_user(session, SYSTEM_ACTOR, user_id)  # type: ignore[arg-type]
        else:
            reset_password(session, SYSTEM_ACTOR, user_id, temporary)  # type: ignore[arg-type]

    try:
        run_in_transaction(database, action)
    except DomainError as exc:
        print(exc.message(lang), file=sys.stderr)
        return exit_codes.USAGE
    done = (_("{name} is unlocked.") if args.action == "unlock" else
            _("{name} has a temporary password and must choose a new one at the next "
              "sign-in."))
    print(translate(done, lang, name=args.username))
    return exit_codes.OK
