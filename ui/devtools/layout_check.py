"""What a new user would call a layout bug, found by walking a shown window's widgets.

``layout_problems(window)`` lists, for every visible widget of the window:

* an input narrower than what it holds needs to be read: a line edit narrower than its
  placeholder (up to ``READABLE_CHARS``) or than ``MIN_INPUT_CHARS`` characters, a combo box
  or button narrower than its own text;
* a label whose text is cut: a one-line label narrower than its text, a word-wrapped label
  lower than its text needs at its width;
* siblings that overlap one another;
* the same shortcut twice in one window: two mnemonics (``&P``) or two key sequences;
* a table cell whose text is cut (``…``), in the first ``TABLE_ROWS`` rows.

Each problem is one line naming the widget (its object name, class and text), so a failing
test or the gallery says what to fix. Used by the layout test over every screen of the gallery
(tests/ui/test_layout_gallery.py) and printed by ``main.py gallery``.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollBar,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QWidget,
)

from ui.table_model import FREE_TEXT_ROLE

READABLE_CHARS = 24  # a placeholder is shown whole up to this many characters
MIN_INPUT_CHARS = 4  # no input is narrower than this
TABLE_ROWS = 30
SLACK = 2  # pixels of rounding
COMBO_CHROME = 28  # a combo box's frame, padding and drop-down arrow


def describe(widget: QWidget) -> str:
    """``ClassName#objectName "text"`` for a problem line."""
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        text = widget.text() or (widget.placeholderText() if isinstance(widget, QLineEdit)
                                 else "")
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    name = widget.objectName()
    shown = f' "{text[:40]}"' if text else ""
    return f"{type(widget).__name__}{'#' + name if name else ''}{shown}"


def _visible_descendants(root: QWidget) -> Iterator[QWidget]:
    for child in root.findChildren(QWidget):
        if child.isVisible() and child.window() is root.window() and child.width() > 0:
            yield child


def _label_cut(label: QLabel) -> bool:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return False
    if label.textFormat() == Qt.TextFormat.RichText or label.text().lstrip().startswith("<"):
        # rich text: compare the height it needs at its width
        needed = label.heightForWidth(label.width()) if label.wordWrap() else \
            label.sizeHint().height()
        return needed > label.height() + SLACK or (
            not label.wordWrap() and label.sizeHint().width() > label.width() + SLACK)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        return needed > label.height() + SLACK
    return label.sizeHint().width() > label.width() + SLACK


def _input_too_narrow(widget: QWidget) -> bool:
    metrics = widget.fontMetrics()
    floor = metrics.averageCharWidth() * MIN_INPUT_CHARS
    if isinstance(widget, QLineEdit):
        placeholder = widget.placeholderText()[:READABLE_CHARS]
        needed = max(floor, metrics.horizontalAdvance(placeholder) + 12 if placeholder else 0)
        return widget.width() + SLACK < needed
    if isinstance(widget, QComboBox):  # its current text whole, beside the arrow
        text = metrics.horizontalAdvance(widget.currentText()) + COMBO_CHROME \
            if widget.currentText() else 0
        return widget.width() + SLACK < max(floor, text, widget.minimumSizeHint().width())
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.width() + SLACK < widget.minimumSizeHint().width()
    return False


def _overlaps(root: QWidget) -> Iterator[str]:
    parents = [root, *(w for w in _visible_descendants(root))]
    for parent in parents:
        if isinstance(parent, (QStackedWidget, QAbstractScrollArea, QTabWidget)):
            continue
        children = [c for c in parent.children() if isinstance(c, QWidget) and c.isVisible()
                    and not c.isWindow() and not isinstance(c, (QScrollBar, QMenu))
                    and not c.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                    and c.property("overlay") is not True]
        for i, first in enumerate(children):
            for second in children[i + 1:]:
                shared = first.geometry().intersected(second.geometry())
                if isinstance(shared, QRect) and shared.width() > SLACK \
                        and shared.height() > SLACK:
                    yield f"overlap: {describe(first)} and {describe(second)}"


def _mnemonic(text: str) -> str | None:
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def _shortcut_clashes(root: QWidget) -> Iterator[str]:
    seen: dict[str, str] = {}

    def claim(key: str, owner: str) -> Iterator[str]:
        if key in seen and seen[key] != owner:
            yield f"shortcut {key} twice: {seen[key]} and {owner}"
        else:
            seen[key] = owner

    for widget in _visible_descendants(root):
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (
                isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())
                      if widget.isTabEnabled(i)]
        for text in texts:
            if (letter := _mnemonic(text)) is not None:
                yield from claim(f"Alt+{letter.upper()}", describe(widget)
                                 if not isinstance(widget, QTabWidget) else f"tab “{text}”")
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and parent.isVisible() \
                and shortcut.context() != Qt.ShortcutContext.WidgetShortcut:
            for key in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
                yield from claim(key.toString(QKeySequence.SequenceFormat.PortableText),
                                 f"shortcut of {describe(parent)}")
    for action in root.findChildren(QAction):
        if action.isEnabled() and not action.shortcut().isEmpty():
            yield from claim(action.shortcut().toString(
                QKeySequence.SequenceFormat.PortableText), f"action “{action.text()}”")


def _cut_cells(view: QTableView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    # the delegate draws the text inside (focus frame margin + 1) on each side
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                           view) + 1)
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = header.sectionSize(column) - margin
        if model.headerData(column, Qt.Orientation.Horizontal, FREE_TEXT_ROLE):
            continue  # long free text: cut on purpose, whole in its tooltip
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for row in range(min(model.rowCount(), TABLE_ROWS)):
            text = model.index(row, column).data()
            if isinstance(text, str) and text and "\n" not in text \
                    and metrics.horizontalAdvance(text) > width + SLACK:
                yield (f"cut cell in {describe(view)} column “{title}”: “{text[:40]}” "
                       f"needs {metrics.horizontalAdvance(text)} px, has {width}")
                break


def layout_problems(root: QWidget) -> list[str]:
    """Every layout problem of the shown window ``root`` (empty: none found)."""
    problems: list[str] = []
    for widget in _visible_descendants(root):
        if isinstance(widget, QLabel) and _label_cut(widget):
            problems.append(f"cut text: {describe(widget)} needs "
                            f"{widget.sizeHint().width()}×{widget.heightForWidth(widget.width())}"
                            f" px, has {widget.width()}×{widget.height()}")
        elif _input_too_narrow(widget):
            problems.append(f"too narrow: {describe(widget)} is {widget.width()} px")
        elif isinstance(widget, QTableView):
            problems.extend(_cut_cells(widget))
    problems.extend(_overlaps(root))
    problems.extend(_shortcut_clashes(root))
    return problems
