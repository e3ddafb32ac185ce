"""One vehicle's visit through the real services: check-in, lines, estimate, signature,
dispatch, parts, work, additional work, QC, review, settlement and payment, hand-over, close.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_UP, Decimal

from sqlalchemy import select

from app.appointments.service import arrive
from app.cashier.invoicing import issue_credit_note, refund_payment, settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.demo import calendar
from app.demo.calendar import later, local
from app.demo.catalogue import JobSpec, complaint, part_key, part_quantity
from app.demo.plan import OrderPlan
from app.demo.world import Step, StockedPart, Technician, World
from app.orders.checkin import CheckInData, open_order
from app.orders.delivery import mark_customer_called, review_completed
from app.orders.lines import (
    LineRef,
    add_charge_line,
    add_labour_line,
    add_part_line,
    record_approval,
)
from app.orders.progress import (
    cancel_order,
    clock_off,
    clock_on,
    close_order,
    deliver,
    dispatch_job,
    finish_job,
    record_customer_signature,
    record_qc,
    resume,
    send_to_qc,
    set_waiting,
    submit_estimate,
)
from app.orders.queries import job_order_version, order_version
from app.parts.stock import issue_to_order, reserve_for_line
from db.enums import (
    ApprovalMethod,
    LineType,
    OrderStatus,
    Payer,
    PaymentMethod,
    RoleCode,
    WaitReason,
)
from db.models import RepairOrder

COMEBACK_OK = frozenset({OrderStatus.COMPLETED, OrderStatus.INVOICED, OrderStatus.DELIVERED,
                         OrderStatus.CLOSED})
INSURERS = ("中国人保财险", "平安产险", "太平洋产险", "中华联合财险")
DAMAGE = ("右后门有轻微划痕", "前保险杠左侧有擦痕", "左后轮毂有刮伤", "后保险杠有小凹陷",
          "车顶有树胶痕迹")
VALUABLES = ("行车记录仪", "车内有雨伞和充电线", "后备箱有儿童座椅", "手套箱内有行驶证复印件")
QC_FINDINGS = ("试车仍有轻微异响，需重新调整", "四轮定位数据超差，重新调整",
               "发动机舱护板卡扣漏装", "轮胎气压未按标准调整")
CANCEL_REASONS = ("客户嫌价格高，暂不维修", "客户决定到保险公司指定维修点维修",
                  "客户要求先不修，下次保养时再做")
CREDIT_REASONS = ("客户要求开具单位抬头发票，原发票红冲重开",
                  "发票纳税人识别号有误，红冲后重开")


def _rng(seed: int, order: OrderPlan) -> random.Random:
    return random.Random(f"bayline-demo:{seed}:order:{order.index}")


@dataclass
class _Job:
    spec: JobSpec
    labour_id: int
    part_lines: list[tuple[int, StockedPart, Decimal]]  # (line id, part, quantity)
    charge_ids: list[int]
    technician: Technician | None = None

    def refs(self) -> list[LineRef]:
        """The job's lines, for recording the customer's approval."""
        return [LineRef(LineType.LABOUR, self.labour_id),
                *(LineRef(LineType.PART, line_id) for line_id, _p, _q in self.part_lines),
                *(LineRef(LineType.CHARGE, charge_id) for charge_id in self.charge_ids)]


def _check_in(world: World, order: OrderPlan, rng: random.Random) -> RepairOrder:
    vehicle = order.vehicle
    assert vehicle.id is not None
    km = vehicle.mileage(local(order.arrive).date())
    # "、" survives the services' NFKC clean-up (a full-width comma would become ",")
    complaints = "、".join(dict.fromkeys(complaint(job, rng.choice(job.complaints), km)
                                        for job in order.jobs))
    minutes = sum(int(Decimal(j.hours) * 60) for j in order.jobs) + 90
    comeback_id = None
    if order.comeback_of is not None and order.comeback_of.id is not None:
        status = world.session.scalar(select(RepairOrder.status)
                                      .where(RepairOrder.id == order.comeback_of.id))
        if status in COMEBACK_OK:
            comeback_id = order.comeback_of.id
    data = CheckInData(
        mileage_in=km, fuel_level=rng.randint(1, 8),
        damage_notes=rng.choice(DAMAGE) if rng.random() < 0.3 else "",
        valuables=rng.choice(VALUABLES) if rng.random() < 0.15 else "",
        warning_lights=order.jobs[0].warning_lights, customer_description=complaints,
        diagnosis=order.jobs[0].diagnosis,
        promised_at=later(order.arrive, minutes),
        contact_preference=rng.choice(("phone", "phone", "wechat", "sms")),
        customer_waiting=minutes <= 150 and rng.random() < 0.5)
    advisor = world.actor(RoleCode.ADVISOR)
    if order.booking is not None and order.booking.id is not None:
        return arrive(world.session, advisor, order.booking.id, data)
    return open_order(world.session, advisor, vehicle.id, data, comeback_of_id=comeback_id)


def _add_job(world: World, order: OrderPlan, order_id: int, job: JobSpec) -> _Job:
    advisor = world.actor(RoleCode.ADVISOR)
    discount = order.vehicle.owner.discount if job.payer == Payer.CUSTOMER else Decimal("0")
    labour = add_labour_line(world.session, advisor, order_id, description=job.name,
                             hours=job.hours, hourly_rate=job.rate, operation_code=job.code,
                             discount=discount, payer=job.payer)
    lines = []
    model = order.vehicle.model
    for kind, quantity in job.parts:
        part = world.parts[part_key(kind, model)]
        qty = part_quantity(quantity, model)
        line = add_part_line(world.session, advisor, order_id, part_id=part.id, quantity=qty,
                             payer=job.payer, reserve=False).line  # the demo holds stock itself
        lines.append((line.id, part, qty))
    charges = [add_charge_line(world.session, advisor, order_id, description=description,
                               amount=amount, payer=job.payer).id
               for description, amount in job.charges]
    return _Job(job, labour.id, lines, charges)


def _dispatch(world: World, job: _Job, moment: datetime) -> None:
    technician = world.pick_technician(job.spec.skill, moment)
    bays = world.bays.get(job.spec.bay) or world.bays["general"]
    dispatch_job(world.session, world.actor(RoleCode.FOREMAN), job.labour_id,
                 technician_id=technician.id, bay_id=bays[technician.id % len(bays)],
                 expected_version=job_order_version(world.session, job.labour_id))
    job.technician = technician


def _short_parts(jobs: list[_Job]) -> list[tuple[StockedPart, Decimal]]:
    """Parts of these jobs the shelf cannot cover right now, with the quantity needed."""
    needed: dict[int, tuple[StockedPart, Decimal]] = {}
    for job in jobs:
        for _line_id, part, qty in job.part_lines:
            held = needed.get(part.id, (part, Decimal(0)))[1]
            needed[part.id] = (part, held + qty)
    return [(part, qty) for part, qty in needed.values() if part.available < qty]


def _reserve(world: World, jobs: list[_Job]) -> None:
    """Hold the parts of an order the customer is still deciding on (where there is stock)."""
    advisor = world.actor(RoleCode.ADVISOR)
    for job in jobs:
        for line_id, part, qty in job.part_lines:
            if part.available >= qty:
                reserve_for_line(world.session, advisor, line_id)
                part.reserved += qty


def _issue(world: World, jobs: list[_Job]) -> None:
    clerk = world.actor(RoleCode.PARTS_CLERK)
    for job in jobs:
        for line_id, part, _qty in job.part_lines:
            movement = issue_to_order(world.session, clerk, line_id)
            part.on_hand += movement.quantity


def _payment_parts(shares: tuple[Decimal, ...], rng: random.Random, company: bool,
                   number: str, till_open: bool) -> list[PaymentPart]:
    """How an invoice is paid: insurer, warranty and internal shares on account (receivables),
    the customer's share by WeChat, Alipay, card, cash or transfer, sometimes split."""
    customer_share, insurer_share, warranty_share, internal_share = shares
    parts: list[PaymentPart] = []
    if insurer_share > 0:
        parts.append(PaymentPart(PaymentMethod.ACCOUNT, insurer_share, Payer.INSURER,
                                 reference=f"{rng.choice(INSURERS)} 报案号RDAA{number[-6:]}"))
    if warranty_share > 0:
        parts.append(PaymentPart(PaymentMethod.ACCOUNT, warranty_share, Payer.WARRANTY,
                                 reference=f"厂家索赔单 WC{number[-6:]}"))
    if internal_share > 0:
        parts.append(PaymentPart(PaymentMethod.ACCOUNT, internal_share, Payer.INTERNAL,
                                 reference="返修内部结算"))
    amount = customer_share
    if amount <= 0:
        return parts
    if company:
        methods = [PaymentMethod.BANK_TRANSFER, PaymentMethod.WECHAT_PAY, PaymentMethod.CARD]
        weights = [60, 25, 15]
    else:
        methods = [PaymentMethod.WECHAT_PAY, PaymentMethod.ALIPAY, PaymentMethod.CARD,
                   PaymentMethod.CASH]
        weights = [42, 22, 18, 18]
    if not till_open and PaymentMethod.CASH in methods:
        weights[methods.index(PaymentMethod.CASH)] = 0
    method = rng.choices(methods, weights=weights)[0]
    if amount > Decimal("300") and rng.random() < 0.12 and till_open:
        cash = (amount / 2).quantize(Decimal(100), rounding=ROUND_UP) - Decimal(100)
        if cash > 0:
            parts.append(PaymentPart(PaymentMethod.CASH, cash.quantize(Decimal("0.01")),
                                     tendered=cash.quantize(Decimal("0.01"))))
            amount -= cash
            method = PaymentMethod.WECHAT_PAY if method == PaymentMethod.CASH else method
    parts.append(_customer_part(method, amount, rng))
    return parts


def _customer_part(method: str, amount: Decimal, rng: random.Random) -> PaymentPart:
    if method == PaymentMethod.CASH:
        tendered = amount.quantize(Decimal(100), rounding=ROUND_UP) if rng.random() < 0.7 \
            else amount
        return PaymentPart(method, amount, tendered=tendered.quantize(Decimal("0.01")))
    digits = f"{rng.randrange(10**12):012d}"
    references: dict[str, str] = {
        PaymentMethod.WECHAT_PAY: f"4200002{digits}{rng.randrange(10**9):09d}",
        PaymentMethod.ALIPAY: f"2025{digits}{rng.randrange(10**12):012d}",
        PaymentMethod.CARD: f"银联 尾号{digits[:4]} 凭证号{digits[4:10]}",
        PaymentMethod.BANK_TRANSFER: f"对公转账 流水号{digits}",
    }
    reference = references.get(method, "")
    return PaymentPart(method, amount, reference=reference)


def _pay(world: World, order: OrderPlan, rng: random.Random, invoice_id: int, number: str,
         shares: tuple[Decimal, ...]) -> list[tuple[str, str, Decimal]]:
    """Take the payments of an invoice; returns (method, payer, amount) of each."""
    key = f"demo-{number}"
    till_open = world.till_id is not None
    company = order.vehicle.owner.data.kind == "company"
    parts = _payment_parts(shares, rng, company, number, till_open)
    payments = take_payments(world.session, world.actor(RoleCode.CASHIER), invoice_id, parts,
                             idempotency_key=key, till_session_id=world.till_id)
    for payment in payments:
        if payment.method == PaymentMethod.CASH:
            world.till_cash += payment.amount
    return [(p.method, p.payer, p.amount) for p in payments]


def _refund(world: World, note_id: int, number: str,
            payments: list[tuple[str, str, Decimal]]) -> None:
    for i, (method, payer, amount) in enumerate(payments):
        if method == PaymentMethod.CASH and world.till_id is None:
            method = PaymentMethod.WECHAT_PAY
        refund_payment(world.session, world.actor(RoleCode.CASHIER), note_id, amount=amount,
                       method=method, payer=payer, idempotency_key=f"demo-{number}-{i}",
                       till_session_id=world.till_id, reference="原路退回")
        if method == PaymentMethod.CASH:
            world.till_cash -= amount


def _settle(world: World, order_id: int) -> tuple[int, str, tuple[Decimal, ...]]:
    invoice = settle_order(world.session, world.actor(RoleCode.CASHIER), order_id)
    return invoice.id, invoice.number, (invoice.customer_share, invoice.insurer_share,
                                        invoice.warranty_share, invoice.internal_share)


def _overnight(world: World, job_id: int, technician_id: int, moment: datetime,
               last_day: date) -> Step:
    """A job running past closing time: clock off at 18:00, on again next morning at 08:30,
    until ``last_day``."""
    mechanic = world.actor(RoleCode.TECHNICIAN)
    day = local(moment).date()
    while day < last_day:
        yield calendar.at(day, calendar.CLOSE_MINUTES)
        clock_off(world.session, mechanic, job_id, technician_id,
                  expected_version=job_order_version(world.session, job_id))
        day = calendar.next_open_day(day)
        yield calendar.at(day, calendar.OPEN_MINUTES)
        clock_on(world.session, mechanic, job_id, technician_id,
                 expected_version=job_order_version(world.session, job_id))


def visit(world: World, order: OrderPlan, seed: int) -> Step:
    """One vehicle's visit from check-in to closing (or to the state it is left in)."""
    rng = _rng(seed, order)
    advisor = world.actor(RoleCode.ADVISOR)
    foreman = world.actor(RoleCode.FOREMAN)
    mechanic = world.actor(RoleCode.TECHNICIAN)
    live = order.live
    t = order.arrive
    yield t
    checked_in = _check_in(world, order, rng)
    order_id, waiting = checked_in.id, checked_in.customer_waiting
    order.id = order_id
    world.orders_opened += 1
    world.orders_in_batch += 1
    if live == OrderStatus.OPEN and order.index % 2 == 0:
        return  # just checked in; the advisor is still writing it up
    t = later(t, rng.randint(5, 12))
    yield t
    jobs = [_add_job(world, order, order_id, spec) for spec in order.jobs]
    if live == OrderStatus.OPEN:
        return
    t = later(t, rng.randint(5, 10))
    yield t
    submit_estimate(world.session, advisor, order_id,
                    expected_version=order_version(world.session, order_id))
    if live == OrderStatus.ESTIMATED:
        _reserve(world, jobs)
        return
    if order.cancel:
        t = later(t, rng.randint(30, 150))
        yield t
        cancel_order(world.session, advisor, order_id, reason=rng.choice(CANCEL_REASONS),
                     expected_version=order_version(world.session, order_id))
        return
    t = later(t, rng.randint(3, 15))
    yield t
    record_customer_signature(world.session, advisor, order_id,
                              expected_version=order_version(world.session, order_id))
    if live == OrderStatus.APPROVED:
        _reserve(world, jobs)
        return
    t = later(t, rng.randint(10, 40))
    yield t
    for job in jobs:
        _dispatch(world, job, t)
    t = later(t, rng.randint(5, 20))
    yield t
    if live == OrderStatus.WAITING and order.extra is None:
        has_parts = any(job.part_lines for job in jobs)
        set_waiting(world.session, foreman, order_id,
                    WaitReason.PARTS if has_parts else WaitReason.SUBLET,
                    reason="配件订货中，预计明天到货" if has_parts else "外协加工中",
                    expected_version=order_version(world.session, order_id))
        return
    short = _short_parts(jobs)
    if short and not order.quick:
        set_waiting(world.session, foreman, order_id, WaitReason.PARTS,
                    reason="等待配件：" + "、".join(part.part_no for part, _q in short),
                    expected_version=order_version(world.session, order_id))
        t = calendar.at(calendar.next_open_day(local(t).date()), 10 * 60 + rng.randint(0, 60))
        yield t
        resume(world.session, foreman, order_id,
               expected_version=order_version(world.session, order_id))
    for part, quantity in _short_parts(jobs):
        world.top_up(part, quantity, f"EO{local(t):%Y%m%d}{order.index:04d}")
    _issue(world, jobs)

    queue = list(jobs)
    done: list[_Job] = []
    extra_pending = order.extra
    while queue:
        job = queue.pop(0)
        technician = job.technician
        assert technician is not None
        start = max(t, technician.free_at)
        minutes = max(10, round(float(job.spec.hours) * 60 * rng.uniform(0.8, 1.3)))
        end = later(start, minutes)
        technician.free_at = end
        t = start
        yield t
        clock_on(world.session, mechanic, job.labour_id, technician.id,
                 expected_version=job_order_version(world.session, job.labour_id))
        if live == OrderStatus.IN_PROGRESS:
            technician.free_at = world.plan.cutoff + timedelta(days=1)
            yield from _overnight(world, job.labour_id, technician.id, t, world.plan.today)
            return
        yield from _overnight(world, job.labour_id, technician.id, t, local(end).date())
        t = end
        yield t
        finish_job(world.session, mechanic, job.labour_id,
                   expected_version=job_order_version(world.session, job.labour_id))
        done.append(job)
        if extra_pending is None:
            continue
        extra = _add_job(world, order, order_id, extra_pending)
        extra_pending = None
        if live == OrderStatus.WAITING:
            t = later(t, 5)
            yield t
            set_waiting(world.session, advisor, order_id, WaitReason.APPROVAL,
                        reason="等待客户确认追加项目",
                        expected_version=order_version(world.session, order_id))
            return
        t = later(t, rng.randint(8, 25))
        yield t
        record_approval(world.session, advisor, order_id, extra.refs(),
                        approved_by=order.vehicle.owner.contact,
                        method=rng.choice((ApprovalMethod.PHONE, ApprovalMethod.PHONE,
                                           ApprovalMethod.MESSAGE, ApprovalMethod.IN_PERSON)),
                        extra_minutes=round(float(extra.spec.hours) * 60),
                        notes=f"技师检查发现需要{extra.spec.name}，已征得客户同意",
                        expected_version=order_version(world.session, order_id))
        _dispatch(world, extra, t)
        for part, quantity in _short_parts([extra]):
            world.top_up(part, quantity, f"EO{local(t):%Y%m%d}{order.index:04d}")
        _issue(world, [extra])
        queue.append(extra)

    t = later(t, rng.randint(3, 10))
    yield t
    send_to_qc(world.session, foreman, order_id,
               expected_version=order_version(world.session, order_id))
    if live == OrderStatus.QC:
        return
    t = later(t, rng.randint(10, 30))
    yield t
    if order.qc_fail:
        record_qc(world.session, foreman, order_id, passed=False,
                  notes=rng.choice(QC_FINDINGS),
                  expected_version=order_version(world.session, order_id))
        first = done[0]
        technician = first.technician
        assert technician is not None
        t = max(later(t, rng.randint(5, 20)), technician.free_at)
        end = later(t, rng.randint(20, 50))
        technician.free_at = end
        yield t
        clock_on(world.session, mechanic, first.labour_id, technician.id,
                 expected_version=job_order_version(world.session, first.labour_id))
        yield from _overnight(world, first.labour_id, technician.id, t, local(end).date())
        t = end
        yield t
        for job in done:
            finish_job(world.session, mechanic, job.labour_id,
                       expected_version=job_order_version(world.session, job.labour_id))
        t = later(t, 5)
        yield t
        send_to_qc(world.session, foreman, order_id,
                   expected_version=order_version(world.session, order_id))
        t = later(t, rng.randint(10, 20))
        yield t
    record_qc(world.session, foreman, order_id, passed=True,
              expected_version=order_version(world.session, order_id))
    t = later(t, rng.randint(5, 20))  # the keys and the order come back to the front desk
    yield t
    review_completed(world.session, advisor, order_id,
                     expected_version=order_version(world.session, order_id))
    if live == OrderStatus.COMPLETED and order.index % 2 == 0:
        return
    if not waiting:
        mark_customer_called(world.session, advisor, order_id,
                             expected_version=order_version(world.session, order_id))
    if live == OrderStatus.COMPLETED:
        return

    t = later(t, rng.randint(10, 120) if waiting else rng.randint(30, 180))
    yield t  # the customer comes to collect the car
    invoice_id, number, shares = _settle(world, order_id)
    t = later(t, rng.randint(2, 6))
    yield t
    paid = _pay(world, order, rng, invoice_id, number, shares)
    if order.credit_note:
        t = later(t, rng.randint(10, 40))
        yield t
        note = issue_credit_note(world.session, world.actor(RoleCode.SERVICE_MANAGER),
                                 invoice_id, reason=rng.choice(CREDIT_REASONS))
        _refund(world, note.id, note.number, paid)
        t = later(t, rng.randint(5, 15))
        yield t
        invoice_id, number, shares = _settle(world, order_id)
        t = later(t, 2)
        yield t
        _pay(world, order, rng, invoice_id, number, shares)
    t = later(t, rng.randint(3, 15))
    yield t
    deliver(world.session, advisor, order_id,
            expected_version=order_version(world.session, order_id))
    day = local(t).date()
    for _ in range(3):  # the follow-up call within three working days, then the file closes
        day = calendar.next_open_day(day)
    t = calendar.at(day, rng.randint(10 * 60, 17 * 60))
    yield t
    close_order(world.session, advisor, order_id,
                expected_version=order_version(world.session, order_id))


