"""The workshop's people and places to dispatch to: active technicians and bays."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.security.actor import Actor, require
from db.models import Bay, Team, Technician


@dataclass(frozen=True)
class TechnicianRow:
    """An active technician as a dispatch list shows them."""

    id: int
    code: str
    name: str
    team_id: int | None
    team: str
    is_team_leader: bool


@dataclass(frozen=True)
class BayRow:
    """An active work bay (工位)."""

    id: int
    code: str
    name: str
    kind: str


def list_technicians(session: Session, actor: Actor) -> list[TechnicianRow]:
    """Active technicians ordered by team and code (``orders.view``)."""
    require(actor, "orders.view")
    rows = session.execute(
        select(Technician.id, Technician.code, Technician.name, Technician.team_id,
               Team.name.label("team"), Technician.is_team_leader)
        .outerjoin(Team, Team.id == Technician.team_id)
        .where(Technician.active.is_(True))
        .order_by(Team.name, Technician.code))
    return [TechnicianRow(id=r.id, code=r.code, name=r.name, team_id=r.team_id,
                          team=r.team or "", is_team_leader=bool(r.is_team_leader))
            for r in rows]


def list_bays(session: Session, actor: Actor) -> list[BayRow]:
    """Active bays ordered by code (``orders.view``)."""
    require(actor, "orders.view")
    rows = session.execute(select(Bay.id, Bay.code, Bay.name, Bay.kind)
                           .where(Bay.active.is_(True)).order_by(Bay.code))
    return [BayRow(id=r.id, code=r.code, name=r.name, kind=r.kind) for r in rows]
