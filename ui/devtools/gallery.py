"""The screen gallery: every screen and dialog, opened on demo data, as PNG in each language.

``main.py gallery --out DIR`` (app/devtools/cli/gallery.py) saves ``DIR/<lang>/<scene>.png``
for every scene of ``SCENES`` at 1366×768, the documents of a delivered and of a workshop order
as ``DIR/<lang>/doc-<kind>-<page>.png`` (reportlab PDF → ``pdftoppm``), and
``DIR/layout-problems.txt`` with what ``ui.devtools.layout_check`` finds on each screen. The
same scenes are opened by the layout test (tests/ui/test_layout_gallery.py), so a screen added
here is checked in every language from then on.

A scene opens what a user would: the signed-in window of a role, an order picked in the
reception screen, a dialog by the key or button that opens it. Dialogs and popups are separate
windows; the PNG paints them over their window where they stand.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.devtools.gallery.subjects import Subjects, actors_by_role, pick_subjects
from db.engine import Database
from db.enums import RoleCode
from ui.devtools.layout_check import layout_problems
from ui.i18n import set_language
from ui.operations import read_data, wait_for_operations

SCREEN = (1366, 768)
LANGUAGES = ("zh_CN", "zh_TW", "en")
DOCUMENTS = ("job_card", "technician_copy", "estimate", "settlement", "gate_pass")


class SceneSkipped(Exception):
    """The database lacks what the scene shows (say, no order in the workshop)."""


@dataclass
class Stage:
    """Opens windows for the scenes in one language and closes them afterwards."""

    database: Database
    lang: str
    subjects: Subjects
    actors: dict[str, Any]
    opened: list[QWidget] = field(default_factory=list)

    def settle(self, pause_ms: int = 0) -> None:
        """Let background reads answer and timers (search debounce) fire."""
        deadline = time.monotonic() + pause_ms / 1000
        while True:
            wait_for_operations(30_000)
            app = QApplication.instance()
            if app is not None:
                app.processEvents()
            if time.monotonic() >= deadline:
                break
            time.sleep(0.02)
        wait_for_operations(30_000)

    def keep(self, widget: QWidget) -> QWidget:
        self.opened.append(widget)
        return widget

    def window(self, role: str = RoleCode.ADVISOR) -> Any:
        """The signed-in main window of ``role`` at 1366×768."""
        from ui.app import build_main_window

        actor = self.actors.get(role)
        if actor is None:
            raise SceneSkipped(f"no active {role}")
        window = build_main_window(self.database, actor, self.lang)
        self.keep(window)
        window.resize(*SCREEN)
        window.show()
        self.settle()
        return window

    def reception(self, role: str = RoleCode.ADVISOR) -> tuple[Any, Any]:
        """The main window of ``role`` and its reception page."""
        window = self.window(role)
        page = window.pages.get("reception")
        if page is None:
            raise SceneSkipped(f"{role} has no reception screen")
        return window, page

    def need(self, value: int | None, what: str) -> int:
        if value is None:
            raise SceneSkipped(f"the database has no {what}")
        return value

    def close(self) -> None:
        for widget in reversed(self.opened):
            for dialog in widget.findChildren(QDialog):
                dialog.done(QDialog.DialogCode.Rejected)
            if hasattr(widget, "lock_overlay"):
                widget.lock_overlay.hide()
            widget.close()
            widget.deleteLater()
        self.opened.clear()
        self.settle()


@dataclass(frozen=True)
class Scene:
    """One picture: ``show(stage)`` opens it and returns the window to photograph."""

    name: str
    show: Callable[[Stage], QWidget]


# -- the scenes -----------------------------------------------------------------------------


def _login(stage: Stage) -> QWidget:
    from ui.login import LoginWindow

    window = stage.keep(LoginWindow(stage.database, stage.lang, demo=True))
    window.show()
    stage.settle()
    return window


def _card(stage: Stage) -> QWidget:
    window, page = stage.reception()
    page.card.show_vehicle(stage.need(stage.subjects.vehicle_id, "vehicle"),
                           stage.subjects.customer_id)
    stage.settle()
    return window


def _fleet_card(stage: Stage) -> QWidget:
    window, page = stage.reception()
    page.card.show_vehicle(None, stage.need(stage.subjects.fleet_customer_id,
                                            "company customer"))
    stage.settle()
    return window


def _search(text: str) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        window, page = stage.reception()
        box = page.search.box
        box.setText(text)
        page.search.run_search()
        stage.settle(200)
        return window
    return show


def _order(tab: int, order: str = "workshop") -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        window, page = stage.reception()
        order_id = getattr(stage.subjects, f"{order}_order_id")
        page.open_order(stage.need(order_id, f"{order} order"))
        stage.settle()
        page.orders.editor.tabs.setCurrentIndex(tab)
        stage.settle()
        return window
    return show


def _job_suggestions(stage: Stage) -> QWidget:
    window, page = stage.reception()
    page.open_order(stage.need(stage.subjects.open_order_id, "open order"))
    stage.settle()
    entry = page.orders.editor.job_entry
    page.orders.editor.tabs.setCurrentIndex(0)
    entry.search.setFocus()
    entry.search.setText("保养")
    entry.search.look_up()
    stage.settle(100)
    return window


def _part_suggestions(stage: Stage) -> QWidget:
    window, page = stage.reception()
    page.open_order(stage.need(stage.subjects.open_order_id, "open order"))
    stage.settle()
    editor = page.orders.editor
    editor.tabs.setCurrentIndex(1)
    editor.part_entry.search.setFocus()
    editor.part_entry.search.setText("机油")
    editor.part_entry.search.look_up()
    stage.settle(100)
    return window


def _book(stage: Stage) -> QWidget:
    window, page = stage.reception()
    page.show_book()
    stage.settle()
    return window


def _page_dialog(opener: str, *, with_card: bool = True,
                 fill: Callable[[Any], None] | None = None) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        window, page = stage.reception()
        if with_card:
            page.card.show_vehicle(stage.need(stage.subjects.vehicle_id,
                                              "vehicle"), stage.subjects.customer_id)
            stage.settle()
        getattr(page, opener)()
        stage.settle()
        dialog = page.dialog
        if dialog is None:
            raise SceneSkipped(f"{opener} opened no dialog")
        if fill is not None:
            fill(dialog)
            stage.settle()
        return window
    return show


def _wrong_vehicle(dialog: Any) -> None:
    """A new customer whose VIN has a wrong check digit and whose plate is not a plate."""
    dialog.customer.name.setText("黄志明")
    dialog.customer.phones[0].setText("13912345678")
    dialog.vehicle.plate.setText("粤A12")
    dialog.vehicle.vin.setText("LVSHCAMB5CE123456")
    dialog.vehicle.vin.editingFinished.emit()  # as when the advisor leaves the field
    dialog.save()


def _dispatch(stage: Stage) -> QWidget:
    window, page = stage.reception()
    order_id = stage.need(stage.subjects.workshop_order_id, "workshop order")
    page.open_order(order_id)
    stage.settle()
    editor = page.orders.editor
    if not editor.actions.buttons["dispatch"].isVisibleTo(editor):
        raise SceneSkipped("dispatch is not offered for the workshop order")
    editor.run_action("dispatch")
    stage.settle()
    return window


def _lock(stage: Stage) -> QWidget:
    window = stage.window(RoleCode.CASHIER)
    window.lock()
    stage.settle()
    return window


def _change_password(weak: bool) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        window = stage.window(RoleCode.CASHIER)
        dialog = window.change_password()
        stage.settle()
        if weak:  # what a cashier who types "12345678" is told (checked as they leave it)
            dialog.fields["new"].edit.setText("12345678")
            dialog._check_field("new")
            stage.settle()
        return window
    return show


def _forced_password(stage: Stage) -> QWidget:
    login: Any = _login(stage)
    actor = stage.actors.get(RoleCode.ADVISOR)
    if actor is None:
        raise SceneSkipped("no active advisor")
    login._force_new_password(actor, "temporary")
    stage.settle()
    return login


def _area(role: str) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        return stage.window(role)
    return show


def _manager(stage: Stage) -> QWidget:
    window = stage.window(RoleCode.SERVICE_MANAGER)
    window.show_area("manager")
    stage.settle()
    return window


def _setup_wizard(stage: Stage) -> QWidget:
    from ui.setup_wizard import FirstStartSetup

    wizard = stage.keep(FirstStartSetup(stage.database, stage.lang))
    wizard.show()
    stage.settle()
    return wizard


def _demo_build(stage: Stage) -> QWidget:
    from ui.demo_build import DemoBuildWindow

    window = DemoBuildWindow(stage.database)
    stage.keep(window)
    window.show()
    window._progressed("A year of repair orders", 120, 230)
    stage.settle()
    return window


SCENES: tuple[Scene, ...] = (
    Scene("login", _login),
    Scene("demo-build", _demo_build),
    Scene("setup-wizard", _setup_wizard),
    Scene("reception-card", _card),
    Scene("reception-fleet-customer", _fleet_card),
    Scene("reception-search-plate", _search("粤A")),
    Scene("reception-search-fragment", _search("88")),
    Scene("order-jobs", _order(0)),
    Scene("order-parts", _order(1)),
    Scene("order-charges", _order(2)),
    Scene("order-check-in-record", _order(3)),
    Scene("order-delivered", _order(0, "delivered")),
    Scene("order-job-suggestions", _job_suggestions),
    Scene("order-part-suggestions", _part_suggestions),
    Scene("order-dispatch", _dispatch),
    Scene("appointment-book", _book),
    Scene("keys", _page_dialog("show_keys", with_card=False)),
    Scene("new-customer", _page_dialog("new_customer", with_card=False)),
    Scene("new-customer-wrong-vehicle", _page_dialog("new_customer", with_card=False,
                                                     fill=_wrong_vehicle)),
    Scene("edit-customer", _page_dialog("edit_customer")),
    Scene("edit-vehicle", _page_dialog("edit_vehicle")),
    Scene("add-vehicle", _page_dialog("add_vehicle")),
    Scene("check-in", _page_dialog("check_in")),
    Scene("book-appointment", _page_dialog("book")),
    Scene("change-owner", _page_dialog("change_owner")),
    Scene("locked", _lock),
    Scene("change-password", _change_password(weak=False)),
    Scene("change-password-weak", _change_password(weak=True)),
    Scene("forced-password-change", _forced_password),
    Scene("cashier-area", _area(RoleCode.CASHIER)),
    Scene("parts-area", _area(RoleCode.PARTS_CLERK)),
    Scene("workshop-area", _area(RoleCode.FOREMAN)),
    Scene("manager", _manager),
)


# -- taking the pictures --------------------------------------------------------------------


def photograph(window: QWidget) -> QPixmap:
    """``window`` with its open dialogs and popups painted where they stand (the picture
    grows when a dialog reaches beyond its window, as on a real screen)."""
    origin = window.mapToGlobal(QPoint(0, 0))
    others: list[tuple[QPoint, QPixmap]] = []
    area = QRect(QPoint(0, 0), window.size())
    for other in QApplication.topLevelWidgets():
        if other is window or not other.isVisible() or other.window() is window:
            continue
        parent = other.parentWidget()
        if parent is None or parent.window() is not window:
            continue
        at = other.mapToGlobal(QPoint(0, 0)) - origin
        others.append((at, other.grab()))
        area = area.united(QRect(at, other.size()))
    picture = QPixmap(area.size())
    picture.fill(QColor("#808080"))
    painter = QPainter(picture)
    shift = -area.topLeft()
    painter.drawPixmap(shift, window.grab())
    for at, grabbed in others:
        painter.drawPixmap(at + shift, grabbed)
    painter.end()
    return picture


def open_stage(database: Database, lang: str) -> Stage:
    """A stage in ``lang`` (the translator switched) on ``database``'s gallery records."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    set_language(app, lang)
    return Stage(database, lang, read_data(database, pick_subjects),
                 read_data(database, actors_by_role))


def shoot(stage: Stage, scene: Scene) -> tuple[QPixmap, list[str]]:
    """Open ``scene``: its picture and its layout problems (the stage is closed after)."""
    try:
        window = scene.show(stage)
        return photograph(window), layout_problems(window) + _dialog_problems(window)
    finally:
        stage.close()


def _dialog_problems(window: QWidget) -> list[str]:
    problems: list[str] = []
    for other in QApplication.topLevelWidgets():
        parent = other.parentWidget()
        if isinstance(other, QDialog) and other.isVisible() and parent is not None \
                and parent.window() is window:
            problems += [f"{type(other).__name__}: {p}" for p in layout_problems(other)]
    return problems


def render_documents(database: Database, stage: Stage, out: Path) -> list[Path]:
    """Every document of the delivered order (and the workshop order's job card) as PNG."""
    from app.devtools.gallery.documents import document_pdfs

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return []
    written: list[Path] = []
    for name, pdf in read_data(database, lambda s: document_pdfs(
            s, stage.subjects, DOCUMENTS, stage.lang)):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"{name}.pdf"
            source.write_bytes(pdf)
            subprocess.run([pdftoppm, "-png", "-r", "90", str(source), str(out / f"doc-{name}")],
                           check=True, timeout=120)
        written += sorted(out.glob(f"doc-{name}*.png"))
    return written


def run_gallery(database: Database, out: Path, languages: tuple[str, ...] = LANGUAGES,
                only: str = "", report: Callable[[str], None] = print) -> int:
    """Photograph every scene (whose name contains ``only``) in each language into ``out``;
    the number of layout problems found."""
    total = 0
    lines: list[str] = []
    for lang in languages:
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        stage = open_stage(database, lang)
        for scene in SCENES:
            if only and only not in scene.name:
                continue
            try:
                picture, problems = shoot(stage, scene)
            except SceneSkipped as skipped:
                report(f"{lang} {scene.name}: skipped ({skipped})")
                continue
            picture.save(str(folder / f"{scene.name}.png"))
            total += len(problems)
            lines += [f"{lang} {scene.name}: {p}" for p in problems]
            report(f"{lang} {scene.name}: {len(problems)} layout problem(s)")
        if not only or "doc" in only:
            for path in render_documents(database, stage, folder):
                report(f"{lang} {path.name}")
    (out / "layout-problems.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return total


def main(argv: list[str] | None = None) -> int:
    """``python -m ui.devtools.gallery --db URL --out DIR [--only TEXT] [--languages L]
    [--strict]`` (started by ``main.py gallery``)."""
    import argparse
    import sys

    from ui.app import prepare

    parser = argparse.ArgumentParser(prog="ui.devtools.gallery")
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", default="")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    prepare("en")
    database = Database(args.db)
    languages = tuple(lang.strip() for lang in args.languages.split(",") if lang.strip())
    try:
        problems = run_gallery(database, args.out, languages, args.only,
                               report=lambda line: print(line, file=sys.stderr))
    finally:
        database.dispose()
    print(f"{problems} layout problem(s); pictures in {args.out}")
    return 1 if problems and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
