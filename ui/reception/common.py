"""What every part of the reception screen shares: the context, status tones and formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.appointments.service import direction_label
from app.appointments.service import status_label as appointment_status_label
from app.clock import now
from app.errors import DomainError
from app.formatting import grouped, local_clock, local_date, local_datetime
from app.i18n import translate
from app.orders.status import is_late
from app.orders.workflow import status_label
from app.security.actor import Actor
from db.engine import Database
from ui.dialogs import show_domain_error, show_unexpected_error
from ui.i18n import current_language
from ui.latest_read import read_later
from ui.logging_setup import log_exception
from ui.operations import OperationTask, read_data, run_operation
from ui.palette import Tone
from ui.palette import order_tone as palette_order_tone
from ui.shop_facts import facts

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
        return cls(database, actor, facts(database).zone)

    @property
    def lang(self) -> str:
        """The UI language now (it can change while the screen is open)."""
        return current_language()

    def read_then(self, fn: Callable[[Session], T], on_answer: Callable[[T], None],
                  on_error: Callable[[DomainError], None] | None = None) -> None:
        """Read ``fn`` off the GUI thread, then ``on_answer(value)`` on it; a DomainError goes
        to ``on_error`` (or a message box), anything else to the log and a short dialog."""
        def failed(error: BaseException) -> None:
            if isinstance(error, DomainError):
                if on_error is not None:
                    on_error(error)
                else:
                    show_domain_error(None, error, self.lang)
            else:
                log_exception(error, "background read")
                show_unexpected_error(None, error)

        read_later(self.database, fn, on_answer, failed)

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
        return local_datetime(moment, self.zone)

    def day(self, moment: datetime | None) -> str:
        """``2026-03-05`` in shop time; '' for None."""
        return local_date(moment, self.zone)

    def when(self, moment: datetime | None) -> str:
        """``14:30`` today, ``03-05 14:30`` on another day (shop time); '' for None."""
        local = self.local(moment)
        if local is None:
            return ""
        return local.strftime("%H:%M" if local.date() == self.today() else "%m-%d %H:%M")

    def clock(self, moment: datetime | None) -> str:
        """``14:30`` in shop time; '' for None."""
        return local_clock(moment, self.zone)


# -- status tones: one palette (ui/palette.py) ------------------------------------------------


def order_tone(status: str, promised_at: datetime | None = None) -> Tone:
    """The tone of an order: red when its promised time has passed and it is not done."""
    return palette_order_tone(status, is_late(status, promised_at, now()))


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


def kilometres(value: int | None) -> str:
    """``45,210 km``; '' for None."""
    return "" if value is None else QCoreApplication.translate(
        "Reception", "{km} km").format(km=grouped(value))


def field_problem(error: DomainError, lang: str | None = None) -> str:
    """What is wrong, without the field name in front (it is shown next to the field)."""
    lang = lang or current_language()
    params: dict[str, Any] = error._translated_params(lang)
    return translate(error.msgid, lang, **params)
