"""The checks a restored database must pass: the document verifier and the stock ledger.

One function, so that the verifier can move (``app.fiscal.verify``) by changing one import.
"""

from __future__ import annotations

from db.engine import Database


def verify_restored(database: Database, lang: str = "en") -> tuple[list[str], list[str]]:
    """(document problems, stock problems) of ``database``, in ``lang``; both empty when
    clean. Documents: the fiscal chain and its business rules; stock: the stock chain and the
    ledger's running balances (``app.fiscal.verify``)."""
    from app.fiscal.verify import verify_documents

    with database.reading() as session:
        report = verify_documents(session, lang=lang)
    documents = [f.text(lang) for part in (report.chain, report.rules) for f in part]
    return documents, [f.text(lang) for f in report.stock]
