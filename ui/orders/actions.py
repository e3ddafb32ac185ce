"""The workflow buttons of the order editor, each with its function key shown on it.

Only the steps the order's status and the user's permissions allow are shown (the order
view's ``allowed_actions``); printing is always offered for an open order. The keys are
handled by the editor while the cursor is in it (see ``OrderEditor.key_action``), so that
the screen around the editor may use the same keys for its own work elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QMenu, QPushButton, QVBoxLayout, QWidget

# action code -> function key (None: reached with Tab)
KEYS: dict[str, str | None] = {
    "estimate": "F5", "sign": "F6", "dispatch": "F7", "review": "F8", "call": "F9",
    "deliver": "F10", "send_to_qc": "F11", "print": "F12", "cancel": None,
}
PRINT_KINDS: tuple[str, ...] = ("job_card", "technician_copy", "estimate", "settlement",
                                "gate_pass")


class ActionPanel(QGroupBox):
    """One button per workflow step; emits ``triggered(code)`` and ``print_requested(kind)``."""

    triggered = Signal(str)
    print_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionPanel")
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        for code in KEYS:
            button = QPushButton(self)
            button.setObjectName(f"action_{code}")
            button.setStyleSheet("text-align: left; padding: 4px 8px;")
            if code != "print":
                button.clicked.connect(lambda _checked=False, c=code: self.triggered.emit(c))
            self.buttons[code] = button
            layout.addWidget(button)
        self.print_menu = QMenu(self)
        self.print_menu.setObjectName("printMenu")
        self.print_actions = {}
        for kind in PRINT_KINDS:
            action = self.print_menu.addAction("")
            action.setObjectName(f"print_{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self.print_requested.emit(k))
            self.print_actions[kind] = action
        self.buttons["print"].setMenu(self.print_menu)
        self.allowed: frozenset[str] = frozenset()
        self.retranslate()

    def kind_name(self, kind: str) -> str:
        """A printed document's name in the UI language."""
        names: dict[str, Callable[[], str]] = {
            "job_card": lambda: self.tr("Job card (for signature)"),
            "technician_copy": lambda: self.tr("Technician copy"),
            "estimate": lambda: self.tr("Estimate"),
            "settlement": lambda: self.tr("Settlement statement"),
            "gate_pass": lambda: self.tr("Gate pass"),
        }
        return names[kind]()

    def step_name(self, code: str) -> str:
        """A workflow step's name in the UI language (as on its button, without the key)."""
        return self._texts()[code]

    def _texts(self) -> dict[str, str]:
        return {
            "estimate": self.tr("Estimate"), "sign": self.tr("Customer signed"),
            "dispatch": self.tr("Dispatch"), "review": self.tr("Completion review"),
            "call": self.tr("Customer called"), "deliver": self.tr("Deliver + gate pass"),
            "send_to_qc": self.tr("Send to inspection"), "print": self.tr("Print"),
            "cancel": self.tr("Cancel order…"),
        }

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.setTitle(self.tr("Workflow"))
        texts = self._texts()
        for code, button in self.buttons.items():
            key = KEYS[code]
            button.setText(f"{key}  {texts[code]}" if key else f"      {texts[code]}")
        for kind, action in self.print_actions.items():
            action.setText(self.kind_name(kind))

    def show_allowed(self, allowed: frozenset[str], has_order: bool,
                     has_gate_pass: bool) -> None:
        """Show the buttons of the ``allowed`` actions (and Print while an order is open)."""
        self.allowed = allowed
        for code, button in self.buttons.items():
            button.setVisible(has_order and (code == "print" or code in allowed))
        self.print_actions["settlement"].setVisible("print_settlement" in allowed)
        self.print_actions["gate_pass"].setVisible(has_gate_pass)
