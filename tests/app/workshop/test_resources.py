"""Technicians and bays offered for dispatch."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied
from app.security.actor import Actor
from app.workshop.resources import list_bays, list_technicians
from db.models import Bay, Technician


def test_active_technicians_with_their_team(session, advisor) -> None:
    session.add(Technician(name="退休师傅", code="T99", active=False))
    session.flush()
    rows = list_technicians(session, advisor)
    assert [(r.code, r.name, r.team) for r in rows] == [("T01", "王师傅", "机修一组"),
                                                          ("T02", "李师傅", "机修一组")]
    assert rows[0].is_team_leader and not rows[1].is_team_leader
    assert rows[0].team_id is not None and rows[0].team_id == rows[1].team_id


def test_active_bays_in_code_order(session, advisor) -> None:
    session.add_all([Bay(code="B00", name="洗车位", kind="wash"),
                     Bay(code="B03", name="停用", active=False)])
    session.flush()
    assert [(r.code, r.name) for r in list_bays(session, advisor)] == [
        ("B00", "洗车位"), ("B01", "1号工位"), ("B02", "2号工位")]


def test_needs_orders_view(session) -> None:
    nobody = Actor(user_id=1, username="x", full_name="x", role="x", permissions=frozenset())
    with pytest.raises(PermissionDenied):
        list_technicians(session, nobody)
    with pytest.raises(PermissionDenied):
        list_bays(session, nobody)
