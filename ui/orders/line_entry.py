"""The entry rows above each line table: add a job, a part or another charge by keyboard.

Jobs and parts are looked up as you type (labour operations by code or name; parts by number
or name). The part field is scanner-friendly: a scanned number followed by Enter adds the part
at once and the cursor returns to the field for the next scan. A free-text job is allowed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.formatting import money, quantity
from app.orders.reads import OperationHit, PartHit
from ui.latest_read import run_later
from ui.orders.texts import PAYERS, payer_name

DEBOUNCE_MS = 120
MAIN_FIELD_CHARS = 28  # the catalogue search shows at least this many characters
POPUP_PADDING = 48  # the suggestion list's margins and scroll bar
PAYLOAD = Qt.ItemDataRole.UserRole + 1

log = logging.getLogger(__name__)


class CatalogueSearch(QLineEdit):
    """A line edit that offers catalogue hits as you type; emits ``chosen(hit)`` on a pick.

    ``search(text)`` returns ``(display text, hit)`` pairs; it runs after a short pause in
    typing so that fast typists and scanners never wait for it.
    """

    chosen = Signal(object)

    def __init__(self, search: Callable[[str], Sequence[tuple[str, Any]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.hits = QStandardItemModel(self)
        # An identity proxy: Qt's completer filters nothing, the service already did.
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.hits)
        self.completer_ = QCompleter(self._proxy, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(10)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(  # type: ignore[index]  # overload
            self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.look_up)
        self.textEdited.connect(lambda _text: self._timer.start())
        self._picking = False
        self._generation = 0
        self._hits_text: str | None = None  # the text the hits shown are for
        self._then: Callable[[Any], None] | None = None  # waiting for the first hit (Enter)

    def look_up(self, offer: bool = True) -> None:
        """Search the catalogue for the text now in the field, off the GUI thread; the hits
        are listed (``offer``) when the answer comes, unless the text changed meanwhile."""
        self._timer.stop()
        text = self.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self._answered(generation, text, [], offer)
            return
        search = self._search
        run_later(lambda: list(search(text)),
                  lambda pairs: self._answered(generation, text, pairs, offer),
                  self._failed)

    def _failed(self, error: BaseException) -> None:
        log.warning("catalogue search failed: %r", error)
        self._then = None

    def _answered(self, generation: int, text: str, pairs: Sequence[tuple[str, Any]],
                  offer: bool) -> None:
        if generation != self._generation:
            return  # typed on: an answer for older text
        self.hits.clear()
        for label, hit in pairs:
            item = QStandardItem(label)
            item.setData(hit, PAYLOAD)
            item.setEditable(False)
            self.hits.appendRow(item)
        self._hits_text = text
        self._fit_popup([label for label, _hit in pairs])
        then, self._then = self._then, None
        if then is not None:
            then(self.hits.item(0).data(PAYLOAD) if self.hits.rowCount() else None)
            return
        if offer and self.hits.rowCount() and self.hasFocus():
            self.completer_.complete()
        else:
            popup = self.completer_.popup()
            assert popup is not None  # QCompleter makes its list when first asked
            popup.hide()

    def _fit_popup(self, labels: Sequence[str]) -> None:
        """Make the suggestion list wide enough for its longest row (within the screen),
        never narrower than the field: every suggestion is read whole, not as "…"."""
        popup = self.completer_.popup()
        assert popup is not None
        widest = max((popup.fontMetrics().horizontalAdvance(label) for label in labels),
                     default=0) + POPUP_PADDING
        screen = self.screen()
        limit = int(screen.availableGeometry().width() * 0.9) if screen else widest
        popup.setMinimumWidth(max(self.width(), min(widest, limit)))

    def first_hit_then(self, callback: Callable[[Any], None]) -> None:
        """``callback(best hit or None)`` for the text now in the field: at once when the hits
        shown are for it, else once the search (started now) answers."""
        text = self.text().strip()
        if self._hits_text == text and not self._timer.isActive():
            callback(self.hits.item(0).data(PAYLOAD) if self.hits.rowCount() else None)
            return
        self._then = callback
        self.look_up(offer=False)

    def popup_has_choice(self) -> bool:
        """True while the hit list is open with a hit highlighted (Enter picks it)."""
        popup = self.completer_.popup()
        assert popup is not None
        return popup.isVisible() and popup.currentIndex().isValid()

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(PAYLOAD)
        popup = self.completer_.popup()
        assert popup is not None
        popup.hide()
        if hit is not None:
            self.chosen.emit(hit)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._timer.stop()
        super().focusOutEvent(event)


def _payer_box(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for code in PAYERS:
        box.addItem(payer_name(code), code)
    return box


def _retranslate_payers(box: QComboBox) -> None:
    for i in range(box.count()):
        box.setItemText(i, payer_name(str(box.itemData(i))))


def _field(parent: QWidget, name: str, width: int) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setMaximumWidth(width)
    edit.setMinimumWidth(56)
    return edit


@dataclass(frozen=True)
class JobInput:
    """A job as typed: operation code ('' for free text), description, hours, rate ('' =
    the operation's or shop's rate), discount percent, payer."""

    code: str
    description: str
    hours: str
    rate: str
    discount: str
    payer: str


@dataclass(frozen=True)
class PartInput:
    """A part chosen or scanned: which part, how many, discount percent, payer."""

    part_id: int
    part_no: str
    quantity: str
    discount: str
    payer: str


@dataclass(frozen=True)
class ChargeInput:
    """Another charge as typed."""

    description: str
    amount: str
    discount: str
    payer: str


class _EntryBar(QWidget):
    """Shared layout: the label and the main field (the catalogue search, the description)
    across the whole width in ``row``; quantities, payer and the Add button below it in
    ``details``. One row left the main field about 20 px wide in the reception screen."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.row = QHBoxLayout()
        self.row.setSpacing(6)
        self.details = QHBoxLayout()
        self.details.setSpacing(6)
        outer.addLayout(self.row)
        outer.addLayout(self.details)
        self.labels: list[tuple[QLabel, Callable[[], str]]] = []

    def _main_field(self, label: QLabel, field: QLineEdit) -> None:
        """Put ``field`` with its ``label`` across the first row, wide enough to read."""
        field.setMinimumWidth(field.fontMetrics().averageCharWidth() * MAIN_FIELD_CHARS)
        self.row.addWidget(label)
        self.row.addWidget(field, 1)

    def _detail(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self.details.addWidget(widget)

    def _end_details(self) -> None:
        self.details.addStretch(1)

    def _label(self, buddy: QWidget, text: Callable[[], str]) -> QLabel:
        label = QLabel(self)
        label.setBuddy(buddy)
        self.labels.append((label, text))
        return label

    def retranslate(self) -> None:
        """Texts in the current language."""
        for label, text in self.labels:
            label.setText(text())


class JobEntry(_EntryBar):
    """Add a job: type an operation code or name (or any free text), hours, Enter."""

    def __init__(self, search: Callable[[str], list[OperationHit]],
                 add: Callable[[JobInput], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobEntry")
        self._add = add
        self._code = ""
        self.search = CatalogueSearch(lambda text: [
            (f"{h.code}  {h.name}  ·  {quantity(h.hours)} h  ·  {money(h.rate)}", h)
            for h in search(text)], self)
        self.search.setObjectName("jobSearch")
        self.search.chosen.connect(self.choose)
        self.search.textEdited.connect(self._typed)
        self.search.returnPressed.connect(self._enter_in_search)
        self.hours = _field(self, "jobHours", 70)
        self.rate = _field(self, "jobRate", 90)
        self.discount = _field(self, "jobDiscount", 60)
        self.payer = _payer_box(self, "jobPayer")
        self.button = QPushButton(self)
        self.button.setObjectName("addJob")
        self.button.clicked.connect(self.submit)
        for edit in (self.hours, self.rate, self.discount):
            edit.returnPressed.connect(self.submit)
        self._main_field(self._label(self.search, lambda: self.tr("Job")), self.search)
        self._detail(self._label(self.hours, lambda: self.tr("Hours")), self.hours,
                     self._label(self.rate, lambda: self.tr("Rate")), self.rate,
                     self._label(self.discount, lambda: self.tr("Disc. %")), self.discount,
                     self.payer, self.button)
        self._end_details()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(self.tr("Operation code or name, or describe the job"))
        self.rate.setPlaceholderText(self.tr("standard"))
        self.button.setText(self.tr("Add job"))
        _retranslate_payers(self.payer)

    def choose(self, hit: OperationHit) -> None:
        """Fill the row from a catalogue operation; the cursor goes to the hours."""
        self._code = hit.code
        self.search.setText(hit.name)
        self.hours.setText(quantity(hit.hours))
        self.rate.setText(money(hit.rate))
        self.hours.setFocus()
        self.hours.selectAll()

    def chosen_code(self) -> str:
        """The catalogue operation picked ('' for a free-text job)."""
        return self._code

    def _typed(self, _text: str) -> None:
        self._code = ""

    def _enter_in_search(self) -> None:
        if self.search.popup_has_choice():
            return  # the completer picks the highlighted operation
        if self.hours.text().strip():
            self.submit()
            return
        self.search.first_hit_then(self._entered)

    def _entered(self, hit: OperationHit | None) -> None:
        if hit is not None and hit.code == self.search.text().strip().upper():
            self.choose(hit)
        else:
            self.hours.setFocus()

    def has_input(self) -> bool:
        """True while something typed here is not saved yet."""
        return any(e.text().strip() for e in (self.search, self.hours, self.rate,
                                              self.discount))

    def values(self) -> JobInput:
        """The row as typed."""
        return JobInput(code=self._code, description=self.search.text().strip(),
                        hours=self.hours.text().strip(), rate=self.rate.text().strip(),
                        discount=self.discount.text().strip(),
                        payer=str(self.payer.currentData()))

    def submit(self) -> None:
        """Add the job; once it is saved the editor calls ``added`` (the row is cleared)."""
        if not self.search.text().strip():
            self.search.setFocus()
            return
        self._add(self.values())

    def added(self) -> None:
        """The job was saved: clear the row, the cursor back in the search."""
        self.clear()
        self.search.setFocus()

    def clear(self) -> None:
        """Empty the row (the payer stays as chosen)."""
        self._code = ""
        for edit in (self.search, self.hours, self.rate, self.discount):
            edit.clear()


class PartEntry(_EntryBar):
    """Add a part: type or scan its number (Enter adds it at once), or pick from the list."""

    def __init__(self, search: Callable[[str], list[PartHit]],
                 add: Callable[[PartInput], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partEntry")
        self._add = add
        self.search = CatalogueSearch(lambda text: [
            (f"{h.part_no}  {h.name}  ·  {money(h.price)}  ·  "
             + self.tr("{available} available").format(available=quantity(h.available)), h)
            for h in search(text)], self)
        self.search.setObjectName("partSearch")
        self.search.chosen.connect(self.add_part)
        self.search.returnPressed.connect(self._enter_in_search)
        self.quantity = _field(self, "partQuantity", 70)
        self.quantity.setText("1")
        self.discount = _field(self, "partDiscount", 60)
        self.payer = _payer_box(self, "partPayer")
        self.button = QPushButton(self)
        self.button.setObjectName("addPart")
        self.button.clicked.connect(self._enter_in_search)
        self.quantity.returnPressed.connect(self._enter_in_search)
        self.discount.returnPressed.connect(self._enter_in_search)
        self._main_field(self._label(self.search, lambda: self.tr("Part")), self.search)
        self._detail(self._label(self.quantity, lambda: self.tr("Qty")), self.quantity,
                     self._label(self.discount, lambda: self.tr("Disc. %")), self.discount,
                     self.payer, self.button)
        self._end_details()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(self.tr("Scan or type a part number or name"))
        self.button.setText(self.tr("Add part"))
        _retranslate_payers(self.payer)

    def _enter_in_search(self) -> None:
        if self.search.popup_has_choice():
            return  # the completer adds the highlighted part
        self.search.first_hit_then(self._entered)

    def _entered(self, hit: PartHit | None) -> None:
        if hit is None:
            self.search.setFocus()
            self.search.selectAll()
            QApplication.beep()
            return
        self.add_part(hit)

    def add_part(self, hit: PartHit) -> None:
        """Put ``hit`` on the order with the quantity typed; back to the field for the next."""
        self.search.setFocus()
        self.search.selectAll()
        self._add(PartInput(part_id=hit.id, part_no=hit.part_no,
                            quantity=self.quantity.text().strip() or "1",
                            discount=self.discount.text().strip(),
                            payer=str(self.payer.currentData())))

    def added(self) -> None:
        """The part was saved: clear the row for the next scan."""
        self.search.clear()
        self.quantity.setText("1")
        self.discount.clear()
        self.search.setFocus()

    def has_input(self) -> bool:
        """True while something typed here is not saved yet."""
        return bool(self.search.text().strip() or self.discount.text().strip()
                    or self.quantity.text().strip() not in ("", "1"))


class ChargeEntry(_EntryBar):
    """Add another charge (sublet, consumables, disposal, towing ...)."""

    def __init__(self, add: Callable[[ChargeInput], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chargeEntry")
        self._add = add
        self.description = QLineEdit(self)
        self.description.setObjectName("chargeDescription")
        self.amount = _field(self, "chargeAmount", 100)
        self.discount = _field(self, "chargeDiscount", 60)
        self.payer = _payer_box(self, "chargePayer")
        self.button = QPushButton(self)
        self.button.setObjectName("addCharge")
        self.button.clicked.connect(self.submit)
        self.description.returnPressed.connect(self.amount.setFocus)
        self.amount.returnPressed.connect(self.submit)
        self.discount.returnPressed.connect(self.submit)
        self._main_field(self._label(self.description, lambda: self.tr("Charge")),
                         self.description)
        self._detail(self._label(self.amount, lambda: self.tr("Amount")), self.amount,
                     self._label(self.discount, lambda: self.tr("Disc. %")), self.discount,
                     self.payer, self.button)
        self._end_details()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.description.setPlaceholderText(self.tr("e.g. disposal fee, sublet, towing"))
        self.button.setText(self.tr("Add charge"))
        _retranslate_payers(self.payer)

    def has_input(self) -> bool:
        """True while something typed here is not saved yet."""
        return any(e.text().strip() for e in (self.description, self.amount, self.discount))

    def submit(self) -> None:
        """Add the charge; on success the row is cleared."""
        if not self.description.text().strip():
            self.description.setFocus()
            return
        self._add(ChargeInput(description=self.description.text().strip(),
                              amount=self.amount.text().strip(),
                              discount=self.discount.text().strip(),
                              payer=str(self.payer.currentData())))

    def added(self) -> None:
        """The charge was saved: clear the row."""
        for edit in (self.description, self.amount, self.discount):
            edit.clear()
        self.description.setFocus()
