"""What an operation changed: a typed, frozen change set, collected from the session.

Every committed user action produces one ``ChangeSet`` (which orders, jobs, parts, invoices,
appointments, customers … it touched). Screens refresh from it, in this terminal and — through
the ``change_log`` table — in every other one (``ui.change_feed``).

The change set is collected, not declared: every object the unit of work inserts, updates or
deletes is mapped to what it belongs to (``_belongs_to``: a part line changes its order and its
part, a payment its invoice …), so a service cannot forget to announce a change. A service that
writes with a Core ``UPDATE``/``DELETE`` (atomic stock counters) adds what it touched with
``note(session, ChangeSet(...))``. ``app.transactions.perform`` appends the result to the log
in the same transaction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, event, func, select, text
from sqlalchemy.orm import Session

from app.clock import now
from db import models as m

CHANNEL = "bayline_changes"
"""The PostgreSQL NOTIFY channel; the payload is the change_log id."""

ORIGIN = uuid.uuid4().hex
"""This process: rows it wrote are skipped by its own feed (it announced them already)."""

KEEP_FOR = timedelta(days=2)
"""How long change-log rows are kept (a terminal offline longer simply reloads)."""

_INFO_KEY = "bayline_changes"


def _ids(values: Iterable[int | None] = ()) -> frozenset[int]:
    return frozenset(int(v) for v in values if v is not None)


@dataclass(frozen=True)
class ChangeSet:
    """The ids of what one operation changed, per kind; ``shop``/``users`` are whole areas."""

    orders: frozenset[int] = frozenset()
    jobs: frozenset[int] = frozenset()
    parts: frozenset[int] = frozenset()
    invoices: frozenset[int] = frozenset()
    payments: frozenset[int] = frozenset()
    appointments: frozenset[int] = frozenset()
    customers: frozenset[int] = frozenset()
    vehicles: frozenset[int] = frozenset()
    technicians: frozenset[int] = frozenset()
    tills: frozenset[int] = frozenset()
    shop: bool = False  # the shop profile, settings, rates, catalogues, bays, teams
    users: bool = False  # user accounts and roles

    @classmethod
    def of(cls, **kinds: Iterable[int | None] | bool) -> ChangeSet:
        """``ChangeSet.of(orders=[1, 2], parts=[7])``; None ids are left out."""
        values: dict[str, Any] = {}
        for name, value in kinds.items():
            values[name] = value if isinstance(value, bool) else _ids(value)
        return cls(**values)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        merged: dict[str, Any] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = (a or b) if isinstance(a, bool) else a | b
        return ChangeSet(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def kinds(self) -> frozenset[str]:
        """The names of the kinds that changed (``{"orders", "parts"}``)."""
        return frozenset(f.name for f in fields(self) if getattr(self, f.name))

    def touches(self, *kinds: str) -> bool:
        """True when any of ``kinds`` changed."""
        return any(getattr(self, kind) for kind in kinds)

    def to_json(self) -> str:
        """A compact JSON text (stored in ``change_log.changes``)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                out[f.name] = value if isinstance(value, bool) else sorted(value)
        return json.dumps(out, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> ChangeSet:
        """The change set stored by ``to_json``; unknown kinds (a newer terminal) are ignored."""
        data = json.loads(raw)
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name in known:
                values[name] = bool(value) if known[name].type in ("bool", bool) \
                    else _ids(value)
        return cls(**values)


EMPTY = ChangeSet()


# -- what each model belongs to -----------------------------------------------------------

def _line(obj: Any) -> ChangeSet:
    return ChangeSet.of(orders=[obj.repair_order_id])


_BELONGS: dict[type, Callable[[Any], ChangeSet]] = {
    m.RepairOrder: lambda o: ChangeSet.of(orders=[o.id], vehicles=[o.vehicle_id]),
    m.LabourLine: lambda o: ChangeSet.of(orders=[o.repair_order_id], jobs=[o.id],
                                         technicians=[o.technician_id]),
    m.PartLine: lambda o: ChangeSet.of(orders=[o.repair_order_id], parts=[o.part_id]),
    m.ChargeLine: _line,
    m.WorkApproval: _line,
    m.OrderStatusChange: _line,
    m.OrderAttachment: _line,
    m.QCRecord: _line,
    m.ClockEntry: lambda o: ChangeSet.of(jobs=[o.labour_line_id],
                                         technicians=[o.technician_id]),
    m.Part: lambda o: ChangeSet.of(parts=[o.id]),
    m.StockMovement: lambda o: ChangeSet.of(parts=[o.part_id], orders=[o.repair_order_id]),
    m.StockReservation: lambda o: ChangeSet.of(parts=[o.part_id], orders=[o.repair_order_id]),
    m.BinLocation: lambda o: ChangeSet(shop=True),
    m.Supplier: lambda o: ChangeSet(shop=True),
    m.Invoice: lambda o: ChangeSet.of(invoices=[o.id], orders=[o.repair_order_id]),
    m.InvoiceLine: lambda o: ChangeSet.of(invoices=[o.invoice_id]),
    m.Payment: lambda o: ChangeSet.of(payments=[o.id], invoices=[o.invoice_id],
                                      tills=[o.till_session_id]),
    m.TillSession: lambda o: ChangeSet.of(tills=[o.id]),
    m.Appointment: lambda o: ChangeSet.of(appointments=[o.id], customers=[o.customer_id],
                                          vehicles=[o.vehicle_id]),
    m.Customer: lambda o: ChangeSet.of(customers=[o.id]),
    m.CustomerPhone: lambda o: ChangeSet.of(customers=[o.customer_id]),
    m.Vehicle: lambda o: ChangeSet.of(vehicles=[o.id], customers=[o.owner_id]),
    m.VehicleOwnership: lambda o: ChangeSet.of(vehicles=[o.vehicle_id],
                                               customers=[o.customer_id]),
    m.MileageReading: lambda o: ChangeSet.of(vehicles=[o.vehicle_id]),
    m.Technician: lambda o: ChangeSet.of(technicians=[o.id]),
    m.Team: lambda o: ChangeSet(shop=True),
    m.Bay: lambda o: ChangeSet(shop=True),
    m.LabourOperation: lambda o: ChangeSet(shop=True),
    m.ShopProfile: lambda o: ChangeSet(shop=True),
    m.TaxRate: lambda o: ChangeSet(shop=True),
    m.LabourRate: lambda o: ChangeSet(shop=True),
    m.Setting: lambda o: ChangeSet(shop=True),
    m.User: lambda o: ChangeSet(users=True),
    m.Role: lambda o: ChangeSet(users=True),
    m.Permission: lambda o: ChangeSet(users=True),
}
# Bookkeeping rows that change with other documents and mean nothing to a screen on their own.
# (unknown_sign_in counts failed sign-ins under user names that do not exist.)
_SILENT: frozenset[type] = frozenset({m.DocumentSeries, m.ChainHead, m.StockChainHead,
                                      m.AuditEntry, m.ChangeLogEntry, m.UnknownSignIn})


def belongs_to(obj: object) -> ChangeSet:
    """What a change of ``obj`` changes, as screens see it (one home for that knowledge)."""
    for cls in type(obj).__mro__:
        if cls in _BELONGS:
            return _BELONGS[cls](obj)
        if cls in _SILENT:
            return EMPTY
    raise TypeError(f"app.changes does not know what {type(obj).__name__} belongs to")


# -- collecting in a session ----------------------------------------------------------------

@dataclass
class _Collected:
    changes: ChangeSet = field(default_factory=ChangeSet)


def _collected(session: Session) -> _Collected:
    found = session.info.get(_INFO_KEY)
    if found is None:
        found = session.info[_INFO_KEY] = _Collected()
    return found


def note(session: Session, changes: ChangeSet) -> None:
    """Add ``changes`` to what this session's operation changed (for Core UPDATE/DELETE)."""
    box = _collected(session)
    box.changes = box.changes | changes


def collected(session: Session) -> ChangeSet:
    """Everything flushed or noted in this session since it began (or was last reset)."""
    return _collected(session).changes


def reset(session: Session) -> None:
    """Forget what was collected (after a commit or a rollback)."""
    session.info.pop(_INFO_KEY, None)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    found = EMPTY
    modified = [obj for obj in session.dirty
                if session.is_modified(obj, include_collections=False)]
    for obj in (*session.new, *modified, *session.deleted):
        found = found | belongs_to(obj)
    if found:
        note(session, found)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    reset(session)


# -- the log ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class LoggedChange:
    """One row of the change log as a feed reads it."""

    id: int
    origin: str
    at: datetime
    changes: ChangeSet


def append(session: Session, changes: ChangeSet, *, actor_id: int | None = None) -> int:
    """Write ``changes`` to the change log in this transaction; announce it on PostgreSQL.

    PostgreSQL delivers the NOTIFY only when the transaction commits, and not at all when it
    rolls back, so the announcement can never run ahead of the data.
    """
    entry = m.ChangeLogEntry(at=now(), origin=ORIGIN, actor_id=actor_id,
                             changes=changes.to_json())
    session.add(entry)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                        {"channel": CHANNEL, "payload": str(entry.id)})
    return entry.id


def latest_id(session: Session) -> int:
    """The newest change-log id (0 for an empty log): where a new feed starts."""
    return int(session.scalar(select(func.max(m.ChangeLogEntry.id))) or 0)


def read_after(session: Session, after_id: int, *, limit: int = 500) -> list[LoggedChange]:
    """The change-log rows after ``after_id``, oldest first."""
    rows = session.execute(
        select(m.ChangeLogEntry.id, m.ChangeLogEntry.origin, m.ChangeLogEntry.at,
               m.ChangeLogEntry.changes)
        .where(m.ChangeLogEntry.id > after_id).order_by(m.ChangeLogEntry.id).limit(limit))
    return [LoggedChange(r.id, r.origin, r.at, ChangeSet.from_json(r.changes)) for r in rows]


def prune(session: Session, *, keep: timedelta = KEEP_FOR) -> int:
    """Delete change-log rows older than ``keep``; returns how many went."""
    result = session.execute(delete(m.ChangeLogEntry)
                             .where(m.ChangeLogEntry.at < now() - keep))
    return int(getattr(result, "rowcount", 0) or 0)


def without(changes: ChangeSet, **kinds: bool) -> ChangeSet:
    """``changes`` with whole kinds cleared (``without(cs, shop=True)``)."""
    cleared: dict[str, Any] = {name: (False if isinstance(getattr(changes, name), bool)
                                      else frozenset())
                               for name, flag in kinds.items() if flag}
    return replace(changes, **cleared)
