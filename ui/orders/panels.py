"""The editor's side panel (running totals, pending additional work) and its banners."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.formatting import money
from app.orders.view import OrderView
from ui.orders.texts import PAYERS, payer_name
from ui.palette import AMBER, RED
from ui.widgets import make_heading


def _amount_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TotalsPanel(QGroupBox):
    """Net, tax and total of the billable lines, each payer's share, invoice and balance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self.net = _amount_label(self, "totalNet")
        self.tax = _amount_label(self, "totalTax")
        self.gross = make_heading(_amount_label(self, "totalGross"), 1.4)
        self.payers: dict[str, QLabel] = {p: _amount_label(self, f"payer_{p}") for p in PAYERS}
        self.invoice = QLabel(self)
        self.invoice.setObjectName("invoiceInfo")
        self.invoice.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.captions: dict[str, QLabel] = {}
        for key, value in (("net", self.net), ("tax", self.tax), ("gross", self.gross),
                           *((f"payer_{p}", self.payers[p]) for p in PAYERS)):
            caption = QLabel(self)
            self.captions[key] = caption
            self.form.addRow(caption, value)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(self.form)
        layout.addWidget(self.invoice)
        self.state: OrderView | None = None
        self.retranslate()

    def show_state(self, state: OrderView | None) -> None:
        """Show the totals of ``state``."""
        self.state = state
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        s = self.state
        inclusive = bool(s and s.prices_include_tax)
        self.setTitle(self.tr("Totals (prices incl. VAT)") if inclusive
                      else self.tr("Totals"))
        self.captions["net"].setText(self.tr("Net"))
        self.captions["tax"].setText(self.tr("VAT"))
        self.captions["gross"].setText(self.tr("Total"))
        for payer in PAYERS:
            self.captions[f"payer_{payer}"].setText(
                self.tr("{payer} pays").format(payer=payer_name(payer)))
        self.net.setText(money(s.totals.net) if s else "")
        self.tax.setText(money(s.totals.tax) if s else "")
        self.gross.setText(money(s.totals.gross) if s else "")
        for payer in PAYERS:
            amount = s.by_payer.get(payer) if s else None
            shown = amount is not None and (payer == "customer" or bool(amount))
            self.payers[payer].setText(money(amount) if shown else "")
            self.form.setRowVisible(self.payers[payer], shown or payer == "customer")
        if s and s.invoice_number:
            self.invoice.setText(self.tr("Invoice {number} · balance {balance}").format(
                number=s.invoice_number, balance=money(s.invoice_balance)))
            self.invoice.show()
        else:
            self.invoice.hide()


class PendingBanner(QFrame):
    """Amber strip: additional work awaiting the customer's approval, and the way to record it."""

    record_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingBanner")
        fg, bg = AMBER
        self.setStyleSheet(f"#pendingBanner {{ background: {bg}; border: 1px solid {fg};"
                           " border-radius: 4px; }"
                           f" #pendingBanner QLabel {{ color: {fg}; font-weight: bold; }}")
        self.text = QLabel(self)
        self.text.setObjectName("pendingText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("recordApproval")
        self.button.clicked.connect(self.record_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.count = 0
        self.amount = money(None)
        self.hide()

    def show_pending(self, count: int, amount: str, can_record: bool) -> None:
        """Show ``count`` pending items worth ``amount`` (hidden when there are none)."""
        self.count, self.amount = count, amount
        self.button.setVisible(can_record)
        self.setVisible(count > 0)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.text.setText(self.tr("Additional work awaiting customer approval: {count} "
                                  "item(s), {amount}. Not billable until approved.").format(
                                      count=self.count, amount=self.amount))
        self.button.setText(self.tr("F4  Record customer approval"))


class ConflictBanner(QFrame):
    """Red strip: someone else changed the order; Reload brings their version in."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        fg, bg = RED
        self.setStyleSheet(f"#conflictBanner {{ background: {bg}; border: 1px solid {fg};"
                           " border-radius: 4px; }"
                           f" #conflictBanner QLabel {{ color: {fg}; font-weight: bold; }}")
        self.text = QLabel(self)
        self.text.setObjectName("conflictText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("reloadOrder")
        self.button.clicked.connect(self.reload_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.elsewhere = False  # True: another terminal's change arrived (nothing was refused)
        self.hide()
        self.retranslate()

    def show_refused(self) -> None:
        """Our save was refused: someone else had changed the order."""
        self.elsewhere = False
        self.retranslate()
        self.show()

    def show_changed_elsewhere(self) -> None:
        """Another terminal changed the order while it is open here."""
        self.elsewhere = True
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        """Texts in the current language."""
        if self.elsewhere:
            self.text.setText(self.tr("This order was just changed at another terminal. "
                                      "Reload to see the latest version before you go on."))
        else:
            self.text.setText(self.tr("This order was changed by someone else. Your change "
                                      "was not saved: reload to see the latest version."))
        self.button.setText(self.tr("Reload"))
