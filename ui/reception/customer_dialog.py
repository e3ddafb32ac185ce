"""Register and edit customers (people and companies) with their phones and consents."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.customers.service import CustomerData, create_customer, update_customer
from app.i18n import _
from app.reception.queries import CustomerForm, customer_form
from app.validation.phones import validate_phone
from app.validation.text import require_text
from db.enums import CustomerKind
from ui.reception.common import Context
from ui.reception.forms import FormDialog, caption

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL

PHONE_FIELDS = 3


class CustomerFields:
    """The customer's fields, added to a ``FormDialog``'s form."""

    def __init__(self, dialog: FormDialog, form: QFormLayout) -> None:
        self.dialog = dialog
        self.kind = QComboBox(dialog)
        self.kind.addItem(self.tr("Person"), CustomerKind.PERSON.value)
        self.kind.addItem(self.tr("Company"), CustomerKind.COMPANY.value)
        dialog.add_field(form, "kind", self.tr("Customer type"), self.kind)
        self.name = QLineEdit(dialog)
        self.name.setMaxLength(200)
        dialog.add_field(form, "name", self.tr("Name"), self.name, required=True,
                         check=lambda text: require_text(text, field="name", label=_("Name"),
                                                         max_length=200))
        self.phones: list[QLineEdit] = []
        for i in range(PHONE_FIELDS):
            edit = QLineEdit(dialog)
            edit.setPlaceholderText(self.tr("e.g. 138 1234 5678") if i == 0 else "")
            label = self.tr("Phone") if i == 0 else self.tr("Phone {n}").format(n=i + 1)
            dialog.add_field(form, f"phones.{i}", label, edit, required=i == 0,
                             check=partial(validate_phone, field=f"phones.{i}"))
            self.phones.append(edit)
        self.stored_phones: tuple[str, ...] | None = None  # kept when phones are masked
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.tax_id = QLineEdit(dialog)
        self.tax_id.setPlaceholderText(self.tr("18-character unified social credit code"))
        dialog.add_field(form, "tax_id", self.tr("Tax ID"), self.tax_id)
        self.address = QLineEdit(dialog)
        dialog.add_field(form, "address", self.tr("Address"), self.address)
        self.email = QLineEdit(dialog)
        dialog.add_field(form, "email", self.tr("E-mail"), self.email)
        self.consent_followup = QCheckBox(
            self.tr("May be called after the visit (follow-up)"), dialog)
        self.consent_followup.setChecked(True)
        dialog.add_field(form, "consent_followup", self.tr("Consents"), self.consent_followup)
        self.consent_marketing = QCheckBox(self.tr("Agrees to offers and reminders"), dialog)
        dialog.add_field(form, "consent_marketing", "", self.consent_marketing)
        self.notes = QPlainTextEdit(dialog)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().height() * 3 + 12)
        dialog.add_field(form, "customer_notes", self.tr("Notes"), self.notes)

    def _kind_changed(self, _index: int) -> None:
        """A person needs a phone; a company may have none."""
        person = self.kind.currentData() == CustomerKind.PERSON.value
        self.dialog.captions["phones.0"].setText(caption(self.tr("Phone"), required=person))

    def tr(self, text: str) -> str:
        """``text`` in the UI language (context ``CustomerFields``)."""
        return QCoreApplication.translate("CustomerFields", text)

    def data(self) -> CustomerData:
        """The values typed, as the service takes them."""
        phones = (self.stored_phones if self.stored_phones is not None
                  else tuple(e.text() for e in self.phones))
        return CustomerData(
            name=self.name.text(), kind=str(self.kind.currentData()), phones=phones,
            tax_id=self.tax_id.text(), address=self.address.text(), email=self.email.text(),
            consent_followup=self.consent_followup.isChecked(),
            consent_marketing=self.consent_marketing.isChecked(),
            notes=self.notes.toPlainText())

    def fill(self, form: CustomerForm) -> None:
        """Show a stored customer."""
        info = form.info
        self.kind.setCurrentIndex(max(0, self.kind.findData(info.kind)))
        self.name.setText(info.name)
        for i, edit in enumerate(self.phones):
            edit.setText(info.phones[i] if i < len(info.phones) else "")
            edit.setReadOnly(info.phones_masked)
        self.stored_phones = form.stored_phones if info.phones_masked else None
        self.tax_id.setText(info.tax_id)
        self.address.setText(info.address)
        self.email.setText(info.email)
        self.consent_followup.setChecked(info.consent_followup)
        self.consent_marketing.setChecked(info.consent_marketing)
        self.notes.setPlainText(info.notes)


class CustomerDialog(FormDialog):
    """Register a new customer, or edit one (``customer_id``); ``saved_value`` is the id."""

    def __init__(self, ctx: Context, customer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("customerDialog")
        self.customer_id = customer_id
        self.version: int | None = None
        self.setWindowTitle(self.tr("New customer") if customer_id is None
                            else self.tr("Edit customer"))
        box = QGroupBox(self.tr("Customer"), self)
        form = QFormLayout(box)
        self.customer = CustomerFields(self, form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(box)
        layout.addWidget(self.buttons)
        if customer_id is not None:
            self.reload()
        self.mark_clean()
        self.customer.name.setFocus()

    def reload(self) -> None:
        if self.customer_id is None:
            return
        customer_id, actor = self.customer_id, self.ctx.actor
        self.save_button.setEnabled(False)  # until the form shows what is stored
        self.ctx.read_then(lambda s: customer_form(s, actor, customer_id), self._filled,
                           on_error=self.handle_error)

    def _filled(self, form: Any) -> None:
        self.version = form.info.version
        self.customer.fill(form)
        self.clear_errors()
        self.mark_clean()
        self.save_button.setEnabled(True)

    def save(self) -> None:
        self.clear_errors()
        if not self.check_fields():
            return
        data = self.customer.data()
        actor = self.ctx.actor
        customer_id, version = self.customer_id, self.version

        def work(session: Session) -> int:
            if customer_id is None:
                return create_customer(session, actor, data).id
            return update_customer(session, actor, customer_id, data,
                                   expected_version=version or 0).id

        self.submit(work)
