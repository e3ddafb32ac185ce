"""``verify-documents``: re-check the fiscal hash chain and the stock ledger."""

from __future__ import annotations

import argparse
import json

from app.cli import open_database, require_current_schema

NAME = "verify-documents"
HELP = ("re-check the hash chain over every issued invoice, credit note and payment, and the "
        "stock ledger; exit 1 on any break")


def configure(parser: argparse.ArgumentParser) -> None:
    """No options of its own."""


def run(args: argparse.Namespace) -> int:
    from app.cashier.chain import verify_chain
    from app.parts.stock import verify_ledger

    database = open_database(args, read_only=True)
    if (code := require_current_schema(database)) is not None:
        return code
    lang = args.lang or "en"
    with database.reading() as session:
        chain = verify_chain(session, lang=lang)
        ledger = verify_ledger(session, lang=lang)
    for problem in chain + ledger:
        print(problem)
    print(json.dumps({"document_chain_problems": len(chain),
                      "stock_ledger_problems": len(ledger)}))
    return 1 if chain or ledger else 0
