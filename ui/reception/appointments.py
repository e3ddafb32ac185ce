"""The appointment book (双向预约): a day or a week per advisor with capacity, and the actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.appointments.rows import AppointmentRow
from app.appointments.service import (
    DayView,
    cancel,
    confirm,
    day_view,
    mark_no_show,
    todays_arrivals,
    week_view,
)
from app.appointments.views import service_advisors
from app.formatting import phone as phone_text
from app.orders.status import APPOINTMENTS_EXPECTED, APPOINTMENTS_TAKING_PLACE
from ui.latest_read import Refresh
from ui.palette import APPOINTMENT_TONES, Tone, tone_background, tone_foreground
from ui.reception.common import Context, appointment_status_text, direction_text
from ui.reception.table import Column, RowTableModel, make_table, selected_row

EXPECTED = APPOINTMENTS_EXPECTED


@dataclass(frozen=True)
class SlotLine:
    """One line of the day view: a booking in its hour, or an hour with no booking."""

    starts_at: datetime
    capacity: int
    taken: int
    booking: AppointmentRow | None
    first: bool  # the first line of its hour (shows the time and the places)


def slot_lines(view: DayView) -> list[SlotLine]:
    """The day as lines: every hour, then its bookings."""
    lines: list[SlotLine] = []
    for slot in view.slots:
        if not slot.bookings:
            lines.append(SlotLine(slot.starts_at, slot.capacity, slot.taken, None, True))
            continue
        for i, booking in enumerate(slot.bookings):
            lines.append(SlotLine(slot.starts_at, slot.capacity, slot.taken, booking, i == 0))
    return lines


def places_tone(taken: int, capacity: int) -> Tone:
    """Green while places are free, amber for the last one, red when full."""
    if taken >= capacity:
        return Tone.LATE
    if capacity - taken == 1 and capacity > 1:
        return Tone.ATTENTION
    return Tone.DONE


class WeekModel(QAbstractTableModel):
    """Hours down, days across; each cell: places taken of capacity and the plates booked."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.days: list[DayView] = []

    def set_days(self, days: list[DayView]) -> None:
        """Show ``days``."""
        self.beginResetModel()
        self.days = days
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.days else len(self.days[0].slots)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.days)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        slot = self.days[index.column()].slots[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            plates = " ".join(b.plate or b.customer for b in slot.bookings
                              if b.status in APPOINTMENTS_TAKING_PLACE)
            return f"{slot.taken}/{slot.capacity}  {plates}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{self.ctx.clock(b.starts_at)} {b.plate} {b.customer} · "
                             f"{appointment_status_text(b.status, self.ctx.lang)}"
                             for b in slot.bookings)
        if role == Qt.ItemDataRole.BackgroundRole:
            return tone_background(places_tone(slot.taken, slot.capacity)) \
                if slot.taken else None
        if role == Qt.ItemDataRole.ForegroundRole and slot.taken:
            return tone_foreground(places_tone(slot.taken, slot.capacity))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not self.days:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = self.days[section].day
            return f"{weekday_name(day)} {day.month}/{day.day}"
        return self.ctx.clock(self.days[0].slots[section].starts_at)


def weekday_name(day: date) -> str:
    """Mon … Sun in the UI language."""
    from PySide6.QtCore import QCoreApplication

    names = [QCoreApplication.translate("AppointmentBook", "Mon"),
             QCoreApplication.translate("AppointmentBook", "Tue"),
             QCoreApplication.translate("AppointmentBook", "Wed"),
             QCoreApplication.translate("AppointmentBook", "Thu"),
             QCoreApplication.translate("AppointmentBook", "Fri"),
             QCoreApplication.translate("AppointmentBook", "Sat"),
             QCoreApplication.translate("AppointmentBook", "Sun")]
    return names[day.weekday()]


class AppointmentBook(QWidget):
    """Day and week views of the bookings, the advisor filter, today's arrivals and actions.

    ``book_requested(starts_at, direction)`` asks the page for the booking dialog (it knows
    the customer on the card); ``arrive_requested(AppointmentRow)`` for the check-in;
    ``move_requested(AppointmentRow)`` to move a booking to another time.
    """

    book_requested = Signal(object, str)
    arrive_requested = Signal(object)
    move_requested = Signal(object)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("appointmentBook")
        self.day: date = ctx.today()
        self.mode = "day"
        # Every active advisor from the start; advisors seen in bookings are added (one who has
        # left still has bookings to show).
        self.advisors: dict[int, str] = {ctx.actor.user_id: ctx.actor.full_name}
        actor = ctx.actor
        ctx.read_then(lambda s: service_advisors(s, actor), self._advisors_read)
        self._reader = Refresh(ctx.database, self._answered, self)

        self.mode_box = QComboBox(self)
        self.mode_box.setObjectName("bookMode")
        self.mode_box.addItem("", "day")
        self.mode_box.addItem("", "week")
        self.mode_box.currentIndexChanged.connect(self._mode_changed)
        self.previous = QPushButton(self)
        self.previous.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.previous.setObjectName("previousDay")
        self.previous.clicked.connect(lambda: self.step(-1))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("bookDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(self.day.year, self.day.month, self.day.day))
        self.date_edit.dateChanged.connect(self._date_changed)
        self.next = QPushButton(self)
        self.next.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.next.setObjectName("nextDay")
        self.next.clicked.connect(lambda: self.step(1))
        self.today_button = QPushButton(self)
        self.today_button.setObjectName("todayButton")
        self.today_button.clicked.connect(self.go_today)
        self.advisor_box = QComboBox(self)
        self.advisor_box.setObjectName("advisorFilter")
        self.advisor_box.currentIndexChanged.connect(lambda _i: self.refresh())
        bar = QHBoxLayout()
        for widget in (self.mode_box, self.previous, self.date_edit, self.next,
                       self.today_button, self.advisor_box):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.day_model: RowTableModel[SlotLine] = RowTableModel(
            self._day_columns(), self,
            row_key=lambda r: (r.starts_at, r.booking.id if r.booking else None))
        self.day_table = make_table(self.day_model, self, "dayView", stretch=6)
        self.day_table.setSortingEnabled(False)
        self.day_table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.day_table.activated.connect(lambda _i: self._activated())
        self.week_model = WeekModel(ctx, self)
        self.week_table = QTableView(self)
        self.week_table.setObjectName("weekView")
        self.week_table.setModel(self.week_model)
        self.week_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.week_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.week_table.setTabKeyNavigation(False)
        self.week_table.activated.connect(self._week_activated)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.day_table)
        self.views.addWidget(self.week_table)

        self.arrivals_title = QLabel(self)
        self.arrivals_model: RowTableModel[AppointmentRow] = RowTableModel(
            self._arrival_columns(), self, row_key=lambda r: r.id)
        self.arrivals = make_table(self.arrivals_model, self, "todaysArrivals", stretch=4)
        self.arrivals.activated.connect(lambda _i: self._arrival_activated())
        self.arrivals.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.arrivals_title)
        lower_layout.addWidget(self.arrivals)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.views)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.actions: dict[str, QPushButton] = {}  # type: ignore[assignment]  # not QWidget's
        actions = QHBoxLayout()
        for key, slot in (("book", lambda: self._book("inbound")),
                          ("invite", lambda: self._book("outbound")),
                          ("confirm", self.confirm_selected),
                          ("move", self.move_selected),
                          ("arrive", self.arrive_selected),
                          ("no_show", self.no_show_selected),
                          ("cancel", self.cancel_selected)):
            button = QPushButton(self)
            button.setObjectName(f"book_{key}")
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.actions[key] = button
        actions.addStretch(1)
        for table in (self.day_table, self.arrivals):
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(
                lambda pos, t=table: self._context_menu(t, pos))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self.retranslate()

    # -- columns ------------------------------------------------------------------------------

    def _day_columns(self) -> list[Column[SlotLine]]:
        ctx = self.ctx

        def places(line: SlotLine) -> str:
            if not line.first:
                return ""
            free = max(0, line.capacity - line.taken)
            return self.tr("full ({taken}/{capacity})").format(
                taken=line.taken, capacity=line.capacity) if not free else \
                self.tr("{free} of {capacity} free").format(free=free, capacity=line.capacity)

        def booking(line: SlotLine, field: str) -> str:
            return str(getattr(line.booking, field)) if line.booking is not None else ""

        def status_tone(line: SlotLine) -> Tone | None:
            return APPOINTMENT_TONES.get(line.booking.status) if line.booking else None

        return [
            Column(lambda: self.tr("Time"),
                   lambda r: ctx.clock(r.booking.starts_at if r.booking else r.starts_at),
                   chars=5),
            Column(lambda: self.tr("Places"), places,
                   foreground=lambda r: tone_foreground(places_tone(r.taken, r.capacity))
                   if r.first else None,
                   background=lambda r: tone_background(places_tone(r.taken, r.capacity))
                   if r.first else None, chars=11),
            Column(lambda: self.tr("Status"),
                   lambda r: appointment_status_text(r.booking.status, ctx.lang)
                   if r.booking else "", chars=9, fit=True,
                   foreground=lambda r: tone_foreground(t) if (t := status_tone(r)) else None,
                   background=lambda r: tone_background(t) if (t := status_tone(r)) else None),
            Column(lambda: self.tr("Plate"), lambda r: booking(r, "plate"), chars=9),
            Column(lambda: self.tr("Customer"), lambda r: booking(r, "customer"), chars=7,
                   fit=True),
            Column(lambda: self.tr("Phone"), lambda r: phone_text(booking(r, "phone")),
                   chars=12),
            Column(lambda: self.tr("Requested work"), lambda r: booking(r, "requested_work"),
                   free_text=True),
            Column(lambda: self.tr("Advisor"), lambda r: booking(r, "advisor"), chars=8),
            Column(lambda: self.tr("Type"),
                   lambda r: direction_text(r.booking.direction, ctx.lang) if r.booking else "",
                   fit=True),
        ]

    def _arrival_columns(self) -> list[Column[AppointmentRow]]:
        ctx = self.ctx
        return [
            Column(lambda: self.tr("Time"), lambda r: ctx.clock(r.starts_at),
                   sort_key=lambda r: r.starts_at, chars=5),
            Column(lambda: self.tr("Status"),
                   lambda r: appointment_status_text(r.status, ctx.lang),
                   foreground=lambda r: tone_foreground(APPOINTMENT_TONES[r.status]),
                   background=lambda r: tone_background(APPOINTMENT_TONES[r.status]),
                   chars=9, fit=True),
            Column(lambda: self.tr("Plate"), lambda r: r.plate, chars=9),
            Column(lambda: self.tr("Customer"), lambda r: r.customer, chars=7, fit=True),
            Column(lambda: self.tr("Requested work"), lambda r: r.requested_work,
                   free_text=True),
            Column(lambda: self.tr("Advisor"), lambda r: r.advisor, chars=8),
        ]

    # -- reading ------------------------------------------------------------------------------

    def advisor_filter(self) -> int | None:
        """The advisor whose book is shown (None: the whole front desk)."""
        data = self.advisor_box.currentData()
        return int(data) if data else None

    def refresh(self) -> None:
        """Read the shown day or week, and today's arrivals, again."""
        actor, advisor, day, mode = self.ctx.actor, self.advisor_filter(), self.day, self.mode
        today = self.ctx.today()
        monday = day - timedelta(days=day.weekday())

        def read(s: Any) -> tuple[str, Any, list]:
            shown = (day_view(s, actor, day, advisor_id=advisor) if mode == "day"
                     else week_view(s, actor, monday, advisor_id=advisor))
            return mode, shown, todays_arrivals(s, actor, today)

        self._reader.request(read)

    def _answered(self, answer: tuple[str, Any, list]) -> None:
        mode, shown, arrivals = answer
        if mode == "day":
            current = selected_row(self.day_table)
            self.day_model.set_rows(slot_lines(shown))
            self._learn_advisors(b for s in shown.slots for b in s.bookings)
            self._reselect(current)
        else:
            self.week_model.set_days(shown)
            self._learn_advisors(b for d in shown for s in d.slots for b in s.bookings)
        self.arrivals_model.set_rows(arrivals)
        self._learn_advisors(arrivals)
        self.arrivals_title.setText(self.tr("Today's arrivals ({n})").format(n=len(arrivals)))
        self._enable()

    def _advisors_read(self, advisors: dict[int, str]) -> None:
        self.advisors.update(advisors)
        self._fill_advisors()

    def _learn_advisors(self, rows: Any) -> None:
        """Advisors seen in the book become choices of the filter."""
        added = False
        for row in rows:
            if row.advisor_id is not None and row.advisor_id not in self.advisors:
                self.advisors[row.advisor_id] = row.advisor
                added = True
        if added or self.advisor_box.count() == 0:
            self._fill_advisors()

    def _fill_advisors(self) -> None:
        chosen = self.advisor_box.currentData()
        self.advisor_box.blockSignals(True)
        self.advisor_box.clear()
        self.advisor_box.addItem(self.tr("All advisors"), 0)
        self.advisor_box.addItem(self.tr("My bookings"), self.ctx.actor.user_id)
        for advisor_id, name in sorted(self.advisors.items(), key=lambda x: x[1]):
            if advisor_id != self.ctx.actor.user_id:
                self.advisor_box.addItem(name, advisor_id)
        if chosen is None:  # at first: an advisor sees their own book, others the desk's
            chosen = self.ctx.actor.user_id if self.ctx.actor.can("orders.edit") else 0
        self.advisor_box.setCurrentIndex(max(0, self.advisor_box.findData(chosen)))
        self.advisor_box.blockSignals(False)

    def _reselect(self, previous: SlotLine | None) -> None:
        if previous is None or previous.booking is None:
            return
        for row, line in enumerate(self.day_model.rows):
            if line.booking is not None and line.booking.id == previous.booking.id:
                self.day_table.selectRow(row)
                return

    # -- navigation ---------------------------------------------------------------------------

    def set_day(self, day: date) -> None:
        """Show ``day`` (its week in the week view)."""
        self.day = day
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.refresh()

    def step(self, direction: int) -> None:
        """The previous or next day (week in the week view)."""
        self.set_day(self.day + timedelta(days=direction * (7 if self.mode == "week" else 1)))

    def go_today(self) -> None:
        """Back to today."""
        self.set_day(self.ctx.today())

    def show_mode(self, mode: str) -> None:
        """``day`` or ``week``."""
        self.mode_box.setCurrentIndex(max(0, self.mode_box.findData(mode)))

    def _mode_changed(self, _index: int) -> None:
        self.mode = str(self.mode_box.currentData())
        self.views.setCurrentIndex(0 if self.mode == "day" else 1)
        self.refresh()

    def _date_changed(self, value: QDate) -> None:
        self.day = date(value.year(), value.month(), value.day())
        self.refresh()

    def _week_activated(self, index: QModelIndex) -> None:
        if not index.isValid() or not self.week_model.days:
            return
        slot = self.week_model.days[index.column()].slots[index.row()]
        self.show_mode("day")
        self.set_day(self.week_model.days[index.column()].day)
        for row, line in enumerate(self.day_model.rows):
            if line.starts_at == slot.starts_at:
                self.day_table.selectRow(row)
                break
        self.day_table.setFocus()

    # -- actions ------------------------------------------------------------------------------

    def selected_booking(self) -> AppointmentRow | None:
        """The booking highlighted in the day view, else in today's arrivals."""
        focus_arrivals = self.arrivals.hasFocus()
        arrival = selected_row(self.arrivals)
        if focus_arrivals and arrival is not None:
            return arrival
        line = selected_row(self.day_table) if self.mode == "day" else None
        if line is not None and line.booking is not None:
            return line.booking
        return arrival if self.mode == "week" or line is None else None

    def selected_start(self) -> datetime | None:
        """The hour highlighted in the day view (for a new booking)."""
        line = selected_row(self.day_table) if self.mode == "day" else None
        return line.starts_at if line is not None else None

    def _enable(self) -> None:
        booking = self.selected_booking()
        expected = booking is not None and booking.status in EXPECTED
        can = self.ctx.actor.can("appointments.edit")
        self.actions["book"].setEnabled(can)
        self.actions["invite"].setEnabled(can)
        self.actions["confirm"].setEnabled(can and booking is not None
                                           and booking.status == "booked")
        self.actions["arrive"].setEnabled(can and expected
                                          and self.ctx.actor.can("orders.edit"))
        self.actions["move"].setEnabled(can and expected)
        self.actions["no_show"].setEnabled(can and expected)
        self.actions["cancel"].setEnabled(can and expected)

    def _context_menu(self, table: QTableView, pos: QPoint) -> None:
        """Right-click: the actions of the buttons, for the row clicked."""
        index = table.indexAt(pos)
        if index.isValid():
            table.selectRow(index.row())
            table.setFocus()
        self._enable()
        menu = QMenu(self)
        for button in self.actions.values():
            if button.isEnabled():
                menu.addAction(button.text().replace("&", ""), button.click)
        menu.popup(table.viewport().mapToGlobal(pos))

    def _activated(self) -> None:
        line = selected_row(self.day_table)
        if line is None:
            return
        if line.booking is None:
            self._book("inbound")
        elif line.booking.status in EXPECTED:
            self.arrive_requested.emit(line.booking)

    def _arrival_activated(self) -> None:
        row = selected_row(self.arrivals)
        if row is not None and row.status in EXPECTED:
            self.arrive_requested.emit(row)

    def _book(self, direction: str) -> None:
        self.book_requested.emit(self.selected_start(), direction)

    def _change(self, fn: Any) -> None:
        booking = self.selected_booking()
        if booking is None:
            return
        actor = self.ctx.actor
        self.ctx.run(lambda s: fn(s, actor, booking).id, on_done=lambda _id: self.refresh(),
                     parent=self)

    def confirm_selected(self) -> None:
        """The customer confirmed the booking."""
        self._change(lambda s, a, b: confirm(s, a, b.id, expected_version=b.version))

    def move_selected(self) -> None:
        """Move the booking to another time (the reception page opens the dialog)."""
        booking = self.selected_booking()
        if booking is not None and booking.status in EXPECTED:
            self.move_requested.emit(booking)

    def no_show_selected(self) -> None:
        """The customer did not come."""
        self._change(lambda s, a, b: mark_no_show(s, a, b.id, expected_version=b.version))

    def cancel_selected(self) -> None:
        """Cancel the booking, with the reason."""
        booking = self.selected_booking()
        if booking is None:
            return
        reason = self.ask_cancel_reason(booking)
        if reason is None:
            return
        self._change(lambda s, a, b: cancel(s, a, b.id, reason=reason,
                                            expected_version=b.version))

    def ask_cancel_reason(self, booking: AppointmentRow) -> str | None:
        """Ask why the booking is cancelled (None: the user backed out)."""
        text, ok = QInputDialog.getText(
            self, self.tr("Cancel appointment"),
            self.tr("Why is the appointment of {plate} cancelled?").format(
                plate=booking.plate or booking.customer))
        return text if ok else None

    def arrive_selected(self) -> None:
        """The customer is here: check the car in with the booking's data."""
        booking = self.selected_booking()
        if booking is not None and booking.status in EXPECTED:
            self.arrive_requested.emit(booking)

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.mode_box.setItemText(0, self.tr("Day"))
        self.mode_box.setItemText(1, self.tr("Week"))
        self.previous.setToolTip(self.tr("Previous day or week"))
        self.next.setToolTip(self.tr("Next day or week"))
        self.today_button.setText(self.tr("Today"))
        texts = {"book": self.tr("Book… (F6)"), "invite": self.tr("Invite…"),
                 "confirm": self.tr("Customer confirmed"), "move": self.tr("Move…"),
                 "arrive": self.tr("Arrived: check in"),
                 "no_show": self.tr("No-show"), "cancel": self.tr("Cancel booking…")}
        for key, text in texts.items():
            self.actions[key].setText(text)
        self._fill_advisors()
        self.day_model.retranslate()
        self.arrivals_model.retranslate()
        self.week_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                               max(0, self.week_model.columnCount() - 1))
        self.arrivals_title.setText(self.tr("Today's arrivals ({n})").format(
            n=self.arrivals_model.rowCount()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
