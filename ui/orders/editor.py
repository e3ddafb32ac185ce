"""The repair order editor (委托书): header, check-in record, jobs, parts, other charges, running
totals, additional work and the workflow steps, for one order at a time.

Every change is one service call in one transaction (``ui.operations.run_operation``) checked
against the order version the user was looking at; when someone else changed the order in
between, nothing is saved and a banner offers to reload. Typed but unsaved input is never
thrown away silently: ``has_unsaved_changes()`` tells the host, and a standalone editor asks
before closing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError, DomainError, NotFound
from app.money import parse_rate
from app.orders import delivery, progress
from app.orders.checkin import CheckInData, update_check_in
from app.orders.lines import (
    LineRef,
    add_charge_line,
    add_labour_line,
    add_part_line,
    record_approval,
    remove_line,
)
from app.orders.queries import load_order
from app.orders.reads import dispatch_choices, operation_hits, part_hits
from app.orders.view import order_view
from app.parts.stock import reserve_for_line
from app.security.actor import Actor
from app.shop import shop_zone
from db.engine import Database
from db.enums import JobStatus, LineType
from ui.i18n import current_language
from ui.operations import Outcome, read_data, run_operation
from ui.orders import dialogs
from ui.orders.actions import KEYS, ActionPanel
from ui.orders.header import CheckInForm, OrderHeader
from ui.orders.line_entry import ChargeEntry, ChargeInput, JobEntry, JobInput, PartEntry, PartInput
from ui.orders.lines_tab import LinesTab
from ui.orders.models import LineRow
from ui.orders.panels import ConflictBanner, PendingBanner, TotalsPanel
from ui.orders.state import EditorState, editor_state
from ui.orders.texts import money, quantity
from ui.signals import signals

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL

T = TypeVar("T")
AREAS = ("orders",)
STOCK_AREAS = ("orders", "parts")
REFRESH_AREAS = frozenset({"orders", "parts", "customers", "vehicles", "cashier"})
SIDE_WIDTH = 250
ACTION_KEYS: dict[int, str] = {getattr(Qt.Key, f"Key_{key}"): code
                               for code, key in KEYS.items() if key}
EDITABLE_JOBS = frozenset({JobStatus.OPEN, JobStatus.PENDING})


def check_version(session: Session, order_id: int, version: int) -> None:
    """Raise ``ConflictError`` when the order is no longer at ``version``."""
    if load_order(session, order_id).version != version:
        raise ConflictError()


def discount_text(text: str) -> str:
    """The discount as typed (a percentage) in the form the services parse ("10" → "10%")."""
    clean = text.strip()
    if not clean:
        return "0"
    return clean if clean.endswith(("%", "％")) else f"{clean}%"


class OrderEditor(QWidget):
    """Edit one repair order. ``order_changed(order_id)`` follows every committed change."""

    order_changed = Signal(int)
    actions: ActionPanel  # type: ignore[assignment]  # shadows QWidget.actions()

    def __init__(self, database: Database, actor: Actor, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderEditor")
        self.database = database
        self.actor = actor
        self.lang = lang
        self.state: EditorState | None = None
        self.active_dialog: Any = None
        self._busy = False
        self.zone = read_data(database, shop_zone)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_after_change)
        self._build()
        signals.data_changed.connect(self._data_changed)
        self.retranslate()
        self._show()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.conflict = ConflictBanner(self)
        self.conflict.reload_requested.connect(self.reload_after_conflict)
        self.header = OrderHeader(self)
        self.pending_banner = PendingBanner(self)
        self.pending_banner.record_requested.connect(self.record_customer_approval)
        self.job_entry = JobEntry(self._search_operations, self.add_job, self)
        self.part_entry = PartEntry(self._search_parts, self.add_part, self)
        self.charge_entry = ChargeEntry(self.add_charge, self)
        self.tabs_by_type = {
            LineType.LABOUR: LinesTab(LineType.LABOUR, self.job_entry, self),
            LineType.PART: LinesTab(LineType.PART, self.part_entry, self),
            LineType.CHARGE: LinesTab(LineType.CHARGE, self.charge_entry, self),
        }
        self.check_in = CheckInForm(self)
        self.check_in.save_requested.connect(self.save_check_in)
        save = QShortcut(QKeySequence.StandardKey.Save, self.check_in)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_check_in)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("orderTabs")
        for tab in self.tabs_by_type.values():
            self.tabs.addTab(tab, "")
            tab.edit_button.clicked.connect(self.edit_line)
            tab.remove_button.clicked.connect(self.remove_selected_line)
            tab.enter_shortcut.activated.connect(self.edit_line)
            tab.remove_shortcut.activated.connect(self.remove_selected_line)
            tab.table.doubleClicked.connect(lambda _index: self.edit_line())
        self.tabs.addTab(self.check_in, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.totals = TotalsPanel(self)
        self.actions = ActionPanel(self)
        self.actions.triggered.connect(self.run_action)
        self.actions.print_requested.connect(self.print_document)
        side = QWidget(self)
        side.setFixedWidth(SIDE_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.totals)
        side_layout.addWidget(self.actions)
        side_layout.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(8)
        body.addWidget(self.tabs, 1)
        body.addWidget(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.conflict)
        layout.addWidget(self.header)
        layout.addWidget(self.pending_banner)
        layout.addLayout(body, 1)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.lang = current_language()
        for tab in self.tabs_by_type.values():
            tab.retranslate()
        self.check_in.retranslate()
        self.conflict.retranslate()
        self.actions.retranslate()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- function keys ----------------------------------------------------------------------

    def key_action(self, event: QKeyEvent) -> Callable[[], object] | None:
        """What a function key pressed in the editor does now (None: not ours).

        The editor claims a key only while its step is offered, and only for key presses
        inside the editor: the screen around it keeps the same keys for its own work.
        """
        if self.state is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        key = event.key()
        tab = self.current_tab()
        if key == Qt.Key.Key_F2 and tab is not None and tab.table.hasFocus():
            return self.edit_line
        if key == Qt.Key.Key_F4 and self.pending_banner.button.isVisibleTo(self):
            return self.record_customer_approval
        code = ACTION_KEYS.get(key)
        if code is None or not self.actions.buttons[code].isVisibleTo(self):
            return None
        if code == "print":
            return self.actions.buttons["print"].showMenu
        return lambda: self.run_action(code)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride
                and self.key_action(event) is not None):  # type: ignore[arg-type]
            event.accept()  # delivered as a key press to us, not as someone's shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.key_action(event)
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        action()

    # -- the public interface ---------------------------------------------------------------

    def open_order(self, order_id: int) -> None:
        """Show order ``order_id`` (anything typed for the previous order is discarded)."""
        self._clear_entries()
        self.conflict.hide()
        self.state = None
        self._load(order_id, reset_form=True)

    def current_order_id(self) -> int | None:
        """The id of the order shown, or None."""
        return self.state.order_id if self.state else None

    def has_unsaved_changes(self) -> bool:
        """True while something typed here is not saved (a line being entered, the check-in
        record edited, a line dialog open)."""
        if self.state is None:
            return False
        dialog = self.active_dialog
        return bool(self.job_entry.has_input() or self.part_entry.has_input()
                    or self.charge_entry.has_input() or self.check_in.is_dirty()
                    or (dialog is not None and dialog.isVisible()))

    def reload(self) -> None:
        """Read the order again; the check-in form keeps unsaved edits."""
        if self.state is not None:
            self._load(self.state.order_id, reset_form=False)

    # -- loading and showing ----------------------------------------------------------------

    def _load(self, order_id: int, *, reset_form: bool) -> None:
        actor = self.actor
        try:
            self.state = read_data(self.database,
                                   lambda s: editor_state(order_view(s, actor, order_id)))
        except DomainError as exc:
            self.state = None
            self._show()
            show_error(self, exc, self.lang)
            return
        if reset_form or not self.check_in.is_dirty():
            self.check_in.load(self.state.check_in, self.state.version, self.zone,
                               "edit_lines" in self.state.allowed_actions)
        self._show()

    def _show(self) -> None:
        s = self.state
        self.header.show_state(s, self.zone, self.lang)
        self.totals.show_state(s)
        editable = bool(s and "edit_lines" in s.allowed_actions)
        for line_type, tab in self.tabs_by_type.items():
            selected = tab.current()
            tab.model.set_rows(s.lines_of(line_type) if s else [])
            if selected is not None:
                tab.select(selected.line_id)
            tab.entry.setEnabled(editable)
            tab.edit_button.setEnabled(editable)
            tab.remove_button.setEnabled(editable)
        self._retitle_tabs()
        pending = s.pending() if s else []
        self.pending_banner.show_pending(
            len(pending), money(s.pending_gross) if s else "", editable)
        self.actions.show_allowed(s.allowed_actions if s else frozenset(), s is not None,
                                  bool(s and s.gate_pass_number))
        self.tabs.setEnabled(s is not None)

    def _retitle_tabs(self) -> None:
        s = self.state
        counts = {t: len(s.lines_of(t)) if s else 0 for t in LineType}
        titles = {LineType.LABOUR: self.tr("&Jobs ({count})"),
                  LineType.PART: self.tr("&Parts ({count})"),
                  LineType.CHARGE: self.tr("&Other charges ({count})")}
        for index, line_type in enumerate(self.tabs_by_type):
            self.tabs.setTabText(index, titles[line_type].format(count=counts[line_type]))
        self.tabs.setTabText(3, self.tr("Check-&in record"))

    def _tab_changed(self, index: int) -> None:
        focus = {0: self.job_entry.search, 1: self.part_entry.search,
                 2: self.charge_entry.description, 3: self.check_in.complaint}.get(index)
        if focus is not None and focus.isEnabled():
            focus.setFocus()

    def _data_changed(self, area: str) -> None:
        if area in REFRESH_AREAS and self.state is not None and not self._busy:
            self._refresh_timer.start()

    def _refresh_after_change(self) -> None:
        if self.state is not None and not self._busy:
            self.reload()

    # -- running services -------------------------------------------------------------------

    def _run(self, fn: Callable[[Session], T], *, areas: tuple[str, ...] = AREAS,
             dialog: Any = None, conflict_on_missing: bool = False) -> Outcome[T]:
        """One committed change; a conflict shows the banner, other refusals the message."""
        def on_error(error: DomainError) -> None:
            if isinstance(error, ConflictError) or (conflict_on_missing
                                                     and isinstance(error, NotFound)):
                self.show_conflict()
                if dialog is not None:
                    dialog.reject()
            elif dialog is not None:
                dialogs.show_error_in(dialog, error, self.lang)
            else:
                show_error(self, error, self.lang)

        self._busy = True
        try:
            outcome = run_operation(self.database, fn, areas=areas, on_error=on_error,
                                    parent=self, lang=self.lang)
        finally:
            self._busy = False
        if outcome.ok and self.state is not None:
            self.reload()
            self.order_changed.emit(self.state.order_id)
        return outcome

    def show_conflict(self) -> None:
        """Tell the user someone else changed the order (nothing of theirs was saved)."""
        self.conflict.show()
        self.conflict.button.setFocus()

    def conflict_shown(self) -> bool:
        """True while the "changed by someone else" banner is shown."""
        return not self.conflict.isHidden()

    def reload_after_conflict(self) -> None:
        """Load the latest version; unsaved check-in edits are discarded after asking."""
        if self.state is None:
            return
        if self.check_in.is_dirty() and not dialogs.confirm(
                self, self.tr("Reload the order"),
                self.tr("Your unsaved changes to the check-in record will be discarded. "
                        "Reload the latest version?")):
            return
        self.conflict.hide()
        self._load(self.state.order_id, reset_form=True)

    def _approver_for(self, typed: str) -> tuple[bool, Actor | None]:
        """(go on?, manager) for a discount typed as a percentage; asks a manager when the
        discount is above the user's limit."""
        try:
            discount = parse_rate(discount_text(typed))
        except DomainError:
            return True, None  # the service explains what is wrong with it
        if discount <= self.actor.max_discount or self.actor.can(dialogs.DISCOUNT_ANY):
            return True, None
        manager = dialogs.ask_manager_approval(self, self.database, self.lang, discount,
                                               self.actor.max_discount)
        return manager is not None, manager

    # -- adding lines -----------------------------------------------------------------------

    def add_job(self, job: JobInput) -> bool:
        """Put a job on the order (from the catalogue or free text)."""
        s = self.state
        if s is None:
            return False
        go, manager = self._approver_for(job.discount)
        if not go:
            return False
        actor, order_id, version = self.actor, s.order_id, s.version
        outcome = self._run(lambda session: add_labour_line(
            session, actor, order_id, description=job.description, hours=job.hours,
            hourly_rate=job.rate.replace(",", "") or None, operation_code=job.code,
            discount=discount_text(job.discount), payer=job.payer, approved_by=manager,
            expected_version=version).id)
        if outcome.ok:
            self.tabs_by_type[LineType.LABOUR].select(int(outcome.value or 0))
        return outcome.ok

    def add_part(self, part: PartInput) -> bool:
        """Put a catalogue part on the order and reserve it when stock allows."""
        s = self.state
        if s is None:
            return False
        go, manager = self._approver_for(part.discount)
        if not go:
            return False
        actor, order_id, version = self.actor, s.order_id, s.version
        outcome = self._run(lambda session: add_part_line(
            session, actor, order_id, part_id=part.part_id, quantity=part.quantity,
            discount=discount_text(part.discount), payer=part.payer, approved_by=manager,
            expected_version=version).id, areas=STOCK_AREAS)
        if outcome.ok:
            self._reserve(int(outcome.value or 0))
        return outcome.ok

    def _reserve(self, line_id: int) -> None:
        """Hold the part line's quantity in stock; a shortage is noted, not an error."""
        tab = self.tabs_by_type[LineType.PART]
        tab.select(line_id)
        row = self.state.line(LineType.PART, line_id) if self.state else None
        notes: list[str] = []
        actor = self.actor
        self._busy = True
        try:
            outcome = run_operation(self.database,
                                    lambda session: reserve_for_line(session, actor, line_id),
                                    areas=STOCK_AREAS, on_error=lambda e: notes.append(
                                        e.message(self.lang)), parent=self, lang=self.lang)
        finally:
            self._busy = False
        self.reload()
        tab.select(line_id)
        if outcome.ok or row is None:
            tab.show_note("")
        else:
            tab.show_note(self.tr("{part}: not reserved — {reason}").format(
                part=row.code or row.description, reason=" ".join(notes)))

    def add_charge(self, charge: ChargeInput) -> bool:
        """Put another charge on the order."""
        s = self.state
        if s is None:
            return False
        go, manager = self._approver_for(charge.discount)
        if not go:
            return False
        actor, order_id, version = self.actor, s.order_id, s.version
        outcome = self._run(lambda session: add_charge_line(
            session, actor, order_id, description=charge.description,
            amount=charge.amount.replace(",", ""), discount=discount_text(charge.discount),
            payer=charge.payer, approved_by=manager, expected_version=version).id)
        if outcome.ok:
            self.tabs_by_type[LineType.CHARGE].select(int(outcome.value or 0))
        return outcome.ok

    # -- editing and removing lines ---------------------------------------------------------

    def current_tab(self) -> LinesTab | None:
        """The line tab shown (None on the check-in record)."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, LinesTab) else None

    def _editable(self) -> bool:
        return bool(self.state and "edit_lines" in self.state.allowed_actions)

    def remove_selected_line(self) -> None:
        """Remove the selected line (a signed line needs a reason)."""
        tab = self.current_tab()
        row = tab.current() if tab else None
        if row is None or self.state is None or not self._editable():
            return
        reason = ""
        if self.state.needs_reason(row):
            answer = dialogs.ask_reason(
                self, self.tr("Remove a signed line"),
                self.tr("The customer signed for “{line}”. Why is it removed?").format(
                    line=row.description))
            if answer is None:
                return
            reason = answer
        elif not dialogs.confirm(self, self.tr("Remove line"),
                                 self.tr("Remove “{line}” from the order?").format(
                                     line=row.description)):
            return
        self.remove_line(row, reason)

    def remove_line(self, row: LineRow, reason: str = "") -> bool:
        """Remove ``row`` from the order (its reservation is released first)."""
        if self.state is None:
            return False
        actor, version = self.actor, self.state.version

        def fn(session: Session) -> None:  # removal also releases a part's reservation
            remove_line(session, actor, row.line_type, row.line_id, reason=reason,
                        expected_version=version)

        return self._run(fn, areas=STOCK_AREAS, conflict_on_missing=True).ok

    def edit_line(self) -> None:
        """Open the selected line in the edit dialog (F2 or Enter)."""
        tab = self.current_tab()
        row = tab.current() if tab else None
        if row is None or self.state is None or not self._editable():
            return
        if row.line_type is LineType.LABOUR and row.job_status not in EDITABLE_JOBS:
            show_message(self, self.tr("This job is already in the workshop; ask the "
                                          "foreman before changing it."))
            return
        if row.issued_qty:
            show_message(self, self.tr("Parts were already issued on this line; the "
                                          "parts counter must take them back first."))
            return
        values = dialogs.LineInput(
            description=row.description,
            quantity=quantity(row.quantity),
            price=money(row.unit_price).replace(",", ""),
            discount=quantity((row.discount * 100).quantize(Decimal("0.01")))
            if row.discount else "",
            payer=row.payer, reason="")
        version = self.state.version
        dialog = dialogs.LineDialog(row.line_type, values, self.state.needs_reason(row),
                                    lambda v: self.save_line(row, v, version), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: Any) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def save_line(self, row: LineRow, values: dialogs.LineInput, version: int) -> bool:
        """Replace ``row`` by the edited line (one transaction: remove, then add again)."""
        if self.state is None:
            return False
        new_discount = discount_text(values.discount)
        go, manager = self._approver_for(values.discount)
        if not go:
            return False
        actor, order_id = self.actor, self.state.order_id
        price = values.price.replace(",", "")

        def fn(session: Session) -> int:
            # The version is checked once, by the removal (which also releases a part's
            # reservation); the removal itself bumps the version for the re-add.
            remove_line(session, actor, row.line_type, row.line_id, reason=values.reason,
                        expected_version=version)
            common: dict[str, Any] = {"discount": new_discount, "payer": values.payer,
                                      "approved_by": manager}
            if row.line_type is LineType.LABOUR:
                return add_labour_line(session, actor, order_id,
                                       description=values.description, hours=values.quantity,
                                       hourly_rate=price or None, operation_code=row.code,
                                       tax_rate=row.tax_rate, **common).id
            if row.line_type is LineType.PART:
                assert row.part_id is not None
                return add_part_line(session, actor, order_id, part_id=row.part_id,
                                     quantity=values.quantity, unit_price=price or None,
                                     description=values.description, **common).id
            return add_charge_line(session, actor, order_id, description=values.description,
                                   amount=price, tax_rate=row.tax_rate, **common).id

        outcome = self._run(fn, areas=STOCK_AREAS, dialog=self.active_dialog,
                            conflict_on_missing=True)
        if outcome.ok:
            new_id = int(outcome.value or 0)
            if row.line_type is LineType.PART:
                self._reserve(new_id)
            else:
                self.tabs_by_type[row.line_type].select(new_id)
        return outcome.ok

    # -- the check-in record ----------------------------------------------------------------

    def save_check_in(self) -> bool:
        """Store the edited check-in record (checked against the version it was read at)."""
        if self.state is None or not self.check_in.is_dirty():
            return False
        actor, order_id = self.actor, self.state.order_id
        version = self.check_in.base_version or self.state.version
        data = CheckInData(mileage_in=self.state.check_in.mileage_in, **self.check_in.values())
        outcome = self._run(lambda session: update_check_in(
            session, actor, order_id, data, expected_version=version).version)
        if outcome.ok and self.state is not None:
            self.check_in.load(self.state.check_in, self.state.version, self.zone,
                               "edit_lines" in self.state.allowed_actions)
        return outcome.ok

    # -- additional work --------------------------------------------------------------------

    def record_customer_approval(self) -> None:
        """Ask which pending items the customer agreed to, who, how, and the extra time."""
        s = self.state
        if s is None or not s.pending() or not self._editable():
            return
        items = [dialogs.PendingItem(r.line_type, r.line_id, r.description, r.gross)
                 for r in s.pending()]
        version = s.version
        dialog = dialogs.CustomerApprovalDialog(
            items, s.customer_name, self.zone,
            lambda values: self.save_approval(values, version), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def save_approval(self, values: dialogs.ApprovalInput, version: int) -> bool:
        """Record the customer's consent: the chosen lines become billable."""
        if self.state is None:
            return False
        actor, order_id = self.actor, self.state.order_id
        refs = [LineRef(item.line_type, item.line_id) for item in values.items]

        def fn(session: Session) -> int:
            check_version(session, order_id, version)
            return record_approval(session, actor, order_id, refs,
                                   approved_by=values.approved_by, method=values.method,
                                   extra_minutes=values.extra_minutes, notes=values.notes).id

        return self._run(fn, dialog=self.active_dialog, conflict_on_missing=True).ok

    # -- workflow ---------------------------------------------------------------------------

    def run_action(self, code: str) -> None:
        """Carry out workflow step ``code`` (as the F-key buttons do)."""
        s = self.state
        if s is None or code not in s.allowed_actions:
            return
        handlers: dict[str, Callable[[], object]] = {
            "estimate": lambda: self._step(progress.submit_estimate),
            "sign": self._sign,
            "dispatch": self.dispatch,
            "send_to_qc": lambda: self._step(progress.send_to_qc),
            "review": lambda: self._step(delivery.review_completed),
            "call": lambda: self._step(delivery.mark_customer_called),
            "deliver": self._deliver,
            "cancel": self._cancel,
        }
        handler = handlers.get(code)
        if handler is not None:
            handler()

    def _step(self, service: Callable[..., object], **kwargs: object) -> bool:
        """Run ``service(session, actor, order_id, **kwargs)`` at the version shown."""
        if self.state is None:
            return False
        actor, order_id, version = self.actor, self.state.order_id, self.state.version

        def fn(session: Session) -> None:
            check_version(session, order_id, version)
            service(session, actor, order_id, **kwargs)

        return self._run(fn).ok

    def _sign(self) -> None:
        if dialogs.confirm(self, self.tr("Customer signed"),
                           self.tr("Has the customer signed the job card? New lines will "
                                   "then need the customer's approval.")):
            self._step(progress.record_customer_signature)

    def _cancel(self) -> None:
        reason = dialogs.ask_reason(self, self.tr("Cancel the order"),
                                    self.tr("Why is the order cancelled?"))
        if reason:
            self._step(progress.cancel_order, reason=reason)

    def _deliver(self) -> None:
        if self.state is None or not dialogs.confirm(
                self, self.tr("Deliver"),
                self.tr("Hand the car over and print the gate pass?")):
            return
        if self._step(delivery.deliver) and self.state and self.state.gate_pass_number:
            self.print_document("gate_pass")

    def dispatch(self) -> None:
        """Choose a technician and bay per job and send the jobs to the workshop (派工)."""
        s = self.state
        if s is None:
            return
        jobs = [dialogs.DispatchJob(r.line_id, r.description, r.quantity, r.technician, r.bay)
                for r in s.lines_of(LineType.LABOUR)
                if r.billable and r.job_status in (JobStatus.OPEN, JobStatus.DISPATCHED)]
        if not jobs:
            show_message(self, self.tr("No job is ready to dispatch (jobs awaiting the "
                                          "customer's approval cannot be dispatched)."))
            return
        actor = self.actor
        technicians, bays = read_data(self.database,
                                      lambda session: dispatch_choices(session, actor))
        version = s.version
        dialog = dialogs.DispatchDialog(jobs, technicians, bays,
                                        lambda chosen: self.save_dispatch(chosen, version),
                                        self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def save_dispatch(self, chosen: list[tuple[int, int, int | None]], version: int) -> bool:
        """Dispatch each chosen job to its technician and bay, all or nothing."""
        if self.state is None:
            return False
        actor, order_id = self.actor, self.state.order_id

        def fn(session: Session) -> None:
            check_version(session, order_id, version)
            for job_id, technician_id, bay_id in chosen:
                progress.dispatch_job(session, actor, job_id, technician_id=technician_id,
                                      bay_id=bay_id)

        return self._run(fn, dialog=self.active_dialog).ok

    # -- printing ---------------------------------------------------------------------------

    def print_document(self, kind: str) -> None:
        """Render ``kind`` for this order and send it to the printer dialog or PDF viewer."""
        if self.state is None:
            return
        from app.printing import render_document
        from ui.printing import print_or_open

        actor, order_id, lang = self.actor, self.state.order_id, self.lang
        try:
            pdf = read_data(self.database, lambda session: render_document(
                session, actor, kind, order_id, lang=lang))  # type: ignore[arg-type]
        except DomainError as exc:
            show_error(self, exc, lang)
            return
        print_or_open(self, pdf, kind=kind,
                      title=f"{self.actions.kind_name(kind)} {self.state.number}")

    # -- searching the catalogues -----------------------------------------------------------

    def _search_operations(self, text: str) -> list:
        actor = self.actor
        return read_data(self.database, lambda s: operation_hits(s, actor, text))

    def _search_parts(self, text: str) -> list:
        actor = self.actor
        return read_data(self.database, lambda s: part_hits(s, actor, text))

    # -- closing ----------------------------------------------------------------------------

    def _clear_entries(self) -> None:
        self.job_entry.clear()
        for edit in (self.part_entry.search, self.part_entry.discount,
                     self.charge_entry.description, self.charge_entry.amount,
                     self.charge_entry.discount):
            edit.clear()
        self.part_entry.quantity.setText("1")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_unsaved_changes() and not dialogs.confirm(
                self, self.tr("Unsaved changes"),
                self.tr("Something typed on order {number} is not saved. Close anyway and "
                        "lose it?").format(number=self.state.number if self.state else "")):
            event.ignore()
            return
        super().closeEvent(event)


def show_error(parent: QWidget, error: DomainError, lang: str) -> None:
    """Show a refusal from a service in a message box."""
    from ui.dialogs import show_domain_error

    show_domain_error(parent, error, lang)


def show_message(parent: QWidget, text: str) -> None:
    """A short information box that does not block."""
    box = QMessageBox(QMessageBox.Icon.Information, parent.window().windowTitle() or "Bayline",
                      text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("editorMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
