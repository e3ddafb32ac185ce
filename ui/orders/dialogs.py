"""The order editor's dialogs: manager approval of a discount, a reason, the customer's consent
to additional work, dispatch, and editing one line.

Short questions (``ask_manager_approval``, ``ask_consent``, ``ask_reason``, ``confirm``) are
synchronous module functions so that tests can replace them. The bigger dialogs are opened
window-modal and hand what was typed to their ``submit`` callback, which starts ONE operation;
they close when the editor calls ``saved()`` after it succeeded and stay open otherwise (nothing
typed is lost). The lines they show are the order view's own ``ViewLine`` records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import now
from app.errors import DomainError
from app.orders.lines import CustomerConsent
from app.orders.reads import Choice
from app.orders.view import ViewLine
from app.security.actor import Actor
from app.security.lockout import AccountLocked
from app.security.users import SignInResult, sign_in
from db.engine import Database
from db.enums import LineType
from ui.operations import run_operation
from ui.orders.texts import (
    APPROVAL_METHODS,
    PAYERS,
    local_time,
    method_name,
    money,
    payer_name,
    percent,
    quantity,
)
from ui.widgets import ERROR_COLOUR

DISCOUNT_ANY = "orders.discount_any"


def _message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("message")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("OrderDialogs", "Cancel"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


# -- manager approval of a discount --------------------------------------------------------------


class ManagerApprovalDialog(QDialog):
    """A manager types their user name and password to approve a discount above the limit."""

    def __init__(self, database: Database, lang: str, discount: Decimal, limit: Decimal,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerApprovalDialog")
        self.database = database
        self.lang = lang
        self.approver: Actor | None = None
        self.setWindowTitle(self.tr("Manager approval"))
        explanation = QLabel(self.tr(
            "A discount of {discount} is above your limit of {limit}. A manager must "
            "approve it with their user name and password.").format(
                discount=percent(discount) or "0%", limit=percent(limit) or "0%"), self)
        explanation.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("managerUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("managerPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = _message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Manager's user name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = _buttons(self, self.tr("Approve"))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._refuse(self.tr("Enter the manager's user name and password."))
            return
        run_operation(self.database, lambda s: sign_in(s, username, password),
                      on_done=self._signed_in,
                      on_error=lambda e: self._refuse(e.message(self.lang)),
                      parent=self, lang=self.lang)

    def _signed_in(self, result: SignInResult) -> None:
        actor = result.actor
        if actor is None:
            if isinstance(result.error, AccountLocked):  # too many tries: for how long
                self._refuse(result.error.message(self.lang))
                return
            self._refuse(self.tr("Wrong user name or password."))
            return
        if not actor.can(DISCOUNT_ANY):
            self._refuse(self.tr("{name} may not approve discounts above the limit.").format(
                name=actor.full_name))
            return
        self.approver = actor
        super().accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.password.clear()
        self.password.setFocus()


def ask_manager_approval(parent: QWidget | None, database: Database, lang: str,
                         discount: Decimal, limit: Decimal) -> Actor | None:
    """The manager who approved ``discount`` (signed in here), or None when cancelled."""
    dialog = ManagerApprovalDialog(database, lang, discount, limit, parent)
    dialog.exec()
    return dialog.approver


# -- a reason, a yes/no question ---------------------------------------------------------------


class ReasonDialog(QDialog):
    """Asks why (removing a signed line, cancelling an order); OK only with a reason."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.buttons = _buttons(self, self.tr("OK"))
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.reason.toPlainText().strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def text(self) -> str:
        """The reason typed in, trimmed."""
        return self.reason.toPlainText().strip()


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """The reason given, or None when the user backed out."""
    dialog = ReasonDialog(title, prompt, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.text():
        return None
    return dialog.text()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question; True for Yes."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


# -- the customer's consent to additional work ---------------------------------------------------


@dataclass(frozen=True)
class ApprovalInput:
    """What the advisor recorded about the customer's consent."""

    items: tuple[ViewLine, ...]
    approved_by: str
    method: str
    extra_minutes: int
    notes: str


class CustomerApprovalDialog(QDialog):
    """Pick the pending items the customer agreed to, who agreed, how and the extra time."""

    def __init__(self, items: Sequence[ViewLine], customer_name: str, zone: tzinfo | None,
                 submit: Callable[[ApprovalInput], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerApprovalDialog")
        self.items = list(items)
        self._submit = submit
        self.setWindowTitle(self.tr("Record customer approval"))
        self.table = QTableWidget(len(self.items), 2, self)
        self.table.setObjectName("pendingItems")
        self.table.setHorizontalHeaderLabels([self.tr("Additional work"), self.tr("Amount")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, item in enumerate(self.items):
            cell = QTableWidgetItem(item.description)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            cell.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, cell)
            amount = QTableWidgetItem(money(item.gross))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, amount)
        self.table.itemChanged.connect(lambda _item: self._update_amount())
        self.table.setMinimumHeight(120)
        self.approved_by = QLineEdit(customer_name, self)
        self.approved_by.setObjectName("approvedBy")
        self.method = QComboBox(self)
        self.method.setObjectName("method")
        for code in APPROVAL_METHODS:
            self.method.addItem(method_name(code), code)
        self.when = QLabel(local_time(now(), zone), self)
        self.amount = QLabel(self)
        self.amount.setObjectName("approvalAmount")
        font = self.amount.font()
        font.setBold(True)
        self.amount.setFont(font)
        self.extra_minutes = QSpinBox(self)
        self.extra_minutes.setObjectName("extraMinutes")
        self.extra_minutes.setRange(0, 10000)
        self.extra_minutes.setSingleStep(15)
        self.extra_minutes.setSuffix(self.tr(" min"))
        self.notes = QLineEdit(self)
        self.notes.setObjectName("approvalNotes")
        self.message = _message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Who agreed"), self.approved_by)
        form.addRow(self.tr("How"), self.method)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Amount agreed"), self.amount)
        form.addRow(self.tr("Extra time"), self.extra_minutes)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = _buttons(self, self.tr("Record approval"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Tick the items the customer agreed to:"), self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumSize(520, 420)
        self._update_amount()

    def chosen(self) -> tuple[ViewLine, ...]:
        """The items ticked."""
        return tuple(item for row, item in enumerate(self.items)
                     if (box := self.table.item(row, 0)) is not None
                     and box.checkState() == Qt.CheckState.Checked)

    def _update_amount(self) -> None:
        total = sum((item.gross for item in self.chosen()), Decimal("0.00"))
        self.amount.setText(money(total))

    def values(self) -> ApprovalInput:
        """What the form says now."""
        return ApprovalInput(items=self.chosen(), approved_by=self.approved_by.text().strip(),
                             method=str(self.method.currentData()),
                             extra_minutes=self.extra_minutes.value(),
                             notes=self.notes.text().strip())

    def show_error(self, text: str) -> None:
        """Say why it was not saved; the form stays as typed."""
        self.message.setText(text)
        self.message.show()

    def accept(self) -> None:
        if not self.chosen():
            self.show_error(self.tr("Tick at least one item."))
            return
        if not self.approved_by.text().strip():
            self.show_error(self.tr("Enter who agreed."))
            self.approved_by.setFocus()
            return
        self._submit(self.values())

    def saved(self) -> None:
        """The approval was recorded: close."""
        super().accept()


# -- dispatch ----------------------------------------------------------------------------------


class DispatchDialog(QDialog):
    """Choose a technician (and bay) per job; the ticked jobs are dispatched together.

    ``jobs`` are the order view's job lines; who and where a job went before is preselected.
    """

    def __init__(self, jobs: Sequence[ViewLine], technicians: Sequence[Choice],
                 bays: Sequence[Choice], submit: Callable[[list[tuple[int, int, int | None]]],
                                                          None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dispatchDialog")
        self.jobs = list(jobs)
        self._submit = submit
        self.setWindowTitle(self.tr("Dispatch jobs"))
        self.table = QTableWidget(len(self.jobs), 4, self)
        self.table.setObjectName("dispatchJobs")
        self.table.setHorizontalHeaderLabels([self.tr("Job"), self.tr("Hours"),
                                              self.tr("Technician"), self.tr("Bay")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.technician_boxes: list[QComboBox] = []
        self.bay_boxes: list[QComboBox] = []
        for row, job in enumerate(self.jobs):
            cell = QTableWidgetItem(job.description)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            cell.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, cell)
            hours = QTableWidgetItem(quantity(job.quantity))
            hours.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, hours)
            tech = QComboBox(self.table)
            tech.setObjectName(f"technician_{row}")
            for i, choice in enumerate(technicians):
                tech.addItem(choice.text, choice.id)
                if job.technician and choice.key == job.technician:
                    tech.setCurrentIndex(i)
            bay = QComboBox(self.table)
            bay.setObjectName(f"bay_{row}")
            bay.addItem(self.tr("— no bay —"), None)
            for i, choice in enumerate(bays, 1):
                bay.addItem(choice.text, choice.id)
                if job.bay and choice.key == job.bay:
                    bay.setCurrentIndex(i)
            self.table.setCellWidget(row, 2, tech)
            self.table.setCellWidget(row, 3, bay)
            self.technician_boxes.append(tech)
            self.bay_boxes.append(bay)
        self.message = _message_label(self)
        self.buttons = _buttons(self, self.tr("Dispatch"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the jobs to send to the workshop:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumSize(640, 320)
        if not technicians:
            self.show_error(self.tr("No active technicians: add them in the workshop set-up."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def assignments(self) -> list[tuple[int, int, int | None]]:
        """(job id, technician id, bay id or None) of each ticked job."""
        chosen = []
        for row, job in enumerate(self.jobs):
            box = self.table.item(row, 0)
            if box is None or box.checkState() != Qt.CheckState.Checked:
                continue
            chosen.append((job.line_id, int(self.technician_boxes[row].currentData()),
                           self.bay_boxes[row].currentData()))
        return chosen

    def show_error(self, text: str) -> None:
        """Say why it was not saved; the choices stay."""
        self.message.setText(text)
        self.message.show()

    def accept(self) -> None:
        chosen = self.assignments()
        if not chosen:
            self.show_error(self.tr("Tick at least one job."))
            return
        self._submit(chosen)

    def saved(self) -> None:
        """The jobs were dispatched: close."""
        super().accept()


# -- editing one line --------------------------------------------------------------------------


@dataclass(frozen=True)
class LineInput:
    """A line as typed in the edit dialog (texts, parsed by the services)."""

    description: str
    quantity: str
    price: str
    discount: str
    payer: str
    reason: str


class LineDialog(QDialog):
    """Change a line's description, quantity or hours, price or rate, discount and payer.

    A line the customer already agreed to needs a reason (``needs_reason`` from the view).
    """

    def __init__(self, line_type: LineType, values: LineInput, needs_reason: bool,
                 submit: Callable[[LineInput], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineDialog")
        self._submit = submit
        self.line_type = LineType(line_type)
        self.setWindowTitle({LineType.LABOUR: self.tr("Edit job"),
                             LineType.PART: self.tr("Edit part"),
                             LineType.CHARGE: self.tr("Edit charge")}[self.line_type])
        self.description = QLineEdit(values.description, self)
        self.description.setObjectName("lineDescription")
        self.quantity = QLineEdit(values.quantity, self)
        self.quantity.setObjectName("lineQuantity")
        self.price = QLineEdit(values.price, self)
        self.price.setObjectName("linePrice")
        self.discount = QLineEdit(values.discount, self)
        self.discount.setObjectName("lineDiscount")
        self.discount.setPlaceholderText("0")
        self.payer = QComboBox(self)
        self.payer.setObjectName("linePayer")
        for code in PAYERS:
            self.payer.addItem(payer_name(code), code)
        self.payer.setCurrentIndex(max(0, self.payer.findData(values.payer)))
        self.reason = QLineEdit(values.reason, self)
        self.reason.setObjectName("lineReason")
        self.message = _message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Description"), self.description)
        if self.line_type is LineType.LABOUR:
            form.addRow(self.tr("Hours"), self.quantity)
            form.addRow(self.tr("Hourly rate"), self.price)
        elif self.line_type is LineType.PART:
            form.addRow(self.tr("Quantity"), self.quantity)
            form.addRow(self.tr("Unit price"), self.price)
        else:
            self.quantity.hide()
            form.addRow(self.tr("Amount"), self.price)
        form.addRow(self.tr("Discount %"), self.discount)
        form.addRow(self.tr("Payer"), self.payer)
        if needs_reason:
            form.addRow(self.tr("Reason for the change"), self.reason)
        else:
            self.reason.hide()
        self.needs_reason = needs_reason
        self.buttons = _buttons(self, self.tr("Save"))
        layout = QVBoxLayout(self)
        if needs_reason:
            note = QLabel(self.tr("The customer agreed to this line: say why it changes. "
                                  "Raising what the customer pays needs the customer's "
                                  "consent."), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def values(self) -> LineInput:
        """What the form says now."""
        return LineInput(description=self.description.text().strip(),
                         quantity=self.quantity.text().strip(),
                         price=self.price.text().strip(),
                         discount=self.discount.text().strip(),
                         payer=str(self.payer.currentData()), reason=self.reason.text().strip())

    def show_error(self, text: str) -> None:
        """Say why it was not saved; the form stays as typed."""
        self.message.setText(text)
        self.message.show()

    def accept(self) -> None:
        if self.needs_reason and not self.reason.text().strip():
            self.show_error(self.tr("Say why the signed line changes."))
            self.reason.setFocus()
            return
        self._submit(self.values())

    def saved(self) -> None:
        """The line was saved: close."""
        super().accept()


# -- the customer's consent to pay more for a line they agreed to -------------------------------


class ConsentDialog(QDialog):
    """Who agreed to pay more for a line the customer had signed for, and how."""

    def __init__(self, explanation: str, customer_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.consent: CustomerConsent | None = None
        self.setWindowTitle(self.tr("Customer's consent"))
        text = QLabel(explanation, self)
        text.setWordWrap(True)
        self.approved_by = QLineEdit(customer_name, self)
        self.approved_by.setObjectName("consentBy")
        self.method = QComboBox(self)
        self.method.setObjectName("consentMethod")
        for code in APPROVAL_METHODS:
            self.method.addItem(method_name(code), code)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("consentNotes")
        self.message = _message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Who agreed"), self.approved_by)
        form.addRow(self.tr("How"), self.method)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = _buttons(self, self.tr("Record consent and save"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        who = self.approved_by.text().strip()
        if not who:
            self.message.setText(self.tr("Enter who agreed."))
            self.message.show()
            self.approved_by.setFocus()
            return
        self.consent = CustomerConsent(who, str(self.method.currentData()),
                                       self.notes.text().strip())
        super().accept()


def ask_consent(parent: QWidget | None, explanation: str,
                customer_name: str) -> CustomerConsent | None:
    """How the customer agreed to pay more (``explanation`` says what), or None: cancelled."""
    dialog = ConsentDialog(explanation, customer_name, parent)
    dialog.exec()
    return dialog.consent


def show_error_in(dialog: QDialog, error: DomainError, lang: str) -> None:
    """Show a refused save inside ``dialog`` (when it has ``show_error``)."""
    show = getattr(dialog, "show_error", None)
    if callable(show):
        show(error.message(lang))


__all__ = [
    "ApprovalInput", "Choice", "ConsentDialog", "CustomerApprovalDialog", "DispatchDialog",
    "LineDialog", "LineInput", "ManagerApprovalDialog", "ReasonDialog", "ask_consent",
    "ask_manager_approval", "ask_reason", "confirm", "show_error_in",
]

