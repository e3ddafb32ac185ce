"""The layout test: every screen and dialog of the gallery, in every language at 1366×768, on
demo data — no input or column narrower than its content needs, no cut label or message, no
overlapping siblings, no shortcut twice (``ui.devtools.layout_check``).

The scenes are the gallery's (``ui.devtools.gallery.SCENES``): a screen added there is checked
here from then on. The demo data is built once per database (the ``tiny`` size, about 5 s).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app.demo.generate import generate_demo_data
from db.engine import Database
from tests.ui.conftest import migrated_empty
from ui.devtools.gallery import LANGUAGES, SCENES, Scene, SceneSkipped, open_stage, shoot
from ui.devtools.layout_check import layout_problems

DEMO_DAY = date(2026, 3, 2)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_database(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A database with the tiny demo data set (shops, people, orders in every state)."""
    with migrated_empty(request.param, tmp_path_factory.mktemp("gallery"), "gallery") as db:
        generate_demo_data(db, seed=2026, size="tiny", today=DEMO_DAY)
        yield db


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scene", SCENES, ids=[s.name for s in SCENES])
def test_no_layout_problem(qapp, demo_database: Database, scene: Scene, lang: str) -> None:
    stage = open_stage(demo_database, lang)
    try:
        _picture, problems = shoot(stage, scene)
    except SceneSkipped as skipped:
        pytest.skip(str(skipped))
    assert problems == [], f"{scene.name} in {lang}:\n" + "\n".join(problems)


def test_the_check_finds_a_crushed_input_and_a_cut_message(qtbot) -> None:
    """The checker itself: a 20 px search box and a clipped two-line message are found."""
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    crushed = QLineEdit(window)
    crushed.setPlaceholderText("Operation code or name")
    crushed.setFixedWidth(20)
    message = QLabel("A plate is a province character, a city letter and 5 letters or digits",
                     window)
    message.setWordWrap(True)
    message.setFixedSize(120, 16)
    row.addWidget(crushed)
    row.addWidget(message)
    window.show()
    qtbot.waitExposed(window)
    found = layout_problems(window)
    assert any("too narrow" in p and "Operation code" in p for p in found), found
    assert any("cut text" in p and "A plate is" in p for p in found), found


