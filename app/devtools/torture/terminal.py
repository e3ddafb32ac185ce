"""One torture terminal: a reception, parts or cashier desk doing real service calls.

Each operation picks its target the way a person would — from a list read a moment before
(so it may be stale) — and then makes exactly one ``run_in_transaction`` call. A
``DomainError`` (not enough stock, changed by someone else, wrong status, too much paid ...)
is an expected outcome: it is what the user would be shown, and it is counted as a
*conflict*; so is a database still busy after ``run_in_transaction``'s retries (the user is
asked to try again). Anything else is an *error* and ends up among the anomalies.

Payments are planned by ``app.devtools.torture.payplan`` (same snapshot, same key, same request);
20 % of them are also posted to another terminal's inbox, which sends the same request again:
a deliberate double submit from two terminals. Hot parts are received in small lots, so the
parts desks keep competing for the last units.
"""

from __future__ import annotations

import queue
import random
import time
import traceback
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import case, exists, func, select, text
from sqlalchemy.orm import Session

from app.cashier.invoicing import issue_credit_note, refund_payment
from app.cashier.invoicing import settle_order as settle
from app.cashier.ledger import paid_by_payer
from app.cashier.payments import PaymentPart, take_payments
from app.devtools.torture.outcomes import DoubleSubmit, Probe, Stats, is_disconnect, kind_code
from app.devtools.torture.payplan import payment_plan
from app.devtools.torture.workflow import next_step
from app.devtools.torture.world import (
    SHARED_DESCRIPTION,
    World,
    hot_stock,
    load_actors,
    new_order,
    plate_for,
)
from app.errors import ConflictError, DomainError
from app.orders.checkin import CheckInData, update_check_in
from app.orders.delivery import deliver
from app.orders.lines import add_charge_line, add_labour_line, add_part_line
from app.orders.queries import load_order
from app.parts.stock import (
    adjust_stock,
    issue_to_order,
    receive_stock,
    reserve_for_line,
    return_from_order,
)
from app.security.actor import Actor
from app.transactions import is_transient, run_in_transaction
from db.engine import Database
from db.enums import InvoiceKind, OrderStatus, PaymentMethod, RoleCode
from db.models import Invoice, Part, PartLine, Payment, RepairOrder

RECEPTION, PARTS, CASHIER, CRASH = "reception", "parts", "cashier", "crash"
ROLE_CYCLE = (RECEPTION, PARTS, CASHIER)
DOUBLE_SUBMIT_SHARE = 0.2
REORDER_BELOW = 8  # a hot part is received only when fewer are on hand

# Weighted operation mix of each desk. When the chosen operation finds nothing to work on, the
# desk helps the flow (FALLBACK, in order); ``new_order`` always has something to do.
MIXES: dict[str, dict[str, int]] = {
    RECEPTION: {"advance": 55, "edit_shared": 15, "new_order": 8, "add_line": 8,
                "deliver": 7, "reserve": 3, "pay": 4},
    PARTS: {"issue": 50, "receive": 12, "adjust": 10, "reserve": 8, "return": 7,
            "edit_shared": 10, "advance": 3},
    CASHIER: {"pay": 40, "settle": 35, "deliver": 8, "edit_shared": 10, "credit": 3,
              "refund": 4},
    CRASH: {"pay": 30, "settle": 25, "issue": 25, "advance": 15, "receive": 3, "new_order": 2},
}
FALLBACK = ("settle", "issue", "advance", "new_order")

_ADVANCING = (OrderStatus.OPEN, OrderStatus.ESTIMATED, OrderStatus.APPROVED,
              OrderStatus.IN_PROGRESS, OrderStatus.WAITING, OrderStatus.QC)
_RANK = {s: i + 1 for i, s in enumerate(_ADVANCING)}
_EDITABLE = (OrderStatus.OPEN, OrderStatus.ESTIMATED, OrderStatus.APPROVED,
             OrderStatus.IN_PROGRESS, OrderStatus.WAITING)
_ISSUABLE = (*_ADVANCING, OrderStatus.COMPLETED)


class Terminal:
    """One desk working on the database through the services (see the module docstring)."""

    def __init__(self, database: Database, world: World, number: int, *, role: str,
                 rng: random.Random, inbox: Any = None, outboxes: Sequence[Any] = (),
                 probe: Probe | None = None, think_time: float = 0.003) -> None:
        self.database = database
        self.world = world
        self.number = number
        self.role = role
        self.rng = rng
        self.inbox = inbox
        self.outboxes = list(outboxes)
        self.probe = probe
        self.think_time = think_time
        self.stats = Stats(terminal=number, role=role)
        self._seq = 0
        with database.reading() as session:
            self.actors = load_actors(session, world.usernames)

    # --- the loop ----------------------------------------------------------------------------

    def step(self) -> None:
        """Do one operation: exactly one transaction (a double submit waiting first)."""
        if self.inbox is not None:
            try:
                item = self.inbox.get_nowait()
            except queue.Empty:
                item = None
            if item is not None:
                self.send_double(item)
                return
        mix = MIXES[self.role]
        first = self.rng.choices(list(mix), weights=list(mix.values()))[0]
        for kind in (first, *FALLBACK):
            if getattr(self, f"op_{kind}")():
                return

    def _tx(self, kind: str, action: Callable[[Session], Any]) -> tuple[bool, Any]:
        """Run ``action`` as one transaction and count how it ended."""
        self.stats.operations += 1
        probe = self.probe
        if probe is not None:
            action = self._probed(action, probe, kind_code(kind))
        try:
            result = run_in_transaction(self.database, action)
        except DomainError as exc:
            self.stats.conflicts += 1
            self.stats.count(kind, "conflict")
            self.stats.conflicts_by_error[type(exc).__name__] += 1
            examples = self.stats.conflict_examples.setdefault(kind, [])
            if len(examples) < 3 and str(exc) not in examples:
                examples.append(str(exc))
            return False, exc
        except Exception as exc:
            if probe is not None and is_disconnect(exc):
                self.stats.connection_lost += 1
                self.stats.count(kind, "connection_lost")
                return False, exc
            if is_transient(exc):  # retried and still busy: the user is asked to try again
                self.stats.conflicts += 1
                self.stats.count(kind, "conflict")
                self.stats.conflicts_by_error["RetriesExhausted"] += 1
                return False, exc
            self.stats.count(kind, "error")
            self.stats.errors.append(
                f"terminal {self.number} {kind}: {type(exc).__name__}: "
                f"{str(exc).splitlines()[0] if str(exc) else ''} | "
                + " / ".join(traceback.format_exception(exc)[-3:]).replace("\n", " ")[-600:])
            return False, exc
        finally:
            if probe is not None:
                probe.in_transaction.value = 0
                probe.transactions.value += 1  # this process is the only writer
        self.stats.ok += 1
        self.stats.count(kind, "ok")
        return True, result

    def _probed(self, action: Callable[[Session], Any], probe: Probe,
                code: int) -> Callable[[Session], Any]:
        postgres = self.database.backend == "postgresql"

        def probed(session: Session) -> Any:
            if postgres:
                probe.backend_pid.value = session.execute(
                    text("SELECT pg_backend_pid()")).scalar_one()
            else:
                session.execute(text("SELECT 1"))  # BEGIN IMMEDIATE: the write lock is ours
            probe.in_transaction.value = code
            return action(session)

        return probed

    def _rows(self, stmt: Any) -> list[Any]:
        with self.database.reading() as session:
            return list(session.execute(stmt).all())

    def _think(self) -> None:
        if self.think_time:
            time.sleep(self.rng.uniform(0, self.think_time))

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _actor(self, role: RoleCode) -> Actor:
        return self.actors[role.value]

    def _run_orders(self, statuses: Sequence[str], limit: int = 20) -> list[Any]:
        w = self.world
        return self._rows(select(RepairOrder.id, RepairOrder.status, RepairOrder.version).where(
            RepairOrder.id > w.orders_after, RepairOrder.status.in_([str(s) for s in statuses]))
            .order_by(func.random()).limit(limit))

    # --- reception ---------------------------------------------------------------------------

    def op_new_order(self) -> bool:
        plate = plate_for(self.world, self.number, self._next_seq())
        self._tx("new_order",
                 lambda s: new_order(s, self.actors, self.world, self.rng, plate).id)
        return True

    def op_add_line(self) -> bool:
        rows = self._run_orders(_EDITABLE, 5)
        if not rows:
            return False
        order_id = rows[0].id
        advisor = self._actor(RoleCode.ADVISOR)
        which = self.rng.random()
        if which < 0.4:
            def action(s: Session) -> int:
                return add_labour_line(s, advisor, order_id, description="追加：检查底盘",
                                       hours="0.50").id
        elif which < 0.8:
            part_id = self.rng.choice(self.world.hot_part_ids)

            def action(s: Session) -> int:
                return add_part_line(s, advisor, order_id, part_id=part_id,
                                     quantity="1").line_id
        else:
            def action(s: Session) -> int:
                return add_charge_line(s, advisor, order_id, description="洗车",
                                       amount="30.00").id
        self._tx("add_line", action)
        return True

    def op_advance(self) -> bool:
        rows = self._run_orders(_ADVANCING)
        if not rows:
            return False
        weights = [_RANK[OrderStatus(r.status)] ** 2 for r in rows]
        order_id = self.rng.choices(rows, weights=weights)[0].id
        with self.database.reading() as session:
            step = next_step(load_order(session, order_id), self.actors, self.world, self.rng)
        self._think()
        self._tx(*step)
        return True

    def op_deliver(self) -> bool:
        rows = self._run_orders((OrderStatus.INVOICED,), 5)
        if not rows:
            return False
        order_id, advisor = rows[0].id, self._actor(RoleCode.ADVISOR)
        version = rows[0].version  # as the advisor read it
        self._tx("deliver", lambda s: deliver(s, advisor, order_id,
                                              expected_version=version).id)
        return True

    def op_edit_shared(self) -> bool:
        """Edit the check-in record of the order every terminal edits (optimistic lock)."""
        w = self.world
        with self.database.reading() as session:
            version, mileage = session.execute(
                select(RepairOrder.version, RepairOrder.mileage_in)
                .where(RepairOrder.id == w.shared_order_id)).one()
        token = f"T{self.number}-{self._next_seq()}"
        data = CheckInData(mileage_in=mileage, customer_description=SHARED_DESCRIPTION,
                           damage_notes=token, diagnosis=f"终端{self.number}修改")
        advisor = self._actor(RoleCode.ADVISOR)
        self._think()
        ok, result = self._tx("edit_shared", lambda s: update_check_in(
            s, advisor, w.shared_order_id, data, expected_version=version).version)
        if ok:
            self.stats.edits.append((token, result))
        elif isinstance(result, ConflictError):
            self.stats.edit_conflicts += 1
        return True

    # --- parts counter -----------------------------------------------------------------------

    def _part_lines(self, condition: Any, statuses: Sequence[str], limit: int = 8) -> list[Any]:
        w = self.world
        return self._rows(
            select(PartLine.id, RepairOrder.status, PartLine.quantity, PartLine.issued_qty)
            .join(RepairOrder, RepairOrder.id == PartLine.repair_order_id)
            .where(RepairOrder.id > w.orders_after, condition,
                   RepairOrder.status.in_([str(s) for s in statuses]))
            .order_by(case((RepairOrder.status == OrderStatus.COMPLETED.value, 0), else_=1),
                      func.random()).limit(limit))

    def op_issue(self) -> bool:
        rows = self._part_lines(PartLine.issued_qty < PartLine.quantity, _ISSUABLE)
        if not rows:
            return False
        row = rows[0] if self.rng.random() < 0.7 else self.rng.choice(rows)
        quantity = None if self.rng.random() < 0.8 else "1"
        clerk = self._actor(RoleCode.PARTS_CLERK)
        self._tx("issue", lambda s: issue_to_order(s, clerk, row.id, quantity).id)
        return True

    def op_return(self) -> bool:
        rows = self._part_lines(PartLine.issued_qty > 0, _ADVANCING)
        if not rows:
            return False
        line_id, clerk = self.rng.choice(rows).id, self._actor(RoleCode.PARTS_CLERK)
        self._tx("return", lambda s: return_from_order(s, clerk, line_id, "1").id)
        return True

    def op_reserve(self) -> bool:
        rows = self._part_lines(PartLine.issued_qty < PartLine.quantity, _ISSUABLE)
        if not rows:
            return False
        line_id, clerk = self.rng.choice(rows).id, self._actor(RoleCode.PARTS_CLERK)
        self._tx("reserve", lambda s: reserve_for_line(s, clerk, line_id).id)
        return True

    def op_receive(self) -> bool:
        """Reorder a hot part that runs low (so issues keep competing for the last units)."""
        with self.database.reading() as session:
            low = [pid for pid, on_hand in hot_stock(session, self.world).items()
                   if on_hand < REORDER_BELOW]
        if not low:
            return False
        part_id, clerk = self.rng.choice(low), self._actor(RoleCode.PARTS_CLERK)
        qty, ref = self.rng.randint(1, 8), f"T{self.number}-{self._next_seq()}"
        self._tx("receive", lambda s: receive_stock(s, clerk, part_id, qty, unit_cost="32.00",
                                                    reference=ref).id)
        return True

    def op_adjust(self) -> bool:
        part_id = self.rng.choice(self.world.hot_part_ids)
        with self.database.reading() as session:
            on_hand = session.scalar(select(Part.on_hand).where(Part.id == part_id))
        counted = max(Decimal(0), (on_hand or Decimal(0)) + self.rng.randint(-3, 3))
        clerk = self._actor(RoleCode.PARTS_CLERK)
        self._think()
        self._tx("adjust", lambda s: getattr(adjust_stock(
            s, clerk, part_id, counted, reason="盘点 stocktake"), "id", None))
        return True

    # --- cashier -----------------------------------------------------------------------------

    def op_settle(self) -> bool:
        short = exists().where(PartLine.repair_order_id == RepairOrder.id,
                               PartLine.issued_qty != PartLine.quantity)
        rows = self._rows(select(RepairOrder.id, short.label("short")).where(
            RepairOrder.id > self.world.orders_after,
            RepairOrder.status == OrderStatus.COMPLETED.value)
            .order_by(func.random()).limit(10))
        ready = [r for r in rows if not r.short]
        if not ready and not (rows and self.rng.random() < 0.2):
            return False
        order_id, cashier = (ready or rows)[0].id, self._actor(RoleCode.CASHIER)
        self._tx("settle", lambda s: settle(s, cashier, order_id).id)
        return True

    def _open_invoices(self) -> list[int]:
        paid = (select(Payment.invoice_id, func.sum(Payment.amount).label("paid"))
                .group_by(Payment.invoice_id).subquery())
        credited = select(Invoice.original_invoice_id).where(
            Invoice.original_invoice_id.is_not(None))
        rows = self._rows(
            select(Invoice.id).outerjoin(paid, paid.c.invoice_id == Invoice.id)
            .where(Invoice.id > self.world.invoices_after,
                   Invoice.kind == InvoiceKind.INVOICE.value,
                   Invoice.gross_total > func.coalesce(paid.c.paid, 0),
                   Invoice.id.not_in(credited))
            .order_by(func.random()).limit(10))
        return [r.id for r in rows]

    def op_pay(self) -> bool:
        invoices = self._open_invoices()
        if not invoices:
            return False
        invoice_id = self.rng.choice(invoices)
        with self.database.reading() as session:
            plan = payment_plan(session, self.world, invoice_id)
        if plan is None:
            return False
        key, parts = plan
        if self.outboxes and self.rng.random() < DOUBLE_SUBMIT_SHARE:
            self.rng.choice(self.outboxes).put(DoubleSubmit(invoice_id, key, parts, self.number))
            self.stats.double_published += 1
        self._think()
        self._pay("pay", invoice_id, key, parts)
        return True

    def send_double(self, item: DoubleSubmit) -> None:
        """Send another terminal's payment request again, under its key."""
        self.stats.double_sent += 1
        self._pay("pay_double", item.invoice_id, item.key, item.parts)

    def _pay(self, kind: str, invoice_id: int, key: str, parts: Sequence[PaymentPart]) -> None:
        cashier = self._actor(RoleCode.CASHIER)
        till = self.world.till_ids[min(self.number, len(self.world.till_ids) - 1)] \
            if any(p.method == PaymentMethod.CASH for p in parts) else None
        ok, result = self._tx(kind, lambda s: tuple(p.id for p in take_payments(
            s, cashier, invoice_id, list(parts), idempotency_key=key, till_session_id=till)))
        if ok:
            self.stats.payments.append((key, result))

    def op_credit(self) -> bool:
        credited = select(Invoice.original_invoice_id).where(
            Invoice.original_invoice_id.is_not(None))
        rows = self._rows(
            select(Invoice.id).join(RepairOrder, RepairOrder.id == Invoice.repair_order_id)
            .where(Invoice.id > self.world.invoices_after,
                   Invoice.kind == InvoiceKind.INVOICE.value, Invoice.id.not_in(credited),
                   RepairOrder.status == OrderStatus.INVOICED.value)
            .order_by(func.random()).limit(3))
        if not rows:
            return False
        invoice_id, manager = rows[0].id, self._actor(RoleCode.SERVICE_MANAGER)
        self._tx("credit", lambda s: issue_credit_note(s, manager, invoice_id,
                                                       reason="开票有误，冲红重开").id)
        return True

    def op_refund(self) -> bool:
        rows = self._rows(select(Invoice.id, Invoice.original_invoice_id).where(
            Invoice.id > self.world.invoices_after,
            Invoice.kind == InvoiceKind.CREDIT_NOTE.value).order_by(func.random()).limit(5))
        for note_id, original_id in rows:
            with self.database.reading() as session:
                paid = paid_by_payer(session, original_id)
                refunded = paid_by_payer(session, note_id)
                attempt = session.scalar(select(func.count(Payment.id))
                                         .where(Payment.invoice_id == note_id)) or 0
            refundable = [(payer, paid[payer] + refunded[payer]) for payer in paid
                          if paid[payer] + refunded[payer] > 0]
            if refundable:
                self._refund(note_id, *refundable[0], f"{self.world.tag}-c{note_id}-r{attempt}")
                return True
        return False

    def _refund(self, note_id: int, payer: str, amount: Decimal, key: str) -> None:
        manager = self._actor(RoleCode.SERVICE_MANAGER)
        ok, result = self._tx("refund", lambda s: (refund_payment(
            s, manager, note_id, amount=amount, method="card", idempotency_key=key,
            payer=payer).id,))
        if ok:
            self.stats.payments.append((key, result))
