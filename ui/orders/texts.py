"""Words and colours of the order editor: payers, job states, approval methods, status colours.

Every text goes through Qt's translator (context ``OrderTexts``); order statuses use the
domain's own msgids (``app.orders.workflow.status_label``) translated by ``app.i18n``.
Status colours are the same on every screen and always come with text (colour-blind safe):
waiting grey, in progress blue, waiting for parts/approval amber, late red, done green.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app.i18n import translate
from app.orders.workflow import status_label
from db.enums import ApprovalMethod, JobStatus, OrderStatus, Payer

# (text, background) — the shop-wide palette, identical to the reception screen's tones.
GREY = ("#424242", "#eeeeee")
BLUE = ("#0d47a1", "#dbeafe")
AMBER = ("#6d4c00", "#ffe7a3")
RED = ("#b71c1c", "#ffd6d6")
GREEN = ("#1b5e20", "#d4edda")

PAYERS: tuple[str, ...] = tuple(p.value for p in Payer)
APPROVAL_METHODS: tuple[str, ...] = tuple(m.value for m in ApprovalMethod)
DONE_STATUSES = frozenset({OrderStatus.COMPLETED, OrderStatus.INVOICED, OrderStatus.DELIVERED,
                           OrderStatus.CLOSED})
_BLUE_STATUSES = frozenset({OrderStatus.IN_PROGRESS, OrderStatus.QC})



def payer_name(code: str) -> str:
    """Who pays a line, in the UI language."""
    names = {
        Payer.CUSTOMER: QCoreApplication.translate("OrderTexts", "Customer"),
        Payer.INSURER: QCoreApplication.translate("OrderTexts", "Insurer"),
        Payer.WARRANTY: QCoreApplication.translate("OrderTexts", "Warranty"),
        Payer.INTERNAL: QCoreApplication.translate("OrderTexts", "Internal"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def method_name(code: str) -> str:
    """How the customer agreed to additional work."""
    names = {
        ApprovalMethod.IN_PERSON: QCoreApplication.translate("OrderTexts", "In person"),
        ApprovalMethod.PHONE: QCoreApplication.translate("OrderTexts", "By phone"),
        ApprovalMethod.MESSAGE: QCoreApplication.translate("OrderTexts",
                                                           "By message (WeChat/SMS)"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def job_status_name(code: str) -> str:
    """A job's state in the workshop."""
    names = {
        JobStatus.PENDING: pending_text(),
        JobStatus.OPEN: QCoreApplication.translate("OrderTexts", "Not dispatched"),
        JobStatus.DISPATCHED: QCoreApplication.translate("OrderTexts", "Dispatched"),
        JobStatus.IN_PROGRESS: QCoreApplication.translate("OrderTexts", "Being worked on"),
        JobStatus.WAITING: QCoreApplication.translate("OrderTexts", "Waiting"),
        JobStatus.DONE: QCoreApplication.translate("OrderTexts", "Done"),
        JobStatus.QC_PASSED: QCoreApplication.translate("OrderTexts", "Passed inspection"),
        JobStatus.CANCELLED: QCoreApplication.translate("OrderTexts", "Cancelled"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def pending_text() -> str:
    """What an unapproved additional line shows."""
    return QCoreApplication.translate("OrderTexts", "Awaiting customer approval")


def wait_reason_name(code: str | None) -> str:
    """What a waiting order waits for ('' when none)."""
    names = {"parts": QCoreApplication.translate("OrderTexts", "parts"),
             "approval": QCoreApplication.translate("OrderTexts", "customer approval"),
             "sublet": QCoreApplication.translate("OrderTexts", "sublet work")}
    return names.get(code or "", "")


def status_text(status: str, lang: str, wait_reason: str | None = None,
                late: bool = False) -> str:
    """The order status as words, with what it waits for and whether it is late."""
    text = translate(status_label(status), lang)
    reason = wait_reason_name(wait_reason) if status == OrderStatus.WAITING else ""
    if reason:
        text = QCoreApplication.translate("OrderTexts", "{status}: {reason}").format(
            status=text, reason=reason)
    if late:
        text = QCoreApplication.translate("OrderTexts", "{status} · late").format(status=text)
    return text


def status_colour(status: str, late: bool = False) -> tuple[str, str]:
    """The (text, background) colours of a status badge (late beats all but done)."""
    state = OrderStatus(status)
    if state in DONE_STATUSES:
        return GREEN
    if late:
        return RED
    if state in _BLUE_STATUSES:
        return BLUE
    if state is OrderStatus.WAITING:
        return AMBER
    return GREY


def is_late(status: str, promised_at: datetime | None, at: datetime) -> bool:
    """True when the promised time has passed and the car is not ready yet."""
    if promised_at is None:
        return False
    state = OrderStatus(status)
    if state in DONE_STATUSES or state is OrderStatus.CANCELLED:
        return False
    return promised_at < at


def money(value: Decimal | None) -> str:
    """An amount with two decimals and thousands separators ('' for None)."""
    return "" if value is None else f"{value:,.2f}"


def quantity(value: Decimal | None) -> str:
    """A quantity without trailing zeros (3 decimals at most)."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def percent(fraction: Decimal) -> str:
    """A discount fraction as a percentage ('' when there is none)."""
    if not fraction:
        return ""
    return f"{quantity((fraction * 100).quantize(Decimal('0.01')))}%"


def local_time(at: datetime | None, zone: tzinfo | None) -> str:
    """An aware time in the shop's zone as ``YYYY-MM-DD HH:MM`` ('—' for None)."""
    if at is None:
        return "—"
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
