"""The gallery's documents: every printed document of a delivered order, and the job card of
an order in the workshop, as PDF bytes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from app.devtools.gallery.subjects import Subjects
from app.errors import DomainError
from app.printing import render_document
from app.security.users import SYSTEM_ACTOR


def document_pdfs(session: Session, subjects: Subjects, kinds: Sequence[str],
                  lang: str) -> list[tuple[str, bytes]]:
    """(name, PDF) of each document of ``kinds`` that exists for the gallery's orders."""
    reader = replace(SYSTEM_ACTOR, permissions=frozenset({"orders.view"}))
    found: list[tuple[str, bytes]] = []
    orders = (("delivered", subjects.delivered_order_id, kinds),
              ("workshop", subjects.workshop_order_id, ("job_card",)))
    for label, order_id, wanted in orders:
        if order_id is None:
            continue
        for kind in wanted:
            try:
                pdf = render_document(session, reader, kind, order_id,  # type: ignore[arg-type]
                                      lang=lang)
            except DomainError:
                continue  # e.g. no gate pass for this order
            found.append((f"{label}-{kind}", pdf))
    return found
