"""Tamper evidence: the verifier of the fiscal and stock chains, business rules and anchors.

``verify.verify_documents`` re-reads every issued document and stock movement raw from the
database and reports what is wrong; ``anchors`` records the chain heads outside the database
(an append-only file per database) so that a truncated or re-hashed history shows.
"""
