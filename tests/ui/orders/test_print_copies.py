"""The editor prints an invoiced order's statement as an operation: each print is audited and
every one after the first is marked as a copy."""

from __future__ import annotations

from sqlalchemy import func, select

from app.cashier.invoicing import settle_order
from app.printing.copies import ACTION
from db.models import AuditEntry
from tests.app.printing.conftest import pdf_text
from tests.factories import make_completed_order
from tests.ui.conftest import settle_operations


def test_printing_an_invoiced_statement_twice_gives_an_original_and_a_copy(
        database, advisor, cashier, open_editor, no_printing) -> None:
    with database.transaction() as s:
        order_id = make_completed_order(s, advisor).id
        settle_order(s, cashier, order_id)
    editor = open_editor(advisor, order_id)
    action = editor.actions.print_actions["settlement"]
    assert action.isVisible()
    for _ in range(2):
        action.trigger()
        settle_operations()
    assert [kind for kind, _pdf in no_printing] == ["settlement", "settlement"]
    first, second = ("\n".join(pdf_text(pdf)) for _kind, pdf in no_printing)
    assert "Reprint" not in first and "Reprint 1 (not the original)" in second
    with database.reading() as s:
        assert s.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.action == ACTION, AuditEntry.user_id == advisor.user_id)) == 2
