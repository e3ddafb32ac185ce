"""The overview page of each work area: its title, what it holds, and live data from services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import NotFound
from app.i18n import translate
from app.security.actor import Actor
from app.security.permissions import PERMISSIONS
from app.security.users import user_count
from app.shop import get_profile
from db.engine import Database
from ui.areas import AREA_PERMISSIONS, area_description, area_title
from ui.i18n import current_language
from ui.latest_read import Refresh
from ui.reception.page import build_reception_page
from ui.widgets import make_heading

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL


def profile_summary(session: Session) -> dict[str, Any] | None:
    """The shop profile as plain values plus the number of users (None before set-up)."""
    try:
        p = get_profile(session)
    except NotFound:
        return None
    return {"name": p.name, "address": p.address, "phone": p.phone, "tax_id": p.tax_id,
            "currency": p.currency, "prices_include_tax": p.prices_include_tax,
            "users": user_count(session)}


class AreaPage(QWidget):
    """Title, a one-line description, and what the signed-in user may do in the area."""

    def __init__(self, code: str, database: Database, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.database = database
        self.actor = actor
        self.setObjectName(f"page_{code}")
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        make_heading(self.title, 1.8)
        self.description = QLabel(self)
        self.description.setObjectName("pageDescription")
        self.description.setWordWrap(True)
        self.rights_box = QGroupBox(self)
        self.rights = QLabel(self.rights_box)
        self.rights.setObjectName("rights")
        self.rights.setWordWrap(True)
        box = QVBoxLayout(self.rights_box)
        box.addWidget(self.rights)

        content = QWidget(self)
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(12)
        self.body.addWidget(self.title)
        self.body.addWidget(self.description)
        self.add_details(self.body)
        self.body.addWidget(self.rights_box)
        self.body.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def add_details(self, layout: QVBoxLayout) -> None:
        """Subclasses add their live data here."""

    def held_permissions(self) -> list[str]:
        """The area's permissions the actor holds, in catalogue order."""
        return [p for p in AREA_PERMISSIONS[self.code] if self.actor.can(p)]

    def retranslate(self) -> None:
        """Set every text in the current language."""
        lang = current_language()
        self.title.setText(area_title(self.code))
        self.description.setText(area_description(self.code))
        self.rights_box.setTitle(self.tr("What you can do here"))
        self.rights.setText("\n".join(f"✓  {translate(PERMISSIONS[code], lang)}"
                                      for code in self.held_permissions()))

    def refresh(self) -> None:
        """Reload the live data (after a committed change) and show it."""
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ManagerPage(AreaPage):
    """The manager's overview: the shop profile as stored, and how many users there are."""

    def add_details(self, layout: QVBoxLayout) -> None:
        self.profile_box = QGroupBox(self)
        self.profile_box.setObjectName("shopProfile")
        form = QFormLayout(self.profile_box)
        self.profile_labels: dict[str, QLabel] = {}
        self.profile_values: dict[str, QLabel] = {}
        for key in ("name", "address", "phone", "tax_id", "currency", "prices_include_tax",
                    "users"):
            label, value = QLabel(self), QLabel(self)
            value.setObjectName(f"profile_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.profile_labels[key] = label
            self.profile_values[key] = value
        layout.addWidget(self.profile_box)

    def refresh(self) -> None:
        """Read the profile again, off the GUI thread (``—`` until it is there)."""
        reader = getattr(self, "_reader", None)
        if reader is None:
            reader = self._reader = Refresh(self.database, self._answered, self)
        reader.request(profile_summary)

    def _answered(self, data: Any) -> None:
        self.data = data
        super().refresh()

    def retranslate(self) -> None:
        super().retranslate()
        self.profile_box.setTitle(self.tr("Shop profile"))
        captions = {"name": self.tr("Shop name"), "address": self.tr("Address"),
                    "phone": self.tr("Phone"), "tax_id": self.tr("Tax ID"),
                    "currency": self.tr("Currency"),
                    "prices_include_tax": self.tr("Prices"), "users": self.tr("User accounts")}
        for key, text in captions.items():
            self.profile_labels[key].setText(text)
        data = getattr(self, "data", None)
        if data is None:
            for value in self.profile_values.values():
                value.setText("—")
            return
        for key in ("name", "address", "phone", "tax_id", "currency"):
            self.profile_values[key].setText(str(data[key]) or "—")
        self.profile_values["prices_include_tax"].setText(
            self.tr("include VAT") if data["prices_include_tax"] else self.tr("exclude VAT"))
        self.profile_values["users"].setText(str(data["users"]))


def build_page(code: str, database: Database, actor: Actor,
               parent: QWidget | None = None) -> AreaPage:
    """The page of area ``code``: the reception screen, else the area's overview page."""
    if code == "reception":
        reception = build_reception_page(database, actor, current_language())
        reception.setParent(parent)
        return reception  # type: ignore[return-value]  # has refresh() like an AreaPage
    cls = ManagerPage if code == "manager" else AreaPage
    page = cls(code, database, actor, parent)
    page.refresh()
    return page
