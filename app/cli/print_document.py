"""``print``: write one of an order's printed documents to a PDF file (an admin's reprint tool).

Runs as the shop's system user with read access to orders only (the services' permission
check is kept: ``orders.view``); every reprint from the command line is therefore an
administrator's action on the machine holding the database, not a desk's. The settlement of
an invoiced order is a print of that invoice: counted and audited like any other, and marked as
a copy after the first print.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import open_database, require_current_schema

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.printing import DocumentKind
    from app.security.actor import Actor

NAME = "print"
HELP = ("write a document of a repair order (job card, technician copy, estimate, settlement, "
        "gate pass) to a PDF file")
DOCUMENTS: dict[str, DocumentKind] = {
    "job-card": "job_card", "technician-copy": "technician_copy",
    "estimate": "estimate", "settlement": "settlement", "gate-pass": "gate_pass"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("document", choices=list(DOCUMENTS), help="which document")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("number", nargs="?", help="the repair order number, e.g. RO000123")
    which.add_argument("--latest", action="store_true",
                       help="the most recently opened order (for gate-pass: the most recent "
                            "order with a gate pass)")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE",
                        help="the PDF file to write")
    parser.add_argument("--lang", dest="document_lang", choices=["zh_CN", "zh_TW", "en"],
                        help="language of the document (default: the shop's)")


def reprint_actor() -> Actor:
    """The system user with exactly the permission printing needs."""
    from app.security.users import SYSTEM_ACTOR

    return replace(SYSTEM_ACTOR, permissions=frozenset({"orders.view"}))


def _latest(session: Session, gate_pass: bool) -> int | None:
    from sqlalchemy import select

    from db.models import RepairOrder

    stmt = select(RepairOrder.id)
    if gate_pass:
        stmt = stmt.where(RepairOrder.gate_pass_number.is_not(None)) \
            .order_by(RepairOrder.gate_pass_at.desc(), RepairOrder.id.desc())
    else:
        stmt = stmt.order_by(RepairOrder.opened_at.desc(), RepairOrder.id.desc())
    return session.scalar(stmt.limit(1))


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a reader never sees half a PDF)."""
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=".print-", suffix=".pdf", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def run(args: argparse.Namespace) -> int:
    from app.errors import DomainError
    from app.orders.queries import find_order_by_number
    from app.printing import RECORDED_KINDS, render_document
    from app.shop import get_profile

    message_lang = args.lang or "en"
    kind = DOCUMENTS[args.document]
    # a print of an issued invoice writes its audit entry (a copy is counted): that one needs
    # a writable database that already exists; every other document only reads
    recorded = kind in RECORDED_KINDS
    database = open_database(args, read_only=not recorded, must_exist=recorded)
    if (code := require_current_schema(database)) is not None:
        return code
    with (database.transaction() if recorded else database.reading()) as session:
        try:
            if args.latest:
                order_id = _latest(session, kind == "gate_pass")
                if order_id is None:
                    print("No repair order found.", file=sys.stderr)
                    return 2
            else:
                order_id = find_order_by_number(session, args.number).id
            lang = args.document_lang or args.lang or get_profile(session).default_language
            pdf = render_document(session, reprint_actor(), kind, order_id, lang=lang)
        except DomainError as exc:
            print(exc.message(message_lang), file=sys.stderr)
            return 2
    try:
        _write(args.out, pdf)
    except OSError as exc:  # main.py says why in one line (exit 4), naming the file
        raise OSError(exc.errno, exc.strerror, str(args.out)) from exc
    print(f"wrote {args.out} ({len(pdf):,} bytes)")
    return 0
