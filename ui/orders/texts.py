"""Words of the order editor: payers, job states, approval methods, order statuses.

Every text goes through Qt's translator (context ``OrderTexts``); order statuses use the
domain's own msgids (``app.orders.workflow.status_label``) translated by ``app.i18n``.
Colours come from ui/palette.py, numbers and times from app/formatting.py (a few re-exported
here for the editor's modules).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# re-exported for the editor and its dialogs: the shared formats
from app.formatting import local_datetime as local_time  # noqa: F401
from app.formatting import money, percent, quantity  # noqa: F401
from app.i18n import translate
from app.orders.workflow import status_label
from db.enums import ApprovalMethod, JobStatus, OrderStatus, Payer

PAYERS: tuple[str, ...] = tuple(p.value for p in Payer)
APPROVAL_METHODS: tuple[str, ...] = tuple(m.value for m in ApprovalMethod)


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
