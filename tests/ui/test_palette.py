"""One colour palette (ui/palette.py) for every status cell, badge and banner."""

from __future__ import annotations

from datetime import timedelta

from app.clock import now
from db.enums import OrderStatus
from ui import palette
from ui.palette import Tone
from ui.reception.common import order_tone as reception_order_tone


def test_order_tones_follow_the_screens_guide() -> None:
    assert palette.order_tone("in_progress") is Tone.PROGRESS
    assert palette.order_tone("qc") is Tone.PROGRESS
    assert palette.order_tone("waiting") is Tone.ATTENTION
    assert palette.order_tone("approved") is Tone.WAITING
    assert palette.order_tone("cancelled") is Tone.WAITING
    assert all(palette.order_tone(s) is Tone.DONE
               for s in ("completed", "invoiced", "delivered", "closed"))
    assert palette.order_tone("unknown") is Tone.WAITING
    assert set(palette.ORDER_TONES) == {s.value for s in OrderStatus}


def test_late_is_red_unless_the_work_is_done() -> None:
    assert palette.order_tone("in_progress", late=True) is Tone.LATE
    assert palette.order_tone("completed", late=True) is Tone.DONE
    past = now() - timedelta(hours=1)
    assert reception_order_tone("waiting", past) is Tone.LATE
    assert reception_order_tone("cancelled", past) is Tone.WAITING
    assert reception_order_tone("waiting", now() + timedelta(hours=1)) is Tone.ATTENTION


def test_named_colours_are_the_tones() -> None:
    assert palette.TONE_COLOURS[Tone.ATTENTION] == palette.AMBER
    assert palette.TONE_COLOURS[Tone.LATE] == palette.RED
    assert palette.tone_foreground(Tone.DONE).name() == palette.GREEN[0]
    assert palette.tone_background(Tone.DONE).name() == palette.GREEN[1]


def test_tone_style_paints_labels_and_banners() -> None:
    fg, bg = palette.TONE_COLOURS[Tone.ATTENTION]
    assert palette.tone_style(Tone.ATTENTION) == (
        f"color: {fg}; background: {bg}; border-radius: 3px; padding: 1px 6px;")
    assert palette.tone_style(Tone.ATTENTION, padding="4px", radius=None) == (
        f"color: {fg}; background: {bg}; padding: 4px;")
    assert palette.tone_style(Tone.ATTENTION, extra="font-weight: bold;").endswith(
        "padding: 1px 6px; font-weight: bold;")
