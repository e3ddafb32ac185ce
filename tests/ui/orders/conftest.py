"""Fixtures of the order editor tests: an editor on a freshly built order, dialogs answered."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.security.actor import Actor
from db.engine import Database
from tests.ui.conftest import settle_operations
from ui.fonts import apply_application_font
from ui.orders import dialogs
from ui.orders.editor import OrderEditor


@pytest.fixture(autouse=True)
def cjk_font(qapp) -> None:
    """Chinese renders with the bundled font (as in the real application)."""
    apply_application_font(qapp)


@pytest.fixture(autouse=True)
def close_message_boxes() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Canned answers to the editor's yes/no and reason questions (recorded when asked)."""
    given: dict[str, object] = {"confirm": True, "reason": "客户改变主意", "asked": []}

    def confirm(_parent, title, text) -> bool:
        given["asked"].append(("confirm", title, text))  # type: ignore[union-attr]
        return bool(given["confirm"])

    def ask_reason(_parent, title, prompt):
        given["asked"].append(("reason", title, prompt))  # type: ignore[union-attr]
        return given["reason"]

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "ask_reason", ask_reason)
    return given


@pytest.fixture
def open_editor(qtbot, database: Database) -> Callable[..., OrderEditor]:
    """``open_editor(actor, order_id)``: a shown 1366×768 editor on that order."""

    def make(actor: Actor, order_id: int, lang: str = "en") -> OrderEditor:
        editor = OrderEditor(database, actor, lang)
        qtbot.addWidget(editor)
        editor.resize(1366, 768)
        settle_operations()
        editor.open_order(order_id)
        settle_operations()
        editor.show()
        settle_operations()
        qtbot.waitExposed(editor)
        settle_operations()
        editor.activateWindow()
        settle_operations()
        qtbot.waitUntil(editor.isActiveWindow)
        return editor

    return make


@pytest.fixture(autouse=True)
def no_printing(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bytes]]:
    """Printing is recorded instead of opening a printer dialog or a PDF viewer."""
    printed: list[tuple[str, bytes]] = []
    try:
        import ui.printing as printing
    except ImportError:
        return printed
    monkeypatch.setattr(printing, "print_or_open",
                        lambda _parent, pdf, *, kind, title: printed.append((kind, pdf)))
    return printed
