"""The screen at 1366×768 in every language: nothing clipped, every text translated."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.conftest import settle_operations
from tests.ui.reception.conftest import add_vehicle, open_order_for
from ui.app import build_main_window
from ui.i18n import set_language
from ui.reception.checkin_dialog import CheckInDialog
from ui.reception.page import ReceptionPage
from ui.reception.vehicle_dialog import NewCustomerDialog

SCREEN = (1366, 768)

TITLES = {"zh_CN": ("车辆与客户", "新客户 (F2)"), "zh_TW": ("車輛與客戶", "新客戶 (F2)"),
          "en": ("Vehicle and customer", "New customer (F2)")}


def fits(size, width: int, height: int) -> bool:
    return size.width() <= width and size.height() <= height


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "en"])
def test_the_screen_fits_1366x768_in_each_language(qtbot, qapp, database, advisor,
                                                   lang: str) -> None:
    known = add_vehicle(database, advisor)
    order_id, _number = open_order_for(database, advisor, known.vehicle_id)
    window = build_main_window(database, advisor, lang)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    page = window.pages["reception"]
    assert isinstance(page, ReceptionPage)
    assert fits(window.minimumSizeHint(), *SCREEN), window.minimumSizeHint()
    assert window.size().width() == SCREEN[0] and window.size().height() == SCREEN[1]
    assert fits(page.minimumSizeHint(), page.width(), page.height()), \
        (page.minimumSizeHint(), page.size())
    page.card.show_vehicle(known.vehicle_id, known.customer_id)
    settle_operations()
    page.open_order(order_id)
    settle_operations()
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        shown = page.tabs.currentWidget()
        assert fits(shown.minimumSizeHint(), shown.width(), shown.height()), (tab, lang)
    tab_text, button_text = TITLES[lang]
    assert page.tabs.tabText(0).replace("&", "").startswith(tab_text[:2])
    assert page.new_customer_button.text() == button_text
    for button in page.today.buttons.values():  # the strip's texts are not cut off
        assert button.width() >= button.sizeHint().width()

    for dialog in (NewCustomerDialog(page.ctx, page),
                   CheckInDialog(page.ctx, known.vehicle_id, parent=page)):
        dialog.show()
        qtbot.waitExposed(dialog)
        assert fits(dialog.sizeHint(), *SCREEN), (type(dialog).__name__, dialog.sizeHint())
        assert fits(dialog.minimumSizeHint(), SCREEN[0], SCREEN[1] - 60)
        dialog.done(QDialog.DialogCode.Rejected)
    set_language(qapp, "en")
    QApplication.processEvents()
