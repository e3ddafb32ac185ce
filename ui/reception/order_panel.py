"""The repair order side of the screen: the order editor of ui/orders."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.orders.editor import OrderEditor
from ui.reception.common import Context


class OrderPanel(QWidget):
    """Holds the order being worked on (``ui.orders.editor.OrderEditor``).

    The editor refreshes itself after committed changes and guards its unsaved edits; the
    panel remembers which order it shows and passes ``order_changed`` on.
    """

    order_changed = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("orderPanel")
        self.editor = OrderEditor(ctx.database, ctx.actor, ctx.lang, self)
        self.editor.order_changed.connect(self.order_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)

    @property
    def order_id(self) -> int | None:
        """The order shown (None before one is opened)."""
        return self.editor.current_order_id()

    def open_order(self, order_id: int) -> None:
        """Show order ``order_id`` in the editor."""
        self.editor.open_order(order_id)

    def has_unsaved_changes(self) -> bool:
        """True while the editor holds edits not saved yet."""
        return self.editor.has_unsaved_changes()
