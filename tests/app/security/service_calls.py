"""A valid call of each write service, on data built through the real services.

``CALLS[name](world)`` builds what the service needs (as the administrator) and returns the
call; tests/app/security/test_matrix.py makes it once with an actor lacking the permission
(refused, nothing written) and once as the administrator (it works: the call is valid, so
the refusal is the permission's doing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from app.appointments import service as appointments
from app.cashier import invoicing, ledger, payments, till
from app.customers import registration
from app.customers import service as customers
from app.orders import attachments, catalogue, checkin, delivery, lines, progress
from app.orders.queries import job_order_version, load_order, order_version
from app.parts import reservations, stock
from app.parts.catalogue import create_part
from app.printing import render_document, render_invoice
from app.security import users
from app.security.actor import Actor
from app.security.idle_lock import set_idle_lock
from app.shop import save_profile
from app.vehicles import service as vehicles
from db.enums import LineType, WaitReason
from db.models import Invoice, PartLine, RepairOrder, Vehicle
from tests import builders
from tests.factories import (
    TEST_PASSWORD,
    free_plate,
    make_completed_order,
    make_order_with_part_line,
    make_part,
)

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2025, 3, 10, 10, 0, tzinfo=SH)  # Monday 10:00 in Guangzhou: the book is open
TOMORROW_9 = datetime(2025, 3, 11, 9, 0, tzinfo=SH)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@dataclass
class Call:
    """``fn(session, actor, *args, **kwargs)``, at ``clock`` (the pinned time) when given;
    ``approved``: the sensitive call is the advisor's, approved by the administrator."""

    fn: Callable[..., Any]
    args: tuple = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    clock: datetime | None = None
    approved: bool = False


class World:
    """Builds states through the services, as ``admin``."""

    def __init__(self, session, admin: Actor) -> None:
        self.s, self.a = session, admin
        self._keys = iter(range(1, 10**6))

    def key(self, prefix: str = "k") -> str:
        return f"{prefix}{next(self._keys)}"

    def vehicle(self) -> Vehicle:
        return builders.vehicle(self.s, self.a)

    def order(self) -> RepairOrder:
        return builders.order_with_lines(self.s, self.a)

    def v(self, order: RepairOrder) -> int:
        return order_version(self.s, order.id)

    def estimated(self) -> RepairOrder:
        order = self.order()
        progress.submit_estimate(self.s, self.a, order.id, expected_version=self.v(order))
        return order

    def signed(self) -> RepairOrder:
        order = self.estimated()
        progress.record_customer_signature(self.s, self.a, order.id,
                                           expected_version=self.v(order))
        return order

    def in_progress(self) -> RepairOrder:
        order = self.signed()
        tech = builders.technician(self.s)
        for job in order.labour_lines:
            progress.dispatch_job(self.s, self.a, job.id, technician_id=tech.id, bay_id=None,
                                  expected_version=job_order_version(self.s, job.id))
        return load_order(self.s, order.id)

    def clocked_on(self) -> RepairOrder:
        order = self.in_progress()
        job = order.labour_lines[0]
        progress.clock_on(self.s, self.a, job.id, builders.technician(self.s).id,
                          expected_version=job_order_version(self.s, job.id))
        return order

    def jobs_done(self) -> RepairOrder:
        order = self.in_progress()
        for job in order.labour_lines:
            progress.finish_job(self.s, self.a, job.id,
                                expected_version=job_order_version(self.s, job.id))
        return order

    def in_qc(self) -> RepairOrder:
        order = self.jobs_done()
        progress.send_to_qc(self.s, self.a, order.id, expected_version=self.v(order))
        return order

    def completed(self) -> RepairOrder:
        return make_completed_order(self.s, self.a)

    def invoice(self) -> Invoice:
        return invoicing.settle_order(self.s, self.a, self.completed().id)

    def paid_invoice(self) -> Invoice:
        invoice = self.invoice()
        payments.take_payments(self.s, self.a, invoice.id,
                               [payments.PaymentPart("wechat_pay", invoice.gross_total)],
                               idempotency_key=self.key("pay"))
        return invoice

    def delivered(self) -> RepairOrder:
        invoice = self.paid_invoice()
        order = load_order(self.s, invoice.repair_order_id)
        delivery.deliver(self.s, self.a, order.id, expected_version=self.v(order))
        return order

    def credit_note(self) -> Invoice:
        return invoicing.issue_credit_note(self.s, self.a, self.paid_invoice().id,
                                           reason="开错发票")

    def part_line(self, *, stocked: int = 10, quantity: int = 2) -> PartLine:
        part = make_part(self.s, self.a, part_no=self.key("P-"), on_hand=stocked)
        return make_order_with_part_line(self.s, self.a, part, quantity)

    def appointment(self):  # booked for tomorrow 09:00
        customer = builders.customer(self.s, self.a)
        return appointments.book(self.s, self.a, appointments.AppointmentData(
            customer_id=customer.id, vehicle_id=None, advisor_id=None, starts_at=TOMORROW_9))


def check_in_data(vehicle: Vehicle) -> checkin.CheckInData:
    return checkin.CheckInData(mileage_in=vehicle.mileage_km + 1000, fuel_level=4,
                               customer_description="做保养")


def _customer_data() -> customers.CustomerData:
    return customers.CustomerData(name="王芳", phones=["13700001234"])


def _vehicle_data(plate: str) -> vehicles.VehicleData:
    return vehicles.VehicleData(plate=plate, brand="丰田", model="卡罗拉")


def _appointment(w: World, fn: Callable[..., Any], **kwargs: Any) -> Call:
    appt = w.appointment()
    return Call(fn, (appt.id,), kwargs)


def _no_show(w: World) -> Call:
    appt = w.appointment()
    return Call(appointments.mark_no_show, (appt.id,), clock=TOMORROW_9 + timedelta(hours=2))


def _arrive(w: World) -> Call:
    veh = w.vehicle()
    appt = appointments.book(w.s, w.a, appointments.AppointmentData(
        customer_id=veh.owner_id, vehicle_id=veh.id, advisor_id=None, starts_at=TOMORROW_9))
    return Call(appointments.arrive, (appt.id, check_in_data(veh)),
                clock=TOMORROW_9 - timedelta(minutes=10))


def _check_in_booked(w: World) -> Call:
    veh = w.vehicle()
    appt = appointments.book(w.s, w.a, appointments.AppointmentData(
        customer_id=veh.owner_id, vehicle_id=veh.id, advisor_id=None, starts_at=TOMORROW_9))
    return Call(checkin.check_in, (veh.id, check_in_data(veh)), {"appointment_id": appt.id},
                clock=TOMORROW_9 - timedelta(minutes=10))


# A call for one permission of a service where the plain call does not need it:
# (name, permission) -> call
CLAUSE_CALLS: dict[tuple[str, str], Callable[[World], Call]] = {
    ("app.orders.checkin.check_in", "appointments.edit"): _check_in_booked,
}


def call_needing(name: str, permissions: frozenset[str], w: World) -> Call:
    """The call of ``name`` that needs one of ``permissions``."""
    for permission in sorted(permissions):
        if (name, permission) in CLAUSE_CALLS:
            return CLAUSE_CALLS[name, permission](w)
    return CALLS[name](w)


def _till_close(w: World) -> Call:
    drawer = till.open_till(w.s, w.a, terminal=w.key("T"), opening_float="200.00")
    return Call(till.close_till, (drawer.id,), {"counted_cash": "200.00"})


def _issue_payment(w: World) -> Call:
    invoice = w.invoice()
    return Call(ledger.issue_payment, (), {
        "invoice_id": invoice.id, "number": ledger.receipt_numbers(w.s, 1)[0],
        "method": "wechat_pay", "payer": "customer", "amount": Decimal("10.00"),
        "tendered": None, "reference": "", "key": w.key("ip"), "till_session_id": None})


def _take_payments(w: World) -> Call:
    invoice = w.invoice()
    return Call(payments.take_payments,
                (invoice.id, [payments.PaymentPart("wechat_pay", invoice.gross_total)]),
                {"idempotency_key": w.key("tp")})


def _refund(w: World) -> Call:
    note = w.credit_note()
    return Call(invoicing.refund_payment, (note.id,), {
        "amount": "10.00", "method": "wechat_pay", "idempotency_key": w.key("rf")})


def _update_customer(w: World) -> Call:
    customer = builders.customer(w.s, w.a)
    return Call(customers.update_customer,
                (customer.id, customers.CustomerData(name="陈晓明", phones=["13900001111"])),
                {"expected_version": customer.version})


def _comeback(w: World) -> Call:
    original = w.completed()
    veh = w.s.get(Vehicle, original.vehicle_id)
    order = builders.checked_in_order(w.s, w.a, veh)
    return Call(checkin.link_comeback, (order, original.id))


def _update_check_in(w: World) -> Call:
    order = builders.checked_in_order(w.s, w.a)
    return Call(checkin.update_check_in,
                (order.id, checkin.CheckInData(mileage_in=order.mileage_in, fuel_level=5,
                                               customer_description="换机油")),
                {"expected_version": w.v(order)})


def _order_step(build: Callable[[World], RepairOrder], fn: Callable[..., Any],
                **kwargs: Any) -> Callable[[World], Call]:
    def call(w: World) -> Call:
        order = build(w)
        return Call(fn, (order.id,), {**kwargs, "expected_version": w.v(order)})
    return call


def _job_step(build: Callable[[World], RepairOrder], fn: Callable[..., Any],
              with_technician: bool = False, **kwargs: Any) -> Callable[[World], Call]:
    def call(w: World) -> Call:
        job = build(w).labour_lines[0]
        args: tuple = (job.id,)
        if with_technician:
            args += (builders.technician(w.s).id,)
        return Call(fn, args, {**kwargs, "expected_version": job_order_version(w.s, job.id)})
    return call


def _dispatch_job(w: World) -> Call:
    job = w.signed().labour_lines[0]
    return Call(progress.dispatch_job, (job.id,), {
        "technician_id": builders.technician(w.s).id, "bay_id": None,
        "expected_version": job_order_version(w.s, job.id)})


def _dispatch_jobs(w: World) -> Call:
    order = w.signed()
    tech = builders.technician(w.s).id
    return Call(progress.dispatch_jobs,
                (order.id, [(job.id, tech, None) for job in order.labour_lines]),
                {"expected_version": w.v(order)})


def _add_part_line(w: World) -> Call:
    part = make_part(w.s, w.a, part_no=w.key("P-"), on_hand=5)
    return Call(lines.add_part_line, (w.order().id,), {"part_id": part.id, "quantity": "1"})


def _remove_line(w: World) -> Call:
    order = w.order()
    return Call(lines.remove_line, (LineType.CHARGE, order.charge_lines[0].id))


def _update_line(w: World) -> Call:
    order = w.order()
    line = order.charge_lines[0]
    return Call(lines.update_line, (LineType.CHARGE, line.id), {
        "expected_version": w.v(order), "description": "环保处理费", "quantity": None,
        "price": "12.00", "discount": "0", "payer": "customer"})


def _record_approval(w: World) -> Call:
    order = w.signed()
    extra = lines.add_charge_line(w.s, w.a, order.id, description="加装脚垫", amount="80.00")
    return Call(lines.record_approval, (order.id, [lines.LineRef(LineType.CHARGE, extra.id)]),
                {"approved_by": "陈先生", "method": "phone", "expected_version": w.v(order)})


def _part_line_call(fn: Callable[..., Any], *args: Any,
                    prepare: Callable[[World, PartLine], None] | None = None
                    ) -> Callable[[World], Call]:
    def call(w: World) -> Call:
        line = w.part_line()
        if prepare is not None:
            prepare(w, line)
        return Call(fn, (line.id, *args))
    return call


def _issue(w: World, line: PartLine) -> None:
    stock.issue_to_order(w.s, w.a, line.id)


def _reserve(w: World, line: PartLine) -> None:
    reservations.reserve_for_line(w.s, w.a, line.id)


def _receive(w: World) -> Call:
    part = make_part(w.s, w.a, part_no=w.key("P-"))
    return Call(stock.receive_stock, (part.id, "3"), {"unit_cost": "30.00"})


def _adjust(w: World) -> Call:
    part = make_part(w.s, w.a, part_no=w.key("P-"), on_hand=5)
    return Call(stock.adjust_stock, (part.id, "4"), {"reason": "盘点少一个"})


def _update_vehicle(w: World) -> Call:
    veh = w.vehicle()
    return Call(vehicles.update_vehicle, (veh.id, _vehicle_data(veh.plate)),
                {"expected_version": veh.version})


def _change_owner(w: World) -> Call:
    veh = w.vehicle()
    return Call(vehicles.change_owner, (veh.id, builders.customer(w.s, w.a, "李娜").id))


def _record_mileage(w: World) -> Call:
    veh = w.vehicle()
    return Call(vehicles.record_mileage, (veh, veh.mileage_km + 100))


def _create_vehicle(w: World) -> Call:
    owner = builders.customer(w.s, w.a)
    return Call(vehicles.create_vehicle, (_vehicle_data(free_plate(w.s)),),
                {"owner_id": owner.id})


def _a_user(w: World) -> int:
    return users.create_user(w.s, w.a, username=w.key("user"), full_name="赵敏",
                             password="Quiet-harbour-lantern-27", role="advisor").id


def _reset_password(w: World) -> Call:
    return Call(users.reset_password, (_a_user(w), "Lantern-river-morning-64"))


def _unlock_user(w: World) -> Call:
    return Call(users.unlock_user, (_a_user(w),))


def _print_invoice(w: World) -> Call:
    return Call(render_invoice, (w.invoice().id,), {"lang": "zh_CN"})


def _print_settlement(w: World) -> Call:
    invoice = w.invoice()
    return Call(render_document, ("settlement", invoice.repair_order_id), {"lang": "zh_CN"})


def _open_order(fn: Callable[..., Any]) -> Callable[[World], Call]:
    def call(w: World) -> Call:
        veh = w.vehicle()
        return Call(fn, (veh.id, check_in_data(veh)))
    return call


CALLS: dict[str, Callable[[World], Call]] = {
    "app.appointments.service.arrive": _arrive,
    "app.appointments.service.book": lambda w: Call(appointments.book, (
        appointments.AppointmentData(customer_id=builders.customer(w.s, w.a).id,
                                     vehicle_id=None, advisor_id=None,
                                     starts_at=TOMORROW_9),)),
    "app.appointments.service.cancel": lambda w: _appointment(
        w, appointments.cancel, reason="客户改期"),
    "app.appointments.service.confirm": lambda w: _appointment(w, appointments.confirm),
    "app.appointments.service.mark_no_show": _no_show,
    "app.appointments.service.reschedule": lambda w: _appointment(
        w, appointments.reschedule, starts_at=TOMORROW_9 + timedelta(hours=2),
        expected_version=1),
    "app.cashier.invoicing.issue_credit_note": lambda w: Call(
        invoicing.issue_credit_note, (w.invoice().id,), {"reason": "开错发票"}),
    "app.cashier.invoicing.refund_payment": _refund,
    "app.cashier.invoicing.settle_order": lambda w: Call(
        invoicing.settle_order, (w.completed().id,)),
    "app.cashier.ledger.issue_payment": _issue_payment,
    "app.cashier.payments.take_payments": _take_payments,
    "app.cashier.till.close_till": _till_close,
    "app.cashier.till.open_till": lambda w: Call(
        till.open_till, (), {"terminal": w.key("T"), "opening_float": "100.00"}),
    "app.customers.registration.register_customer": lambda w: Call(
        registration.register_customer, (_customer_data(), _vehicle_data(free_plate(w.s)))),
    "app.customers.service.create_customer": lambda w: Call(
        customers.create_customer, (_customer_data(),)),
    "app.customers.service.update_customer": _update_customer,
    "app.orders.attachments.attach_file": lambda w: Call(
        attachments.attach_file, (w.order().id,), {"filename": "dent.png", "data": PNG}),
    "app.orders.catalogue.create_operation": lambda w: Call(
        catalogue.create_operation, (), {"code": w.key("OP-"), "name": "更换雨刮",
                                         "standard_hours": "0.30"}),
    "app.orders.checkin.check_in": _open_order(checkin.check_in),
    "app.orders.checkin.link_comeback": _comeback,
    "app.orders.checkin.open_order": _open_order(checkin.open_order),
    "app.orders.checkin.update_check_in": _update_check_in,
    "app.orders.delivery.deliver": lambda w: _order_step(
        lambda w: load_order(w.s, w.paid_invoice().repair_order_id), delivery.deliver)(w),
    "app.orders.delivery.mark_customer_called": _order_step(
        World.completed, delivery.mark_customer_called),
    "app.orders.delivery.review_completed": _order_step(
        World.completed, delivery.review_completed),
    "app.orders.lines.add_charge_line": lambda w: Call(
        lines.add_charge_line, (w.order().id,), {"description": "洗车", "amount": "30.00"}),
    "app.orders.lines.add_labour_line": lambda w: Call(
        lines.add_labour_line, (w.order().id,), {"description": "检查底盘", "hours": "0.50"}),
    "app.orders.lines.add_part_line": _add_part_line,
    "app.orders.lines.record_approval": _record_approval,
    "app.orders.lines.remove_line": _remove_line,
    "app.orders.lines.update_line": _update_line,
    "app.orders.progress.cancel_order": _order_step(
        World.order, progress.cancel_order, reason="客户不修了"),
    "app.orders.progress.clock_off": _job_step(
        World.clocked_on, progress.clock_off, with_technician=True),
    "app.orders.progress.clock_on": _job_step(
        World.in_progress, progress.clock_on, with_technician=True),
    "app.orders.progress.close_order": _order_step(World.delivered, progress.close_order),
    "app.orders.progress.deliver": lambda w: _order_step(
        lambda w: load_order(w.s, w.paid_invoice().repair_order_id), progress.deliver)(w),
    "app.orders.progress.dispatch_job": _dispatch_job,
    "app.orders.progress.dispatch_jobs": _dispatch_jobs,
    "app.orders.progress.finish_job": _job_step(World.clocked_on, progress.finish_job),
    "app.orders.progress.record_customer_signature": _order_step(
        World.estimated, progress.record_customer_signature),
    "app.orders.progress.record_qc": _order_step(World.in_qc, progress.record_qc, passed=True),
    "app.orders.progress.resume": lambda w: _order_step(_waiting, progress.resume)(w),
    "app.orders.progress.send_to_qc": _order_step(World.jobs_done, progress.send_to_qc),
    "app.orders.progress.set_waiting": _order_step(
        World.in_progress, progress.set_waiting, wait_reason=WaitReason.PARTS,
        reason="等配件"),
    "app.orders.progress.submit_estimate": _order_step(World.order, progress.submit_estimate),
    "app.parts.catalogue.create_part": lambda w: Call(
        create_part, (), {"part_no": w.key("P-"), "name": "雨刮片", "sale_price": "45.00"}),
    "app.parts.reservations.release_reservation": _part_line_call(
        reservations.release_reservation, prepare=_reserve),
    "app.parts.reservations.reserve_as_available": _part_line_call(
        reservations.reserve_as_available),
    "app.parts.reservations.reserve_for_line": _part_line_call(reservations.reserve_for_line),
    "app.parts.stock.adjust_stock": _adjust,
    "app.parts.stock.issue_to_order": _part_line_call(stock.issue_to_order),
    "app.parts.stock.receive_stock": _receive,
    "app.parts.stock.return_from_order": _part_line_call(
        stock.return_from_order, "1", prepare=_issue),
    "app.printing.render_document": _print_settlement,
    "app.printing.render_invoice": _print_invoice,
    "app.security.idle_lock.set_idle_lock": lambda w: Call(
        set_idle_lock, (), {"cashier": 3, "others": 10}),
    "app.security.users.reset_password": _reset_password,
    "app.security.users.unlock_user": _unlock_user,
    "app.security.users.create_user": lambda w: Call(users.create_user, (), {
        "username": w.key("user"), "full_name": "赵敏", "password": "long enough pass 4821",
        "role": "advisor"}),
    "app.shop.save_profile": lambda w: Call(save_profile, (), {"phone": "020-1234 5678"}),
    "app.vehicles.service.change_owner": _change_owner,
    "app.vehicles.service.create_vehicle": _create_vehicle,
    "app.vehicles.service.record_mileage": _record_mileage,
    "app.vehicles.service.update_vehicle": _update_vehicle,
}


# Write services without a call above, with the reason (keep it empty: a service here is
# checked only by reading its code).
NOT_BUILT: dict[str, str] = {}


def _waiting(w: World) -> RepairOrder:
    order = w.in_progress()
    progress.set_waiting(w.s, w.a, order.id, WaitReason.PARTS, "等配件",
                         expected_version=w.v(order))
    return order


# The sensitive variant of an action, where the plain call above does not audit:
# name -> (call, the audit action it must write)
SENSITIVE_CALLS: dict[str, Callable[[World], tuple[Call, str]]] = {}


def _discounted(fn: Callable[..., Any], **kwargs: Any) -> Callable[[World], tuple[Call, str]]:
    def call(w: World) -> tuple[Call, str]:
        return (Call(fn, (w.order().id,), {**kwargs, "discount": "0.50"}, approved=True),
                "discount.approve")
    return call


def _price_override(w: World) -> tuple[Call, str]:
    call = _add_part_line(w)
    call.kwargs["unit_price"] = "1.00"
    return call, "price.override"


def _lower_mileage(w: World) -> tuple[Call, str]:
    veh = w.vehicle()
    return Call(vehicles.record_mileage, (veh, veh.mileage_km - 100),
                {"lower_reason": "换过仪表"}), "vehicle.mileage_lower"


def _remove_signed_line(w: World) -> tuple[Call, str]:
    order = w.signed()
    return Call(lines.remove_line, (LineType.CHARGE, order.charge_lines[0].id),
                {"reason": "客户不要了", "expected_version": w.v(order)}), "line.remove"


def _update_signed_line(w: World) -> tuple[Call, str]:
    order = w.signed()
    line = order.charge_lines[0]
    return Call(lines.update_line, (LineType.CHARGE, line.id), {
        "expected_version": w.v(order), "description": "环保处理费", "quantity": None,
        "price": "10.00", "discount": "0", "payer": "customer",
        "reason": "少收五元"}), "line.update"


def _new_plate(w: World) -> tuple[Call, str]:
    veh = w.vehicle()
    return Call(vehicles.update_vehicle, (veh.id, _vehicle_data(free_plate(w.s))),
                {"expected_version": veh.version}), "vehicle.identity"


SENSITIVE_CALLS.update({
    # own account: no permission to withhold, only the audit to check
    "app.security.users.change_password": lambda w: (Call(
        users.change_password, (), {"current": TEST_PASSWORD,
                                    "new": "Morning-lantern-harbour-93"}),
        "user.change_password"),
    "app.orders.lines.add_charge_line": _discounted(
        lines.add_charge_line, description="洗车", amount="30.00"),
    "app.orders.lines.add_labour_line": _discounted(
        lines.add_labour_line, description="检查底盘", hours="0.50"),
    "app.orders.lines.add_part_line": _price_override,
    "app.orders.lines.remove_line": _remove_signed_line,
    "app.orders.lines.update_line": _update_signed_line,
    "app.vehicles.service.record_mileage": _lower_mileage,
    "app.vehicles.service.update_vehicle": _new_plate,
})

# The audit action each sensitive service's plain call writes.
AUDIT_ACTIONS: dict[str, str] = {
    "app.cashier.invoicing.issue_credit_note": "cashier.credit_note",
    "app.cashier.invoicing.refund_payment": "cashier.refund",
    "app.cashier.till.close_till": "cashier.till_close",
    "app.cashier.till.open_till": "cashier.till_open",
    "app.customers.service.update_customer": "customer.update",
    "app.orders.catalogue.create_operation": "operation.create",
    "app.orders.checkin.link_comeback": "order.comeback",
    "app.orders.delivery.deliver": "order.deliver",
    "app.orders.lines.record_approval": "order.additional_approved",
    "app.orders.progress.cancel_order": "order.cancel",
    "app.parts.stock.adjust_stock": "stock.adjust",
    "app.printing.render_document": "printing.invoice",
    "app.printing.render_invoice": "printing.invoice",
    "app.security.idle_lock.set_idle_lock": "settings.idle_lock",
    "app.security.users.create_user": "user.create",
    "app.security.users.reset_password": "user.reset_password",
    "app.security.users.unlock_user": "user.unlock",
    "app.shop.save_profile": "shop.profile",
    "app.vehicles.service.change_owner": "vehicle.owner",
}


def sensitive_call(name: str, w: World) -> tuple[Call, str]:
    """The call of sensitive service ``name`` that must be audited, and the audit action."""
    if name in SENSITIVE_CALLS:
        return SENSITIVE_CALLS[name](w)
    return CALLS[name](w), AUDIT_ACTIONS[name]


