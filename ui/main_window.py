"""The main window: the role's work areas on the left, one page each, and the status bar."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.clock import now
from app.formatting import local_datetime
from app.i18n import LANGUAGE_NAMES, LANGUAGES, translate
from app.security.actor import Actor
from app.security.permissions import ROLE_NAMES
from db.engine import Database
from db.enums import RoleCode
from ui.areas import area_title, areas_for
from ui.change_feed import Change, feed
from ui.i18n import current_language, switch_language
from ui.idle_lock import IdleWatch
from ui.lock import LockOverlay
from ui.pages import AreaPage, build_page
from ui.shop_facts import facts, load_then

if TYPE_CHECKING:
    from app.shop import ShopFacts
    from ui.password_dialog import ChangePasswordDialog

MIN_WIDTH, MIN_HEIGHT = 1024, 640
NAV_WIDTH = 210


def role_name(role: str, lang: str) -> str:
    """The role's name in ``lang`` (the role code when it is not a known role)."""
    try:
        return translate(ROLE_NAMES[RoleCode(role)], lang)
    except ValueError:
        return role


# The kinds of change each area page shows (its overview refreshes when one of them changes).
PAGE_KINDS: dict[str, tuple[str, ...]] = {
    "reception": ("orders", "appointments", "customers", "vehicles"),
    "cashier": ("invoices", "payments", "tills", "orders"),
    "parts": ("parts",),
    "workshop": ("orders", "jobs", "technicians"),
    "manager": ("users", "invoices", "payments"),
}


class MainWindow(QMainWindow):
    """One terminal's main window for the signed-in ``actor``.

    Emits ``signed_out`` when the user signs out (the window then closes).
    """

    signed_out = Signal()

    def __init__(self, database: Database, actor: Actor, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.database = database
        self.actor = actor
        self.lang = lang or current_language()
        self.areas = areas_for(actor)
        self.pages: dict[str, AreaPage] = {}
        self._signing_out = False
        shop = facts(database)
        self.shop_name = shop.name
        self._build_central()
        self._build_actions()
        self._build_status_bar()
        self.lock_overlay = LockOverlay(database, actor, self)
        self.lock_overlay.unlocked.connect(self._unlocked)
        self.lock_overlay.sign_out_requested.connect(self.sign_out)
        self.idle_watch = IdleWatch(shop.idle_lock.minutes_for(actor.role), self)
        self.idle_watch.idle.connect(self.lock)
        self.password_dialog: ChangePasswordDialog | None = None
        feed.changed.connect(self._changed)
        self.retranslate()
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.resize(1366, 768)

    # -- building ---------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setIconSize(QSize(20, 20))
        nav_font = QFont(self.nav.font())
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.2)
        self.nav.setFont(nav_font)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        for code in self.areas:
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setSizeHint(QSize(NAV_WIDTH - 8, 40))
            page = build_page(code, self.database, self.actor, self.stack)
            self.pages[code] = page
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        if self.areas:
            self.nav.setCurrentRow(0)
        # One area (an advisor, a cashier ...): the list would only take 210 px from the screen.
        self.nav.setVisible(len(self.areas) > 1)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        self.session_menu = self.menuBar().addMenu("")
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.change_password_action = QAction(self)
        self.change_password_action.setObjectName("changePasswordAction")
        self.change_password_action.triggered.connect(self.change_password)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (self.lock_action, self.sign_out_action):
            self.session_menu.addAction(action)
            self.addAction(action)
        self.session_menu.addSeparator()
        self.session_menu.addAction(self.change_password_action)
        self.session_menu.addSeparator()
        self.session_menu.addAction(self.quit_action)

        self.go_menu = self.menuBar().addMenu("")
        self.go_actions: list[QAction] = []
        for row, _code in enumerate(self.areas):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.show_area_row(r))
            self.go_menu.addAction(action)
            self.addAction(action)
            self.go_actions.append(action)

        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clockLabel")
        bar.addWidget(self.user_label)
        bar.addWidget(self.database_label, 1)
        bar.addPermanentWidget(self.clock_label)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.update_clock)
        self.clock.start()
        self.update_clock()

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (also called on ``LanguageChange``)."""
        self.setWindowTitle(self.tr("Bayline — {shop}").format(shop=self.shop_name))
        for row, code in enumerate(self.areas):
            self.nav.item(row).setText(area_title(code))
            self.go_actions[row].setText(area_title(code))
        self.session_menu.setTitle(self.tr("&Session"))
        self.go_menu.setTitle(self.tr("&Go to"))
        self.language_menu.setTitle(self.tr("L&anguage"))
        self.lock_action.setText(self.tr("&Lock terminal"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.change_password_action.setText(self.tr("Change &password…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.user_label.setText(self.tr("{name} · {role}").format(
            name=self.actor.full_name, role=role_name(self.actor.role, self.lang)))
        self.user_label.setToolTip(self.tr("Signed in as {user}").format(
            user=self.actor.username))
        self.database_label.setText(self.tr("Database: {database}").format(
            database=self.database.describe()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.lang = current_language()
            if self.lang in self.language_actions:
                self.language_actions[self.lang].setChecked(True)
            self.retranslate()
        super().changeEvent(event)

    def choose_language(self, lang: str) -> None:
        """Switch the whole UI to ``lang``."""
        self.lang = switch_language(lang)
        self.retranslate()

    def update_clock(self) -> None:
        """Show the date and time in the shop's zone: the same clock as check-in, the
        appointment book and the documents, whatever zone this PC is set to."""
        self.clock_label.setText(local_datetime(now(), facts(self.database).zone))

    # -- navigation -------------------------------------------------------------------------

    def current_area(self) -> str | None:
        """The code of the area shown."""
        row = self.nav.currentRow()
        return self.areas[row] if 0 <= row < len(self.areas) else None

    def show_area(self, code: str) -> None:
        """Show area ``code`` (ignored when the role does not have it)."""
        if code in self.areas:
            self.show_area_row(self.areas.index(code))

    def show_area_row(self, row: int) -> None:
        """Show the area at navigation row ``row``."""
        if not self.is_locked():
            self.nav.setCurrentRow(row)

    def _changed(self, change: Change) -> None:
        if not self.isVisible():
            return
        cs = change.changes
        if cs.shop:
            load_then(self.database, self._shop_changed)
        for code, page in self.pages.items():
            if cs.shop or cs.touches(*PAGE_KINDS.get(code, ())):
                page.refresh()

    def _shop_changed(self, found: ShopFacts) -> None:
        self.shop_name = found.name
        minutes = found.idle_lock.minutes_for(self.actor.role)
        if minutes != self.idle_watch.minutes and not self.is_locked():
            self.idle_watch.set_minutes(minutes)
        self.retranslate()

    # -- password ---------------------------------------------------------------------------

    def change_password(self) -> ChangePasswordDialog | None:
        """Open the dialog to change the signed-in user's password (not while locked)."""
        if self.is_locked():
            return None
        from ui.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.database, self.actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.password_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "password_dialog", None))
        dialog.open()
        return dialog

    # -- lock and sign-out ------------------------------------------------------------------

    def is_locked(self) -> bool:
        """True while the lock screen covers the window."""
        return self.lock_overlay.isVisible()

    def lock(self) -> None:
        """Cover the window until the signed-in user types their password (Ctrl+L)."""
        if self.is_locked():
            return
        central = self.centralWidget()
        assert central is not None  # set in __init__
        central.setEnabled(False)
        self.menuBar().setEnabled(False)
        for action in (self.lock_action, self.sign_out_action, self.quit_action,
                       self.change_password_action, *self.go_actions):
            action.setEnabled(False)
        self.idle_watch.pause()
        if self.password_dialog is not None:
            self.password_dialog.reject()  # nobody may type into it behind the lock
        self.lock_overlay.show_over_parent()

    def _unlocked(self) -> None:
        central = self.centralWidget()
        assert central is not None
        central.setEnabled(True)
        self.menuBar().setEnabled(True)
        for action in (self.lock_action, self.sign_out_action, self.quit_action,
                       self.change_password_action, *self.go_actions):
            action.setEnabled(True)
        self.idle_watch.restart()
        self.nav.setFocus()

    def sign_out(self) -> None:
        """End this user's session: emit ``signed_out`` and close the window."""
        self._signing_out = True
        self.signed_out.emit()
        self.close()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_overlay.isVisible():
            self.lock_overlay.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_locked() and not self._signing_out:
            event.ignore()
            return
        self.clock.stop()
        self.idle_watch.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            feed.changed.disconnect(self._changed)
        super().closeEvent(event)
