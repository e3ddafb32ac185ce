"""The checks a restored database must pass: the document verifier and the stock ledger.

One function, so that the verifier can move (``app.fiscal.verify``) by changing one import.
"""

from __future__ import annotations

from db.engine import Database


def verify_restored(database: Database, lang: str = "en") -> tuple[list[str], list[str]]:
    """(document problems, stock ledger problems) of ``database``; both empty when clean."""
    from app.cashier.chain import verify_chain
    from app.parts.stock import verify_ledger

    with database.reading() as session:
        return verify_chain(session, lang=lang), verify_ledger(session, lang=lang)
