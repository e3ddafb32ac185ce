"""Settlement: invoices and credit notes, payments and refunds, till sessions, the hash chain.

Fiscal documents are append-only: an issued invoice, credit note or payment is never updated
or deleted, each is numbered gaplessly in the issuing transaction and linked into one hash
chain (chain.py) that app.fiscal re-checks from the database.
"""
