"""The today strip says whose day it counts, and the user can switch it."""

from __future__ import annotations

from app.reception.today import MINE, SHOP
from tests.ui.conftest import settle_operations
from ui.reception.page import ReceptionPage


def test_an_advisor_sees_their_own_day_and_can_switch_to_the_whole_shop(
        page: ReceptionPage) -> None:
    strip = page.today
    assert strip.chosen_scope() == MINE and strip.strip.scope == MINE
    assert strip.scope.currentText() == "Mine"
    assert "Your orders" in strip.buttons["in_workshop"].toolTip()
    strip.scope.setCurrentIndex(strip.scope.findData(SHOP))
    settle_operations()
    assert strip.strip.scope == SHOP  # the counts were read again for the whole shop
    assert "Every advisor's" in strip.buttons["in_workshop"].toolTip()
    assert strip.scope.currentText() == "Whole shop"


def test_a_service_manager_sees_the_whole_shop(qtbot, database, manager) -> None:
    page = ReceptionPage(database, manager, "en")
    qtbot.addWidget(page)
    page.show()
    settle_operations()
    assert page.today.chosen_scope() == SHOP and page.today.strip.scope == SHOP
