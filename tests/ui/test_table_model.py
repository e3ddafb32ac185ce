"""The one table-model base (ui/table_model.py) and the list models built on it.

Every model passes Qt's model tester (pytest-qt's ``qtmodeltester``), and a refresh keeps the
user's selection: a changed row emits ``dataChanged`` (never ``modelReset``), added and removed
rows are inserted and removed where they stand, and a new order moves the selection with its row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from app.money import LineAmounts
from app.orders.view import StockFigures, ViewLine
from db.enums import JobStatus, LineType
from ui.orders.models import LinesModel
from ui.reception.table import Column, RowTableModel, make_table, selected_row
from ui.table_model import TableModel

D = Decimal


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    amount: Decimal


def _items(*pairs: tuple[int, str]) -> list[Item]:
    return [Item(i, name, D(i) * 10) for i, name in pairs]


def _row_model(parent=None) -> RowTableModel[Item]:
    return RowTableModel([
        Column(lambda: "Name", lambda r: r.name),
        Column(lambda: "Amount", lambda r: f"{r.amount:.2f}", sort_key=lambda r: r.amount,
               right=True),
    ], parent, row_key=lambda r: r.id)


def _line(line_id: int, line_type: LineType = LineType.LABOUR, **changes) -> ViewLine:
    part = line_type is LineType.PART
    row = ViewLine(line_type=line_type, line_id=line_id, position=line_id, code=f"OP{line_id}",
                   description=f"Job {line_id}", quantity=D("1.5"), unit_price=D("300.00"),
                   discount=D("0"), payer="customer", tax_rate=D("0.06"),
                   amounts=LineAmounts(net=D("450.00"), tax=D("27.00"), gross=D("477.00")),
                   billable=True, additional=False, pending=False, approval_id=None,
                   job_status=JobStatus.OPEN if line_type is LineType.LABOUR else None,
                   part_id=1 if part else None,
                   stock=StockFigures(D("2"), D("1"), D("1")) if part else None)
    return replace(row, **changes)


class Signals:
    """What a model announced."""

    def __init__(self, model: TableModel) -> None:
        self.events: list[tuple] = []
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.dataChanged.connect(
            lambda a, b, _roles=(): self.events.append(("changed", a.row(), b.row())))
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.layoutChanged.connect(lambda *_: self.events.append(("layout",)))


def _select(view: QTableView, row: int) -> None:
    view.setCurrentIndex(view.model().index(row, 0))
    view.selectionModel().select(view.model().index(row, 0),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)


def test_row_table_model_passes_the_model_tester(qtmodeltester, qtbot) -> None:
    model = _row_model()
    model.set_rows(_items((1, "a"), (2, "b"), (3, "c")))
    qtmodeltester.check(model)
    model.set_rows(_items((3, "c"), (4, "d")))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


@pytest.mark.parametrize("line_type", list(LineType))
def test_lines_models_pass_the_model_tester(qtmodeltester, qtbot, line_type: LineType) -> None:
    model = LinesModel(line_type)
    model.set_rows([_line(1, line_type), _line(2, line_type, pending=True, additional=True),
                    _line(3, LineType.CHARGE if line_type is not LineType.CHARGE
                          else LineType.PART)])
    assert model.rowCount() == 2  # only the lines of its own type
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Description"


def test_updating_one_row_keeps_the_selection_and_emits_data_changed(qtbot) -> None:
    model = _row_model()
    view = make_table(model, None, "items")
    qtbot.addWidget(view)
    model.set_rows(_items((1, "a"), (2, "b"), (3, "c")))
    _select(view, 1)
    seen = Signals(model)
    model.set_rows([Item(1, "a", D(10)), Item(2, "b (paid)", D(20)), Item(3, "c", D(30))])
    assert seen.events == [("changed", 1, 1)]
    assert view.currentIndex().row() == 1
    assert [i.row() for i in view.selectionModel().selectedRows()] == [1]
    assert selected_row(view).name == "b (paid)"


def test_a_changed_line_of_the_editor_emits_data_changed_only(qtbot) -> None:
    model = LinesModel(LineType.LABOUR)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_rows([_line(1), _line(2), _line(3)])
    _select(view, 2)
    seen = Signals(model)
    model.set_rows([_line(1), _line(2), _line(3, job_status=JobStatus.DISPATCHED,
                                              technician="王建国")])
    assert seen.events == [("changed", 2, 2)]
    assert view.currentIndex().row() == 2
    assert "王建国" in model.data(model.index(2, model.column_of("state")))


def test_added_and_removed_rows_are_inserted_and_removed_in_place(qtbot) -> None:
    model = _row_model()
    view = make_table(model, None, "items")
    qtbot.addWidget(view)
    model.set_rows(_items((1, "a"), (2, "b"), (3, "c"), (4, "d")))
    _select(view, 2)  # "c"
    seen = Signals(model)
    model.set_rows(_items((0, "new"), (1, "a"), (3, "c"), (5, "e")))
    assert ("reset",) not in seen.events
    assert ("removed", 3, 3) in seen.events and ("removed", 1, 1) in seen.events
    assert ("inserted", 0, 0) in seen.events and ("inserted", 3, 3) in seen.events
    assert [r.name for r in model.rows] == ["new", "a", "c", "e"]
    assert selected_row(view).name == "c"


def test_a_new_order_moves_the_selection_with_its_row(qtbot) -> None:
    model = _row_model()
    view = make_table(model, None, "items")
    qtbot.addWidget(view)
    model.set_rows(_items((1, "a"), (2, "b"), (3, "c")))
    _select(view, 0)  # "a"
    seen = Signals(model)
    model.set_rows(_items((3, "c"), (2, "b"), (1, "a")))
    assert seen.events == [("layout",)]
    assert selected_row(view).name == "a" and view.currentIndex().row() == 2
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the user sorts: still on "a"
    assert [r.name for r in model.rows] == ["a", "b", "c"]
    assert selected_row(view).name == "a"


def test_rows_without_a_unique_key_fall_back_to_a_reset(qtbot) -> None:
    model = RowTableModel([Column(lambda: "Name", lambda r: r)])
    seen = Signals(model)
    model.set_rows(["x", "x"])
    assert seen.events == [("reset",)] and model.rowCount() == 2
