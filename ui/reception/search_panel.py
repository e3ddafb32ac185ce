"""The one search box with as-you-type results, and the scanner that opens orders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.customers.search import search, searchable
from app.errors import DomainError
from app.formatting import phone as phone_text
from app.orders.lookup import find_orders, order_by_scan
from app.security.actor import Actor
from ui.latest_read import LatestRead
from ui.reception.common import Context, order_status_text
from ui.reception.scanner import ScanDetector, looks_like_order_number
from ui.reception.table import Column, RowTableModel, make_table

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL

RESULT_LIMIT = 30
SEARCH_WIDTH = 300  # beside the order editor at 1366×768
COLUMN_SHARES = (0.31, 0.38, 0.31)


@dataclass(frozen=True)
class ResultRow:
    """One search result: a vehicle with its owner, a customer without vehicle, or an order."""

    kind: str  # "vehicle", "customer" or "order"
    vehicle_id: int | None
    customer_id: int | None
    order_id: int | None
    plate: str
    vehicle: str
    owner: str
    phone: str
    last_visit: datetime | None
    open_orders: int
    order_number: str = ""
    order_status: str = ""


class FoundRows(list[ResultRow]):
    """The rows of one search; ``more``: there were more hits than ``RESULT_LIMIT``."""

    more: bool = False


def find(session: Session, actor: Actor, text: str) -> FoundRows:
    """Orders whose number starts with ``text`` (when it looks like one), then vehicles and
    customers matching any fragment of plate, VIN, phone or name (at most ``RESULT_LIMIT``;
    ``more`` says when there were more)."""
    rows = FoundRows()
    if looks_like_order_number(text) and actor.can("orders.view"):
        rows += [ResultRow(kind="order", vehicle_id=None, customer_id=None, order_id=o.id,
                           plate=o.plate, vehicle=o.vehicle, owner=o.customer, phone="",
                           last_visit=None, open_orders=0, order_number=o.number,
                           order_status=o.status)
                 for o in find_orders(session, actor, text, limit=10)]
    hits = search(session, actor, text, limit=RESULT_LIMIT + 1)
    rows.more = len(hits) > RESULT_LIMIT
    rows += [ResultRow(kind="vehicle" if h.vehicle_id is not None else "customer",
                       vehicle_id=h.vehicle_id, customer_id=h.customer_id, order_id=None,
                       plate=h.plate, vehicle=h.vehicle, owner=h.owner,
                       phone=phone_text(h.phone),
                       last_visit=h.last_visit, open_orders=h.open_orders)
             for h in hits[:RESULT_LIMIT]]
    return rows


def scan(session: Session, actor: Actor, text: str) -> int | None:
    """The order a scanned code names (None when there is none)."""
    return order_by_scan(session, actor, text)


class SearchPanel(QWidget):
    """Search box, results table and count; emits what the user opens.

    Every keystroke starts a search off the GUI thread at once (no waiting for a pause in
    typing); only the answer for the text now in the box is shown. ``results_shown(str)``
    tells which text the list now answers. ``result_chosen(ResultRow)`` for a vehicle or
    customer, ``order_chosen(int)`` for an order found by its number or scanned from a job card.
    """

    result_chosen = Signal(object)
    order_chosen = Signal(int)
    results_shown = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("searchPanel")
        self.scanner = ScanDetector()
        self._searched: str | None = None
        self._more = False  # the last search had more hits than it shows
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.box.textEdited.connect(self._typed)
        self.reader = LatestRead(ctx.database, self)
        self.reader.answered.connect(self._answered)
        self.reader.failed.connect(self._search_failed)

        self.model: RowTableModel[ResultRow] = RowTableModel(
            self._columns(), self,
            row_key=lambda r: (r.kind, r.vehicle_id, r.customer_id, r.order_id))
        self.table = make_table(self.model, self, "searchResults")
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.viewport().installEventFilter(self)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 12)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setObjectName("resultCount")
        self.notice = QLabel(self)
        self.notice.setObjectName("searchNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.box)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count)
        footer.addStretch(1)
        layout.addLayout(footer)
        self.setTabOrder(self.box, self.table)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(SEARCH_WIDTH, 400)

    def _columns(self) -> list[Column[ResultRow]]:
        """Three two-line columns, so the list fits beside the order at 1366×768:
        plate over vehicle, owner over phone, last visit over open orders."""
        ctx = self.ctx

        def visits(r: ResultRow) -> str:
            if r.kind == "order":
                return f"{r.order_number}\n{order_status_text(r.order_status)}"
            open_text = self.tr("{n} open").format(n=r.open_orders) if r.open_orders else ""
            return f"{ctx.day(r.last_visit) or '—'}\n{open_text}"

        return [
            Column(lambda: self.tr("Plate\nVehicle"), lambda r: f"{r.plate}\n{r.vehicle}",
                   sort_key=lambda r: r.plate, chars=9),
            Column(lambda: self.tr("Owner\nPhone"), lambda r: f"{r.owner}\n{r.phone}",
                   sort_key=lambda r: r.owner, chars=10),
            Column(lambda: self.tr("Last visit\nOpen orders"), visits,
                   sort_key=lambda r: r.last_visit, chars=9),
        ]

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.box.setPlaceholderText(self.tr("Plate, VIN, phone, name or order no. (Ctrl+F)"))
        self.box.setToolTip(self.tr("Type any part of a plate, VIN, phone number or name; "
                                    "scan or type an order number and press Enter."))
        self.model.retranslate()
        self._show_count()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        if self._searched is None:
            self.count.setText(self.tr("Type at least 2 characters (1 for a Chinese surname)"))
        elif self._more:
            self.count.setText(self.tr("The first {n} results: type more to narrow them down")
                               .format(n=n))
        else:
            self.count.setText(self.tr("Results: {n}").format(n=n))

    # -- typing and searching -----------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F, F3)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _typed(self, text: str) -> None:
        self.notice.hide()
        if not text:
            self.scanner.reset()
        self.search_in_background()

    def search_in_background(self, *, again: bool = False) -> None:
        """Start searching for the text in the box off the GUI thread (each keystroke);
        ``again``: even when the list already shows that text's results."""
        text = self.box.text().strip()
        if not searchable(text):
            self.reader.discard()
            self._show_rows(None, [])
            return
        if text == self._searched and not self.reader.pending and not again:
            return
        actor = self.ctx.actor
        self.reader.submit(text, lambda session: find(session, actor, text))

    def run_search(self) -> None:
        """Search for the text in the box now (in the background, like every keystroke)."""
        self.search_in_background(again=True)

    def _answered(self, text: object, rows: object) -> None:
        if isinstance(text, str) and isinstance(rows, list) and text == self.box.text().strip():
            self._show_rows(text, rows)

    def _search_failed(self, _text: object, error: object) -> None:
        # A domain error (say, the permission was withdrawn) in the user's language; anything
        # else (the server went away) by its own text. The list keeps its last results.
        detail = error.message(self.ctx.lang) if isinstance(error, DomainError) else str(error)
        self.notice.setText(self.tr("The search could not run: {error}").format(error=detail))
        self.notice.show()

    def _show_rows(self, text: str | None, rows: list[ResultRow]) -> None:
        self._searched = text
        self._more = bool(getattr(rows, "more", False))
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._show_count()
        self.results_shown.emit(text or "")

    def open_current(self) -> None:
        """Enter in the search box: open the order scanned/typed, else the highlighted row.

        A scanned code (a fast burst of keys) opens something only when it names exactly one
        thing; otherwise the list shows what matched.
        """
        text = self.box.text().strip()
        scanned = self.scanner.enter()
        actor, shown = self.ctx.actor, self._searched
        self.reader.discard()

        def read(s: Session) -> tuple[int | None, list[ResultRow] | None]:
            # one background read: the scanned/typed order, else the search for the text
            if looks_like_order_number(text):
                order_id = scan(s, actor, text)
                if order_id is not None:
                    return order_id, None
            if text == shown or not searchable(text):
                return None, None  # the list shows this text's results already
            return None, find(s, actor, text)

        self.ctx.read_then(read, lambda answer: self._entered(text, scanned, *answer))

    def _entered(self, text: str, scanned: bool, order_id: int | None,
                 rows: list[ResultRow] | None) -> None:
        if text != self.box.text().strip():
            return  # typed on while the answer was on its way: this Enter is stale
        if order_id is not None:
            self.box.clear()
            self._searched = None
            self.model.set_rows([])
            self._show_count()
            self.order_chosen.emit(order_id)
            return
        if rows is not None:
            self._show_rows(text, rows)
        elif len(text) < 2:
            self._show_rows(None, [])
        count = self.model.rowCount()
        if count == 0:
            if text:
                message = (self.tr("No repair order {number}.") if looks_like_order_number(text)
                           else self.tr("Nothing found for “{text}”."))
                self.notice.setText(message.format(number=text, text=text))
                self.notice.show()
            return
        if scanned and count != 1:
            return
        row = self.table.currentIndex().row()
        self.open_row(row if row >= 0 else 0)

    def open_row(self, row: int) -> None:
        """Open the result in ``row`` (vehicle/customer card, or the order)."""
        result = self.model.row_at(row)
        if result is None:
            return
        if result.kind == "order" and result.order_id is not None:
            self.order_chosen.emit(result.order_id)
        else:
            self.result_chosen.emit(result)

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = max(0, min(count - 1, self.table.currentIndex().row() + step))
        self.table.selectRow(row)

    def _fit_columns(self) -> None:
        """Share the list's width: the owner/phone column gets the most."""
        width = self.table.viewport().width()
        header = self.table.horizontalHeader()
        for section, share in enumerate(COLUMN_SHARES[:-1]):
            header.resizeSection(section, int(width * share))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.box:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_current()
                    return True
                if key == Qt.Key.Key_Down:
                    self._move(1)
                    return True
                if key == Qt.Key.Key_Up:
                    self._move(-1)
                    return True
                if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                    self._move(10 if key == Qt.Key.Key_PageDown else -10)
                    return True
                if key == Qt.Key.Key_Escape and self.box.text():
                    self.box.clear()
                    self._typed("")
                    return True
                if event.text() and event.text().isprintable():
                    self.scanner.key()
            elif watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_row(self.table.currentIndex().row())
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
