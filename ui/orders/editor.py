"""The repair order editor (委托书): header, check-in record, jobs, parts, other charges, running
totals, additional work and the workflow steps, for one order at a time.

Every user action is ONE complete service call in one transaction (``run_operation``), given
the order version the user was looking at: the service checks it, its permissions and its
rules; when someone else changed the order in between, nothing is saved and a banner offers to
reload. What follows a success happens in the ``on_done`` callback and every refusal in
``on_error``, so the editor does not depend on the operation finishing before
``run_operation`` returns. What the tables show, and which line may be edited or needs a
reason, comes from the order view (``app.orders.view``), not from rules repeated here.

Typed but unsaved input is never thrown away silently: ``has_unsaved_changes()`` tells the
host, and a standalone editor asks before closing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import (
    ConflictError,
    CustomerConsentRequired,
    DiscountApprovalRequired,
    DomainError,
    NotFound,
)
from app.formatting import local_datetime
from app.orders import delivery, progress
from app.orders.checkin import CheckInData, update_check_in
from app.orders.lines import (
    CustomerConsent,
    LineRef,
    add_charge_line,
    add_labour_line,
    add_part_line,
    record_approval,
    remove_line,
    update_line,
)
from app.orders.reads import dispatch_choices, operation_hits, part_hits
from app.orders.view import OrderView, ViewLine, order_view
from app.security.actor import Actor
from db.engine import Database
from db.enums import LineType
from ui.change_feed import Change, feed, is_open
from ui.i18n import current_language
from ui.latest_read import Refresh, read_later
from ui.operations import read_data, run_operation
from ui.orders import dialogs
from ui.orders.actions import KEYS, ActionPanel
from ui.orders.header import CheckInForm, OrderHeader
from ui.orders.line_entry import ChargeEntry, ChargeInput, JobEntry, JobInput, PartEntry, PartInput
from ui.orders.lines_tab import LinesTab
from ui.orders.panels import ConflictBanner, PendingBanner, TotalsPanel
from ui.orders.texts import money, quantity, status_text
from ui.palette import Tone, tone_style
from ui.shop_facts import facts

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL

T = TypeVar("T")
SIDE_WIDTH = 250
ACTION_KEYS: dict[int, str] = {getattr(Qt.Key, f"Key_{key}"): code
                               for code, key in KEYS.items() if key}
#: Steps whose key means nothing else on the screen: pressed when the step is not offered,
#: the editor says why instead of doing nothing (F5–F7 stay the screen's then).
EXPLAINED_STEPS = frozenset({"review", "call", "send_to_qc", "deliver"})


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
        self.state: OrderView | None = None
        self.active_dialog: Any = None
        self._busy = False
        self.zone = facts(database).zone
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_after_change)
        self._reader = Refresh(database, self._loaded, self, on_error=self._load_failed)
        self._reset_form = False
        self._after_load: list[Callable[[], object]] = []
        self._opening: int | None = None  # asked for, not read yet
        self._build()
        feed.changed.connect(self._changed)
        self.retranslate()
        self._show()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.conflict = ConflictBanner(self)
        self.conflict.reload_requested.connect(self.reload_after_conflict)
        self.header = OrderHeader(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("stepNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(tone_style(Tone.ATTENTION, padding="4px 8px", radius=4))
        self.notice.hide()
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
        layout.addWidget(self.notice)
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
        if code is None:
            return None
        if not self.actions.buttons[code].isVisibleTo(self):
            return (lambda: self.explain_unavailable(code)) if code in EXPLAINED_STEPS \
                else None
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
        self._opening = order_id
        self._load(order_id, reset_form=True)

    def current_order_id(self) -> int | None:
        """The id of the order shown (or being opened), or None."""
        return self.state.order_id if self.state else self._opening

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
        """Read the order off the GUI thread; ``_loaded`` shows it (the newest read wins)."""
        actor = self.actor
        self._reset_form = self._reset_form or reset_form
        self._reader.request(lambda s: order_view(s, actor, order_id))

    def _load_failed(self, error: BaseException) -> None:
        self._reset_form = False
        self._opening = None
        self._after_load = []
        self.state = None
        self._show()
        self._read_failed(error)

    def _loaded(self, view: OrderView) -> None:
        reset_form, self._reset_form = self._reset_form, False
        self.state = view
        follow, self._after_load = self._after_load, []
        if reset_form or not self.check_in.is_dirty():
            self.check_in.load(self.state.check_in, self.state.version, self.zone,
                               "edit_lines" in self.state.allowed_actions)
        self._show()
        for step in follow:
            step()

    def explain_unavailable(self, code: str) -> None:
        """Say why the step of a function key is not offered now (it was done already, or
        the order is not at that step) instead of doing nothing."""
        s = self.state
        if s is None:
            return
        step = self.actions.step_name(code)
        if code == "review" and s.reviewed_at is not None:
            text = self.tr("{step}: already done on {when} by {who}.").format(
                step=step, when=local_datetime(s.reviewed_at, self.zone), who=s.reviewed_by)
        elif code == "call" and s.customer_called_at is not None:
            text = self.tr("{step}: the customer was already called on {when}.").format(
                step=step, when=local_datetime(s.customer_called_at, self.zone))
        else:
            text = self.tr("{step} is not possible now: the order is {status}.").format(
                step=step, status=status_text(s.status, self.lang))
        self.notice.setText(text)
        self.notice.show()

    def _show(self) -> None:
        s = self.state
        self.notice.hide()
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
        pending = s.pending if s else ()
        self.pending_banner.show_pending(
            len(pending), money(s.pending_totals.gross) if s else "", editable)
        self.actions.show_allowed(s.allowed_actions if s else frozenset(), s is not None,
                                  bool(s and s.gate_pass_number))
        self.tabs.setEnabled(s is not None)

    def _retitle_tabs(self) -> None:
        s = self.state
        counts = {t: len(s.lines_of(t)) if s else 0 for t in LineType}
        titles = {LineType.LABOUR: self.tr("&Jobs ({count})"),
                  LineType.PART: self.tr("&Parts ({count})"),
                  LineType.CHARGE: self.tr("Other &charges ({count})")}
        for index, line_type in enumerate(self.tabs_by_type):
            self.tabs.setTabText(index, titles[line_type].format(count=counts[line_type]))
        self.tabs.setTabText(3, self.tr("Check-&in record"))

    def _tab_changed(self, index: int) -> None:
        focus = {0: self.job_entry.search, 1: self.part_entry.search,
                 2: self.charge_entry.description, 3: self.check_in.complaint}.get(index)
        if focus is not None and focus.isEnabled():
            focus.setFocus()

    def _changed(self, change: Change) -> None:
        """A committed change here or at another terminal: reload when it concerns this order
        (or the stock of its parts). Another terminal's change to the order itself is said in
        the banner at once; the order is reloaded unless something typed here is unsaved."""
        s = self.state
        if s is None or not is_open(self):
            return
        cs = change.changes
        parts = {line.part_id for line in s.lines_of(LineType.PART) if line.part_id}
        if s.order_id not in cs.orders and cs.parts.isdisjoint(parts):
            return
        if change.foreign and s.order_id in cs.orders:
            self.conflict.show_changed_elsewhere()
            if self.has_unsaved_changes():
                return  # the user decides when to reload (the banner's button)
        if not self._busy:
            self._refresh_timer.start()

    def _refresh_after_change(self) -> None:
        if self.state is not None and not self._busy:
            self.reload()

    # -- running services -------------------------------------------------------------------

    def _run(self, fn: Callable[[Session], T], *, dialog: Any = None,
             conflict_on_missing: bool = False,
             on_done: Callable[[T], None] | None = None,
             on_refused: Callable[[DomainError], bool] | None = None) -> None:
        """One user action: ``fn`` holds ONE service call, committed as one transaction.

        After success the order is read again, ``order_changed`` follows and ``on_done(value)``
        runs; a refusal goes first to ``on_refused`` (True: it was dealt with, e.g. by asking
        a manager), then a conflict shows the banner and anything else the message. Nothing
        after the call relies on it having finished: everything happens in the callbacks, so
        the same code works when the operation runs off the GUI thread.
        """
        def on_error(error: DomainError) -> None:
            self._busy = False
            if on_refused is not None and on_refused(error):
                return
            if isinstance(error, ConflictError) or (conflict_on_missing
                                                     and isinstance(error, NotFound)):
                self.show_conflict()
                if dialog is not None:
                    dialog.reject()
            elif dialog is not None:
                dialogs.show_error_in(dialog, error, self.lang)
            else:
                show_error(self, error, self.lang)

        def done(value: T) -> None:
            self._busy = False
            follow = (lambda: on_done(value)) if on_done is not None else None
            if self.state is None:
                if follow is not None:
                    follow()
                return
            if follow is not None:  # it sees the order as it is now (selects the new line …)
                self._after_load.append(follow)
            self.reload()
            self.order_changed.emit(self.state.order_id)

        self._busy = True
        try:
            run_operation(self.database, fn, on_done=done, on_error=on_error,
                          parent=self, lang=self.lang, control=dialog,
                          actor_id=self.actor.user_id)
        except BaseException:
            self._busy = False
            raise

    def _discount_approval(self, retry: Callable[[Actor], None]) -> Callable[[DomainError], bool]:
        """A refusal handler: a discount above the user's limit asks a manager to approve it
        and, when one does, runs the action again with the manager as approver."""
        def handle(error: DomainError) -> bool:
            if not isinstance(error, DiscountApprovalRequired):
                return False
            manager = dialogs.ask_manager_approval(self, self.database, self.lang,
                                                   error.discount, error.limit)
            if manager is not None:
                retry(manager)
            return True

        return handle

    def show_conflict(self) -> None:
        """Tell the user someone else changed the order (nothing of theirs was saved)."""
        self.conflict.show_refused()
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

    # -- adding lines -----------------------------------------------------------------------

    def add_job(self, job: JobInput, manager: Actor | None = None) -> None:
        """Put a job on the order (from the catalogue or free text)."""
        s = self.state
        if s is None:
            return
        actor, order_id, version = self.actor, s.order_id, s.version

        def added(line_id: int) -> None:
            self.tabs_by_type[LineType.LABOUR].select(line_id)
            self.job_entry.added()

        self._run(lambda session: add_labour_line(
            session, actor, order_id, description=job.description, hours=job.hours,
            hourly_rate=job.rate or None, operation_code=job.code,
            discount=discount_text(job.discount), payer=job.payer, approved_by=manager,
            expected_version=version).id, on_done=added,
            on_refused=self._discount_approval(lambda m: self.add_job(job, m)))

    def add_part(self, part: PartInput, manager: Actor | None = None) -> None:
        """Put a catalogue part on the order; it is reserved in the same operation, and a
        shortage is noted under the table (the line is on the order all the same)."""
        s = self.state
        if s is None:
            return
        actor, order_id, version = self.actor, s.order_id, s.version

        def fn(session: Session) -> tuple[int, Decimal, Decimal]:
            result = add_part_line(session, actor, order_id, part_id=part.part_id,
                                   quantity=part.quantity, discount=discount_text(part.discount),
                                   payer=part.payer, approved_by=manager,
                                   expected_version=version)
            return result.line_id, result.short_by, result.already_on_order

        def added(value: tuple[int, Decimal, Decimal]) -> None:
            line_id, short_by, already = value
            self.part_entry.added()
            self._note_shortage(line_id, short_by, already)

        self._run(fn, on_done=added,
                  on_refused=self._discount_approval(lambda m: self.add_part(part, m)))

    def _note_shortage(self, line_id: int, short_by: Decimal,
                       already: Decimal = Decimal(0)) -> None:
        """Select the part line; say under the table when stock could not hold all of it,
        and when the same part was already on the order (a second line, not a bigger one)."""
        tab = self.tabs_by_type[LineType.PART]
        tab.select(line_id)
        row = self.state.line(LineType.PART, line_id) if self.state else None
        if row is None:
            tab.show_note("")
            return
        notes: list[str] = []
        part = row.code or row.description
        if already > 0:
            notes.append(self.tr("{part} was already on this order ({quantity}): added as a "
                                 "second line. To change the quantity, edit one line and "
                                 "remove the other.").format(part=part,
                                                             quantity=quantity(already)))
        if short_by > 0:
            notes.append(self.tr("{part}: not reserved — {missing} short").format(
                part=part, missing=quantity(short_by)))
        tab.show_note(" ".join(notes))

    def add_charge(self, charge: ChargeInput, manager: Actor | None = None) -> None:
        """Put another charge on the order."""
        s = self.state
        if s is None:
            return
        actor, order_id, version = self.actor, s.order_id, s.version

        def added(line_id: int) -> None:
            self.tabs_by_type[LineType.CHARGE].select(line_id)
            self.charge_entry.added()

        self._run(lambda session: add_charge_line(
            session, actor, order_id, description=charge.description,
            amount=charge.amount, discount=discount_text(charge.discount),
            payer=charge.payer, approved_by=manager, expected_version=version).id,
            on_done=added,
            on_refused=self._discount_approval(lambda m: self.add_charge(charge, m)))

    # -- editing and removing lines ---------------------------------------------------------

    def current_tab(self) -> LinesTab | None:
        """The line tab shown (None on the check-in record)."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, LinesTab) else None

    def _editable(self) -> bool:
        return bool(self.state and "edit_lines" in self.state.allowed_actions)

    def remove_selected_line(self) -> None:
        """Remove the selected line (a line the customer agreed to needs a reason)."""
        tab = self.current_tab()
        row = tab.current() if tab else None
        if row is None or self.state is None or not self._editable():
            return
        reason = ""
        if row.needs_reason:
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

    def remove_line(self, row: ViewLine, reason: str = "") -> None:
        """Remove ``row`` from the order (the service releases a part's reservation too)."""
        if self.state is None:
            return
        actor, version = self.actor, self.state.version
        self._run(lambda session: remove_line(session, actor, row.line_type, row.line_id,
                                              reason=reason, expected_version=version),
                  conflict_on_missing=True)

    def edit_line(self) -> None:
        """Open the selected line in the edit dialog (F2 or Enter)."""
        tab = self.current_tab()
        row = tab.current() if tab else None
        if row is None or self.state is None or not self._editable():
            return
        if row.edit_refusal is not None:  # the order view says why (from app/orders/lines)
            show_message(self, row.edit_refusal.message(self.lang))
            return
        values = dialogs.LineInput(
            description=row.description,
            quantity=quantity(row.quantity),
            price=money(row.unit_price),
            discount=quantity((row.discount * 100).quantize(Decimal("0.01")))
            if row.discount else "",
            payer=row.payer, reason="")
        version = self.state.version
        dialog = dialogs.LineDialog(row.line_type, values, row.needs_reason,
                                    lambda v: self.save_line(row, v, version), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: Any) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def save_line(self, row: ViewLine, values: dialogs.LineInput, version: int, *,
                  manager: Actor | None = None, consent: CustomerConsent | None = None) -> None:
        """Change ``row`` in place (``app.orders.lines.update_line``): same id, position and
        approval state. Raising what the customer pays for a line they agreed to asks how the
        customer consented; a discount above the limit asks a manager; then it is tried again.
        """
        if self.state is None:
            return
        actor, dialog = self.actor, self.active_dialog
        customer = self.state.customer.name

        def fn(session: Session) -> tuple[int, Decimal]:
            result = update_line(session, actor, row.line_type, row.line_id,
                                 expected_version=version, description=values.description,
                                 quantity=values.quantity, price=values.price,
                                 discount=discount_text(values.discount), payer=values.payer,
                                 approved_by=manager, reason=values.reason, consent=consent)
            return result.line_id, result.short_by

        def saved(value: tuple[int, Decimal]) -> None:
            line_id, short_by = value
            if dialog is not None:
                dialog.saved()
            if row.line_type is LineType.PART:
                self._note_shortage(line_id, short_by)
            else:
                self.tabs_by_type[row.line_type].select(line_id)

        manager_asked = self._discount_approval(
            lambda m: self.save_line(row, values, version, manager=m, consent=consent))

        def refused(error: DomainError) -> bool:
            if isinstance(error, CustomerConsentRequired):
                agreed = dialogs.ask_consent(dialog or self, error.message(self.lang), customer)
                if agreed is not None:
                    self.save_line(row, values, version, manager=manager, consent=agreed)
                elif dialog is not None:
                    dialogs.show_error_in(dialog, error, self.lang)
                return True
            return manager_asked(error)

        self._run(fn, dialog=dialog, conflict_on_missing=True,
                  on_done=saved, on_refused=refused)

    # -- the check-in record ----------------------------------------------------------------

    def save_check_in(self) -> None:
        """Store the edited check-in record (checked against the version it was read at)."""
        if self.state is None or not self.check_in.is_dirty():
            return
        actor, order_id = self.actor, self.state.order_id
        version = self.check_in.base_version or self.state.version
        data = CheckInData(mileage_in=self.state.check_in.mileage_in, **self.check_in.values())

        def saved(_version: int) -> None:
            if self.state is not None:
                self.check_in.load(self.state.check_in, self.state.version, self.zone,
                                   "edit_lines" in self.state.allowed_actions)

        self._run(lambda session: update_check_in(
            session, actor, order_id, data, expected_version=version).version, on_done=saved)

    # -- additional work --------------------------------------------------------------------

    def record_customer_approval(self) -> None:
        """Ask which pending items the customer agreed to, who, how, and the extra time."""
        s = self.state
        if s is None or not s.pending or not self._editable():
            return
        version = s.version
        dialog = dialogs.CustomerApprovalDialog(
            s.pending, s.customer.name, self.zone,
            lambda values: self.save_approval(values, version), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def save_approval(self, values: dialogs.ApprovalInput, version: int) -> None:
        """Record the customer's consent: the chosen lines become billable."""
        if self.state is None:
            return
        actor, order_id, dialog = self.actor, self.state.order_id, self.active_dialog
        refs = [LineRef(item.line_type, item.line_id) for item in values.items]
        self._run(lambda session: record_approval(
            session, actor, order_id, refs, approved_by=values.approved_by,
            method=values.method, extra_minutes=values.extra_minutes, notes=values.notes,
            expected_version=version).id, dialog=dialog, conflict_on_missing=True,
            on_done=lambda _id: dialog.saved() if dialog is not None else None)

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

    def _step(self, service: Callable[..., object], *,
              on_done: Callable[[object], None] | None = None, **kwargs: object) -> None:
        """Run ``service(session, actor, order_id, expected_version=…, **kwargs)`` at the
        version shown; the service itself refuses a stale version (``ConflictError``)."""
        if self.state is None:
            return
        actor, order_id, version = self.actor, self.state.order_id, self.state.version

        def fn(session: Session) -> None:
            service(session, actor, order_id, expected_version=version, **kwargs)

        self._run(fn, on_done=on_done)

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

        def delivered(_value: object) -> None:
            if self.state and self.state.gate_pass_number:
                self.print_document("gate_pass")

        self._step(delivery.deliver, on_done=delivered)

    def dispatch(self) -> None:
        """Choose a technician and bay per job and send the jobs to the workshop (派工)."""
        s = self.state
        if s is None:
            return
        jobs = [r for r in s.lines_of(LineType.LABOUR) if r.dispatchable]
        if not jobs:
            show_message(self, self.tr("No job is ready to dispatch (jobs awaiting the "
                                          "customer's approval cannot be dispatched)."))
            return
        actor, version = self.actor, s.version

        def open_with(choices: tuple[Any, Any]) -> None:
            technicians, bays = choices
            dialog = dialogs.DispatchDialog(jobs, technicians, bays,
                                            lambda chosen: self.save_dispatch(chosen, version),
                                            self)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.active_dialog = dialog
            dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
            dialog.open()

        read_later(self.database, lambda session: dispatch_choices(session, actor), open_with,
                   lambda error: self._read_failed(error))

    def save_dispatch(self, chosen: list[tuple[int, int, int | None]], version: int) -> None:
        """Dispatch each chosen job to its technician and bay, all or nothing (one service)."""
        if self.state is None:
            return
        actor, order_id, dialog = self.actor, self.state.order_id, self.active_dialog
        def fn(session: Session) -> int:
            return len(progress.dispatch_jobs(session, actor, order_id, chosen,
                                              expected_version=version))

        self._run(fn, dialog=dialog,
                  on_done=lambda _n: dialog.saved() if dialog is not None else None)

    # -- printing ---------------------------------------------------------------------------

    def print_document(self, kind: str) -> None:
        """Render ``kind`` for this order and send it to the printer dialog or PDF viewer."""
        if self.state is None:
            return
        from app.printing import RECORDED_KINDS, render_document

        actor, order_id, lang = self.actor, self.state.order_id, self.lang
        title = f"{self.actions.kind_name(kind)} {self.state.number}"

        def render(session: Session) -> bytes:
            return render_document(session, actor, kind, order_id,  # type: ignore[arg-type]
                                   lang=lang)

        # Rendering takes tens of milliseconds: off the GUI thread, then the printer dialog.
        if kind in RECORDED_KINDS:  # a print of an issued invoice is counted and audited
            run_operation(self.database, render, on_done=lambda pdf: self._print(pdf, kind, title),
                          parent=self, lang=self.lang, actor_id=actor.user_id)
            return
        read_later(self.database, render, lambda pdf: self._print(pdf, kind, title),
                   lambda error: self._read_failed(error))

    def _print(self, pdf: bytes, kind: str, title: str) -> None:
        from ui.printing import print_or_open

        print_or_open(self, pdf, kind=kind, title=title)

    def _read_failed(self, error: BaseException) -> None:
        """A background read for this editor failed: say why (the log has the details)."""
        if isinstance(error, DomainError):
            show_error(self, error, self.lang)
            return
        from ui.dialogs import show_unexpected_error
        from ui.logging_setup import log_exception

        log_exception(error, "order editor read")
        show_unexpected_error(self, error)

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
