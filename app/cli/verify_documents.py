"""``verify-documents``: re-check the books: hash chains, business rules, stock, anchors.

Exit codes: 0 clean, 1 findings (each printed as one line in ``--lang``), 2 a schema or
environment problem (database not current, anchor file unreadable, export not writable).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from pathlib import Path

from app.cli import exit_codes, message_language, open_database, require_current_schema

NAME = "verify-documents"
HELP = ("re-check the hash chains over every issued invoice, credit note, payment and stock "
        "movement, the business rules (gapless numbers, shares, payments, refunds) and the "
        "recorded anchors; --anchor records one; exit 0 clean, 1 findings, 2 bad usage, "
        "3 database unusable, 4 anchor file unreadable or not writable")


def configure(parser: argparse.ArgumentParser) -> None:
    """``--anchor``, ``--anchors FILE``, ``--export-anchors OUT``, ``--terminal NAME``."""
    parser.add_argument("--anchor", action="store_true",
                        help="after a clean check, record an anchor of the books in the "
                             "terminal's anchor file")
    parser.add_argument("--anchors", type=Path, metavar="FILE",
                        help="check against the anchors in FILE (default: this terminal's "
                             "anchor file of the database, when there is one)")
    parser.add_argument("--export-anchors", type=Path, metavar="OUT",
                        help="copy the anchor file to OUT (e.g. a USB stick)")
    parser.add_argument("--terminal", default=None,
                        help="terminal name written into a new anchor (default: host name)")


def run(args: argparse.Namespace) -> int:
    from app.fiscal.anchors import (
        Anchor,
        FileProblem,
        anchor_file,
        build_anchor,
        database_id,
        export_anchors,
        read_anchors,
        record_anchor,
    )
    from app.fiscal.verify import verify_documents
    from app.i18n import _, translate

    # only --anchor writes (the anchor's database id, on first use): everything else reads
    database = open_database(args, read_only=not args.anchor, must_exist=True)
    if (code := require_current_schema(database)) is not None:
        return code
    lang = message_language(args)
    with database.reading() as session:
        own_id = database_id(session)
    path: Path | None = args.anchors or (anchor_file(own_id) if own_id else None)
    anchors: list[Anchor] = []
    file_problems: list[FileProblem] = []
    if path is not None and (args.anchors is not None or path.exists()):
        try:
            anchors, file_problems = read_anchors(path)
        except (OSError, UnicodeDecodeError) as exc:
            print(translate(_("Cannot read the anchor file {path}: {error}"), lang, path=path,
                            error=exc.strerror if isinstance(exc, OSError) else exc.reason),
                  file=sys.stderr)
            return exit_codes.DISK
    with database.reading() as session:
        report = verify_documents(session, anchors=anchors, lang=lang)
    for problem in file_problems:
        report.anchors.add("anchor_file", str(path), problem.msgid, line=problem.line)
    for finding in report.findings:
        print(finding.text(lang))
    print(json.dumps({"document_chain_problems": len(report.chain),
                      "stock_ledger_problems": len(report.stock),
                      "rule_problems": len(report.rules),
                      "anchor_problems": len(report.anchors),
                      "anchors_checked": len(anchors)}))
    if args.anchor and report.clean:
        terminal = args.terminal or socket.gethostname() or "?"
        with database.transaction() as session:
            anchor = build_anchor(session, terminal=terminal[:60], reason="manual")
        try:
            written = record_anchor(anchor)
        except OSError as exc:
            print(translate(_("Cannot write the anchor file: {error}"), lang,
                            error=exc.strerror), file=sys.stderr)
            return exit_codes.DISK
        print(translate(_("Anchor recorded in {path}."), lang, path=written))
    elif args.anchor:
        print(translate(_("No anchor recorded: the books have findings."), lang), file=sys.stderr)
    if args.export_anchors is not None:
        source = path if path is not None and path.exists() else None
        if source is None:
            with database.reading() as session:
                own_id = database_id(session)
            source = anchor_file(own_id) if own_id else None
        if source is None or not source.exists():
            print(translate(_("There is no anchor file to export."), lang), file=sys.stderr)
            return exit_codes.USAGE
        try:
            count = export_anchors(source, args.export_anchors)
        except OSError as exc:
            print(translate(_("Cannot write {path}: {error}"), lang, path=args.export_anchors,
                            error=exc.strerror), file=sys.stderr)
            return exit_codes.DISK
        print(translate(_("{count} anchors exported to {path}."), lang, count=count,
                        path=args.export_anchors))
    return exit_codes.OK if report.clean else exit_codes.FINDINGS
