"""What every part of the reception screen shares: the context, status tones and formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from app.appointments.service import direction_label
from app.appointments.service import status_label as appointment_status_label
from app.clock import now
from app.errors import DomainError
from app.i18n import translate
from app.orders.workflow import status_label
from app.security.actor import Actor
from app.shop import shop_zone
from app.validation.phones import national_format
from db.engine import Database
from ui.i18n import current_language
from ui.operations import OperationTask, read_data, run_operation

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL

T = TypeVar("T")
@dataclass
class Context:
    """The database, the signed-in advisor and the shop's time zone, handed to every widget."""

    database: Database
    actor: Actor
    zone: ZoneInfo

    @classmethod
    def create(cls, database: Database, actor: Actor) -> Context:
        """A context with the shop's time zone read from its profile."""
        return cls(database, actor, read_data(database, shop_zone))

    @property
    def lang(self) -> str:
        """The UI language now (it can change while the screen is open)."""
        return current_language()

    def read(self, fn: Callable[[Session], T]) -> T:
        """A read-only query (``fn`` must return plain data)."""
        return read_data(self.database, fn)

    def run(self, fn: Callable[[Session], T], *,
            on_done: Callable[[T], None] | None = None,
            on_error: Callable[[DomainError], None] | None = None,
            parent: QWidget | None = None, control: QWidget | None = None) -> OperationTask:
        """One operation in the background (see ``ui.operations.run_operation``)."""
        return run_operation(self.database, fn, on_done=on_done, on_error=on_error,
                             parent=parent, lang=self.lang, control=control,
                             actor_id=self.actor.user_id)

    def local(self, moment: datetime | None) -> datetime | None:
        """``moment`` in the shop's time zone."""
        return moment.astimezone(self.zone) if moment is not None else None

    def today(self) -> date:
        """Today's date in the shop."""
        return now().astimezone(self.zone).date()

    def date_time(self, moment: datetime | None) -> str:
        """``2026-03-05 14:30`` in shop time; '' for None."""
        local = self.local(moment)
        return local.strftime("%Y-%m-%d %H:%M") if local else ""

    def day(self, moment: datetime | None) -> str:
        """``2026-03-05`` in shop time; '' for None."""
        local = self.local(moment)
        return local.strftime("%Y-%m-%d") if local else ""

    def when(self, moment: datetime | None) -> str:
        """``14:30`` today, ``03-05 14:30`` on another day (shop time); '' for None."""
        local = self.local(moment)
        if local is None:
            return ""
        return local.strftime("%H:%M" if local.date() == self.today() else "%m-%d %H:%M")

    def clock(self, moment: datetime | None) -> str:
        """``14:30`` in shop time; '' for None."""
        local = self.local(moment)
        return local.strftime("%H:%M") if local else ""


# -- status tones: the same colours everywhere, always together with a text --------------------


class Tone(StrEnum):
    """The shop-wide status colours (screens guide): colour plus text, never colour alone."""

    WAITING = "waiting"  # grey
    PROGRESS = "progress"  # blue
    ATTENTION = "attention"  # amber: waiting for parts / approval
    LATE = "late"  # red
    DONE = "done"  # green


TONE_COLOURS: dict[Tone, tuple[str, str]] = {  # text, background
    Tone.WAITING: ("#424242", "#eeeeee"),
    Tone.PROGRESS: ("#0d47a1", "#dbeafe"),
    Tone.ATTENTION: ("#6d4c00", "#ffe7a3"),
    Tone.LATE: ("#b71c1c", "#ffd6d6"),
    Tone.DONE: ("#1b5e20", "#d4edda"),
}

ORDER_TONES: dict[str, Tone] = {
    "draft": Tone.WAITING, "open": Tone.WAITING, "estimated": Tone.WAITING,
    "approved": Tone.WAITING, "in_progress": Tone.PROGRESS, "qc": Tone.PROGRESS,
    "waiting": Tone.ATTENTION, "completed": Tone.DONE, "invoiced": Tone.DONE,
    "delivered": Tone.DONE, "closed": Tone.DONE, "cancelled": Tone.WAITING,
}
FINISHED = frozenset({"completed", "invoiced", "delivered", "closed", "cancelled"})

APPOINTMENT_TONES: dict[str, Tone] = {
    "booked": Tone.WAITING, "confirmed": Tone.PROGRESS, "arrived": Tone.DONE,
    "no_show": Tone.LATE, "cancelled": Tone.WAITING,
}


def tone_foreground(tone: Tone) -> QColor:
    """The text colour of ``tone``."""
    return QColor(TONE_COLOURS[tone][0])


def tone_background(tone: Tone) -> QColor:
    """The background colour of ``tone``."""
    return QColor(TONE_COLOURS[tone][1])


def tone_style(tone: Tone) -> str:
    """A style sheet fragment painting a label in ``tone``."""
    fg, bg = TONE_COLOURS[tone]
    return f"color: {fg}; background: {bg}; border-radius: 3px; padding: 1px 6px;"


def order_tone(status: str, promised_at: datetime | None = None) -> Tone:
    """The tone of an order: red when its promised time has passed and it is not done."""
    if promised_at is not None and status not in FINISHED and promised_at < now():
        return Tone.LATE
    return ORDER_TONES.get(status, Tone.WAITING)


def order_status_text(status: str, lang: str | None = None) -> str:
    """The order status in the user's language (the domain's own label)."""
    try:
        return translate(status_label(status), lang or current_language())
    except ValueError:
        return status


def appointment_status_text(status: str, lang: str | None = None) -> str:
    """An appointment status in the user's language (the domain's own label)."""
    try:
        return translate(appointment_status_label(status), lang or current_language())
    except ValueError:
        return status


def direction_text(direction: str, lang: str | None = None) -> str:
    """The customer's booking or our invitation, in the user's language."""
    try:
        return translate(direction_label(direction), lang or current_language())
    except ValueError:
        return direction


def phone_text(number: str) -> str:
    """A stored phone as people read it (``138 1234 5678``); masked numbers stay as they are."""
    return national_format(number) if number.startswith("+") else number


def money(value: Decimal | None) -> str:
    """``1,234.50``; '' for None."""
    return "" if value is None else f"{value:,.2f}"


def kilometres(value: int | None) -> str:
    """``45,210 km``; '' for None."""
    return "" if value is None else QCoreApplication.translate(
        "Reception", "{km} km").format(km=f"{value:,}")


def field_problem(error: DomainError, lang: str | None = None) -> str:
    """What is wrong, without the field name in front (it is shown next to the field)."""
    lang = lang or current_language()
    params: dict[str, Any] = error._translated_params(lang)
    return translate(error.msgid, lang, **params)
