"""The repair order side of the screen: the order editor, or a read-only summary without it."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from app.errors import NotFound
from ui.reception.common import (
    Context,
    kilometres,
    money,
    order_status_text,
    order_tone,
    tone_style,
)
from ui.reception.queries import OrderLineRow, OrderSummary, order_summary
from ui.reception.table import Column, RowTableModel, make_table
from ui.widgets import make_heading

try:  # the full editor lives in ui/orders (built separately); the summary stands in without it
    from ui.orders.editor import OrderEditor
except ImportError:  # pragma: no cover - depends on which packages are installed
    OrderEditor = None  # type: ignore[assignment,misc]


class OrderSummaryView(QWidget):
    """A read-only order: number, status, check-in, lines and total."""

    order_changed = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("orderSummary")
        self.summary: OrderSummary | None = None
        self.title = make_heading(QLabel(self), 1.4)
        self.title.setObjectName("orderTitle")
        self.status = QLabel(self)
        self.status.setObjectName("orderStatus")
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key in ("vehicle", "customer", "opened", "promised", "mileage", "complaint"):
            caption, value = QLabel(self), QLabel(self)
            value.setObjectName(f"order_{key}")
            value.setWordWrap(True)
            form.addRow(caption, value)
            self.captions[key], self.values[key] = caption, value
        self.model: RowTableModel[OrderLineRow] = RowTableModel([
            Column(lambda: self.tr("Code"), lambda r: r.code),
            Column(lambda: self.tr("Description"), lambda r: r.description if r.billable
                   else self.tr("{text} (awaiting approval)").format(text=r.description)),
            Column(lambda: self.tr("Qty"), lambda r: f"{r.quantity.normalize():f}",
                   sort_key=lambda r: r.quantity, right=True),
            Column(lambda: self.tr("Amount"), lambda r: money(r.gross),
                   sort_key=lambda r: r.gross, right=True),
        ], self)
        self.table = make_table(self.model, self, "orderLines", stretch=1)
        self.total = QLabel(self)
        self.total.setObjectName("orderTotal")
        make_heading(self.total, 1.2)
        self.empty = QLabel(self)
        self.empty.setObjectName("noOrder")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        self.retranslate()

    def open_order(self, order_id: int) -> None:
        """Show order ``order_id``."""
        self.summary = self.ctx.read(lambda s: order_summary(s, self.ctx.actor, order_id))
        self.retranslate()

    def reload(self) -> None:
        """Show the stored state of the order shown."""
        if self.summary is not None:
            with contextlib.suppress(NotFound):
                self.open_order(self.summary.id)

    def has_unsaved_changes(self) -> bool:
        """The summary is read-only."""
        return False

    def retranslate(self) -> None:
        """Texts in the current language."""
        captions = {"vehicle": self.tr("Vehicle"), "customer": self.tr("Customer"),
                    "opened": self.tr("Checked in"), "promised": self.tr("Ready by"),
                    "mileage": self.tr("Mileage in"), "complaint": self.tr("Customer says")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.model.retranslate()
        s = self.summary
        self.empty.setText(self.tr("No repair order open. Open one from the vehicle card "
                                   "(F4 check-in), the visit history, the today strip or by "
                                   "scanning a job card."))
        self.empty.setVisible(s is None)
        for widget in (self.title, self.status, self.table, self.total,
                       *self.captions.values(), *self.values.values()):
            widget.setVisible(s is not None)
        if s is None:
            self.model.set_rows([])
            return
        self.title.setText(self.tr("Repair order {number}").format(number=s.number))
        self.status.setText(order_status_text(s.status, self.ctx.lang))
        self.status.setStyleSheet(tone_style(order_tone(s.status, s.promised_at)))
        self.values["vehicle"].setText(f"{s.plate} {s.vehicle}".strip())
        self.values["customer"].setText(
            s.customer + ("  " + self.tr("(waiting in the lounge)") if s.customer_waiting
                          else ""))
        self.values["opened"].setText(self.ctx.date_time(s.opened_at))
        self.values["promised"].setText(self.ctx.date_time(s.promised_at) or "—")
        self.values["mileage"].setText(
            self.tr("{km}, fuel {fuel}/8").format(km=kilometres(s.mileage_in),
                                                  fuel=s.fuel_level))
        self.values["complaint"].setText(s.complaint)
        self.model.set_rows(s.lines)
        text = self.tr("Total {amount}").format(amount=money(s.gross))
        if s.pending_gross:
            text += "  " + self.tr("(+{amount} awaiting approval)").format(
                amount=money(s.pending_gross))
        self.total.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class OrderPanel(QWidget):
    """Holds the order being worked on: ``ui.orders.editor.OrderEditor`` when available."""

    order_changed = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("orderPanel")
        self.order_id: int | None = None
        if OrderEditor is not None:
            self.view: QWidget = OrderEditor(ctx.database, ctx.actor, ctx.lang, self)
        else:
            self.view = OrderSummaryView(ctx, self)
        self.view.order_changed.connect(self.order_changed)  # type: ignore[attr-defined]
        layout = QStackedLayout(self)
        layout.addWidget(self.view)

    def open_order(self, order_id: int) -> None:
        """Show order ``order_id`` in the editor."""
        self.order_id = order_id
        self.view.open_order(order_id)  # type: ignore[attr-defined]

    def has_unsaved_changes(self) -> bool:
        """True while the editor holds edits not saved yet."""
        return bool(self.view.has_unsaved_changes())  # type: ignore[attr-defined]

    def data_changed(self, area: str) -> None:
        """Committed changes elsewhere: the summary re-reads its order (the editor keeps its
        own edits and is told by its own signals)."""
        if area == "orders" and isinstance(self.view, OrderSummaryView):
            self.view.reload()
