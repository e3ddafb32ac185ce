"""Starting the desktop client: fonts, translations, logging, first start, login, main window."""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from app.security.actor import Actor
from app.security.users import user_count
from db.engine import Database
from ui.change_feed import Watcher
from ui.demo_build import DemoBuildWindow
from ui.fonts import apply_application_font
from ui.i18n import current_language, initial_language, set_language
from ui.logging_setup import install_excepthook, setup_logging
from ui.login import LoginWindow
from ui.operations import read_data
from ui.setup_wizard import FirstStartSetup
from ui.shop_facts import load_then

if TYPE_CHECKING:  # imported at sign-in: the login window shows ~0.3 s sooner without it
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)
APP_NAME = "Bayline"


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication (created when there is none), with fonts registered."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    apply_application_font(app)
    return app


def prepare(lang: str | None = None) -> tuple[QApplication, str]:
    """The QApplication with fonts and the translator for ``lang`` (None: the system's)."""
    app = ensure_application()
    return app, set_language(app, initial_language(lang))


def needs_first_start(database: Database) -> bool:
    """True while the database has no user accounts."""
    return read_data(database, user_count) == 0


def build_login_window(database: Database, lang: str | None = None) -> LoginWindow:
    """A login window in ``lang`` (fonts and translator installed)."""
    _app, lang = prepare(lang)
    return LoginWindow(database, lang)


def build_setup_wizard(database: Database, lang: str | None = None) -> FirstStartSetup:
    """The first-start set-up dialog in ``lang``."""
    _app, lang = prepare(lang)
    return FirstStartSetup(database, lang)


def build_main_window(database: Database, actor: Actor, lang: str | None = None) -> MainWindow:
    """The main window of ``actor`` in ``lang``."""
    from ui.main_window import MainWindow

    _app, lang = prepare(lang)
    return MainWindow(database, actor, lang)


def settle_memory() -> None:
    """Collect once, then move every object alive now out of the garbage collector's way.

    A signed-in client holds a few hundred thousand long-lived objects (Qt wrappers, SQLAlchemy
    mappings, translations); each full collection walked all of them on the GUI thread, a
    70–85 ms freeze of the window now and then while typing (measured by the search_typing
    bench). Frozen objects are still freed when their last reference goes; only the cycle
    search skips them. ``release_memory`` undoes it when the user signs out.
    """
    gc.collect()
    gc.freeze()


def release_memory() -> None:
    """Let the collector see everything again (the signed-out window's cycles included)."""
    gc.unfreeze()


class TerminalFlow(QObject):
    """Moves the terminal between the login window and the signed-in user's main window."""

    def __init__(self, database: Database, username: str = "", *, demo: bool = False) -> None:
        super().__init__()
        self.database = database
        self.demo = demo
        self.login: LoginWindow | None = None
        self.main: MainWindow | None = None
        self._username = username
        self.watcher: Watcher | None = None

    def show_login(self) -> LoginWindow:
        """Show a fresh login window."""
        login = LoginWindow(self.database, current_language(), demo=self.demo)
        if self._username:
            login.username.setText(self._username)
            login.password.setFocus()
        login.signed_in.connect(self._signed_in)
        login.show()
        self.login = login
        return login

    def _signed_in(self, actor: Actor) -> None:
        """Read what every screen needs about the shop in the background, then open the
        user's window (its screens then read nothing on the GUI thread while being built)."""
        log.info("signed in: %s (%s)", actor.username, actor.role)
        load_then(self.database, lambda _facts: self._open_main(actor))

    def _open_main(self, actor: Actor) -> None:
        from ui.main_window import MainWindow

        main = MainWindow(self.database, actor, current_language())
        main.signed_out.connect(self._signed_out)
        main.showMaximized()
        self.main = main
        self.start_watching()
        if self.login is not None:
            self.login.close()
            self.login.deleteLater()
            self.login = None
        settle_memory()

    def start_watching(self) -> None:
        """Follow other terminals' changes (``ui.change_feed``); old log rows are pruned."""
        from app.changes import prune
        from ui.operations import run_operation

        if self.watcher is None:
            self.watcher = Watcher(self.database)
            self.watcher.start()
        run_operation(self.database, prune, busy=False)

    def stop_watching(self) -> None:
        """Stop following other terminals (signed out, or closing)."""
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    def _signed_out(self) -> None:
        self.stop_watching()
        release_memory()
        if self.main is not None:
            log.info("signed out: %s", self.main.actor.username)
            self.main.deleteLater()
            self.main = None
        self._username = ""
        self.show_login()


def show_demo_build(database: Database, flow: TerminalFlow,
                    size: str = "demo") -> DemoBuildWindow:
    """Show the demo's first-start progress window; the login window follows when built."""
    window = DemoBuildWindow(database, size=size)

    def built() -> None:
        flow.show_login()
        window.close()
        window.deleteLater()

    window.built.connect(built)
    window.show()
    window.start()
    return window


def run_gui(database: Database, *, demo: bool = False, language: str | None = None,
            fill_demo: bool = False) -> int:
    """Run the desktop client on ``database`` until the last window closes; the exit code.

    Shows the first-start set-up while the database has no users (never with ``demo``), or,
    with ``fill_demo``, a progress window while the demo data is built; then the login
    window (listing the demo users with ``demo``), then the user's main window.
    """
    setup_logging()
    app, _lang = prepare(language)
    install_excepthook()
    app.setQuitOnLastWindowClosed(True)
    username = ""
    if not demo and needs_first_start(database):
        wizard = FirstStartSetup(database, current_language())
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0  # the user chose not to set the shop up now
        username = wizard.created_username
    flow = TerminalFlow(database, username, demo=demo)
    if fill_demo:
        show_demo_build(database, flow)
    else:
        flow.show_login()
    code = app.exec()
    flow.stop_watching()
    from ui.operations import wait_for_operations

    wait_for_operations(10_000)
    from app.backup.due import backup_on_exit

    if not demo:  # the daily backup of a SQLite terminal, when today has none yet
        backup_on_exit(database)
    log.info("exit %s", code)
    return int(code)
