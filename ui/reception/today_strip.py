"""The "today" strip: appointments due, cars in the workshop, ready for pick-up, lounge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QToolButton, QWidget

from app.appointments.rows import AppointmentRow
from app.clock import now
from app.orders.lookup import OrderRow
from app.orders.status import is_late
from app.reception.today import MINE, SCOPES, SHOP, TodayStrip, default_scope, today_strip
from ui.latest_read import Refresh
from ui.palette import TONE_COLOURS, Tone
from ui.reception.common import Context, order_status_text

BUCKETS = ("appointments_due", "in_workshop", "ready_for_pickup", "waiting_in_lounge")
BUCKET_TONES = {"appointments_due": Tone.WAITING, "in_workshop": Tone.PROGRESS,
                "ready_for_pickup": Tone.DONE, "waiting_in_lounge": Tone.ATTENTION}
MENU_LIMIT = 60


class TodayStripBar(QWidget):
    """Four buttons, each a count that drops down its list; choosing an entry opens it."""

    appointment_chosen = Signal(object)  # AppointmentRow
    order_chosen = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("todayStrip")
        self.strip = TodayStrip([], [], [], [], default_scope(ctx.actor))
        self._reader = Refresh(ctx.database, self._answered, self)
        self.buttons: dict[str, QToolButton] = {}
        self.menus: dict[str, QMenu] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scope = QComboBox(self)
        self.scope.setObjectName("todayScope")
        # its items are worded later (retranslate): it follows their width, in any language
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code in SCOPES:
            self.scope.addItem("", code)
        self.scope.setCurrentIndex(SCOPES.index(default_scope(ctx.actor)))
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        layout.addWidget(self.scope)
        for key in BUCKETS:
            button = QToolButton(self)
            button.setObjectName(f"today_{key}")
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(button)
            menu.setObjectName(f"todayMenu_{key}")
            button.setMenu(menu)
            fg, bg = TONE_COLOURS[BUCKET_TONES[key]]
            button.setStyleSheet(
                f"QToolButton {{ color: {fg}; background: {bg}; border: 1px solid {fg};"
                " border-radius: 4px; padding: 4px 10px; font-weight: bold; }"
                " QToolButton:focus { border-width: 2px; }"
                " QToolButton::menu-indicator { subcontrol-position: right center; }")
            layout.addWidget(button)
            self.buttons[key], self.menus[key] = button, menu
        layout.addStretch(1)

    def refresh(self) -> None:
        """Read today's figures again."""
        day, actor, scope = self.ctx.today(), self.ctx.actor, self.chosen_scope()
        if actor.can("orders.view"):
            self._reader.request(lambda s: today_strip(s, actor, day, scope))
        else:
            self.retranslate()

    def _answered(self, strip: TodayStrip) -> None:
        self.strip = strip
        self.retranslate()

    def chosen_scope(self) -> str:
        """Whose day the strip shows: ``MINE`` or ``SHOP`` (app.reception.today)."""
        return str(self.scope.currentData())

    def count(self, key: str) -> int:
        """How many entries bucket ``key`` holds."""
        return len(getattr(self.strip, key))

    def retranslate(self) -> None:
        """Texts in the current language."""
        titles = {"appointments_due": self.tr("Appointments due: {n}"),
                  "in_workshop": self.tr("In the workshop: {n}"),
                  "ready_for_pickup": self.tr("Ready for pick-up: {n}"),
                  "waiting_in_lounge": self.tr("Waiting in the lounge: {n}")}
        self.scope.setItemText(SCOPES.index(MINE), self.tr("Mine"))
        self.scope.setItemText(SCOPES.index(SHOP), self.tr("Whole shop"))
        self.scope.setToolTip(self.tr("Whose bookings and cars the counts are: yours (and "
                                      "bookings of nobody yet) or every advisor's"))
        mine = self.strip.scope == MINE
        tips = {"appointments_due": self.tr("Today's bookings not checked in yet"),
                "in_workshop": (self.tr("Your orders being worked on") if mine
                                else self.tr("Every advisor's orders being worked on")),
                "ready_for_pickup": self.tr("Finished cars to hand over"),
                "waiting_in_lounge": self.tr("Customers waiting on site for their car")}
        for number, key in enumerate(BUCKETS, 1):
            self.buttons[key].setText(titles[key].format(n=self.count(key)))
            self.buttons[key].setToolTip(f"{tips[key]} (Alt+{number})")
            self._fill_menu(key)

    def open_list(self, number: int) -> None:
        """Drop down list ``number`` (1–4, Alt+1 … Alt+4) for the keyboard."""
        if 1 <= number <= len(BUCKETS):
            button = self.buttons[BUCKETS[number - 1]]
            button.setFocus()
            button.showMenu()

    def _fill_menu(self, key: str) -> None:
        menu = self.menus[key]
        menu.clear()
        rows = getattr(self.strip, key)
        if not rows:
            menu.addAction(self.tr("Nothing here")).setEnabled(False)
            return
        for row in rows[:MENU_LIMIT]:
            if isinstance(row, AppointmentRow):
                text = " · ".join(x for x in (self.ctx.clock(row.starts_at), row.plate,
                                              row.customer, row.requested_work) if x)
                action = menu.addAction(text)
                action.triggered.connect(
                    lambda _checked=False, r=row: self.appointment_chosen.emit(r))
            elif isinstance(row, OrderRow):
                late = is_late(row.status, row.promised_at, now())
                promised = self.ctx.when(row.promised_at)
                text = " · ".join(x for x in (
                    row.number, row.plate, row.customer,
                    order_status_text(row.status, self.ctx.lang),
                    (self.tr("late, promised {time}") if late else self.tr("promised {time}"))
                    .format(time=promised) if promised else "") if x)
                action = menu.addAction(text)
                action.triggered.connect(
                    lambda _checked=False, i=row.id: self.order_chosen.emit(i))
        if len(rows) > MENU_LIMIT:
            menu.addAction(self.tr("… and {n} more").format(
                n=len(rows) - MENU_LIMIT)).setEnabled(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
