"""Realistic orders for the printing tests, built through the real services."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.cashier.invoicing import settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.cashier.till import open_till
from app.clock import now
from app.orders import progress
from app.orders.lines import (
    LineRef,
    add_charge_line,
    add_labour_line,
    add_part_line,
    record_approval,
)
from app.orders.queries import job_order_version, load_order, order_version
from app.parts.stock import issue_to_order
from db.enums import LineType
from db.models import Bay, Technician
from tests import builders
from tests.factories import make_part

LONG_JOB = ("更换前刹车片及检查制动系统：拆检前制动卡钳，清洁并润滑导向销，测量刹车盘厚度，"
            "装复后路试确认无异响、无跑偏")
PHONE = "13812345678"


@dataclass
class WorkshopOrder:
    """A signed order in progress: jobs with technicians and bays, parts, a charge, one
    approved and two pending additional items."""

    order_id: int
    pending: tuple[str, ...]


def pdf_text(pdf: bytes) -> list[str]:
    """Text of each page."""
    return [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Text without white space (lines wrap anywhere inside table cells)."""
    return re.sub(r"\s+", "", text)


def workshop_order(session, actors) -> WorkshopOrder:
    """Check-in → lines → estimate → signature → dispatch → parts → additional work."""
    advisor, foreman = actors["advisor"], actors["foreman"]
    clerk, tech_actor = actors["parts_clerk"], actors["technician"]
    owner = builders.customer(session, advisor, name="陈晓明", phone=PHONE)
    veh = builders.vehicle(session, advisor, owner, vin=builders.VALID_VIN, colour="珍珠白",
                           model_year=2021, mileage_km=40000)
    order = builders.checked_in_order(
        session, advisor, veh, mileage=45210, fuel_level=5,
        damage_notes="左前门划痕约10厘米；后保险杠轻微凹陷", valuables="行车记录仪、雨伞",
        warning_lights="发动机故障灯亮", diagnosis="前刹车片磨损至2毫米，需更换",
        promised_at=now() + timedelta(hours=5))
    filter_part = make_part(session, clerk, "04152-YZZA6", on_hand=10, name="机油滤清器",
                            sale_price="68.00")
    oil = make_part(session, clerk, "08880-83324", on_hand=40, name="全合成机油 5W-30",
                    sale_price="95.00", unit="L")
    pads = make_part(session, clerk, "04465-02220", on_hand=4, name="前刹车片（套）",
                     sale_price="420.00")
    add_labour_line(session, advisor, order.id, description="常规保养（一万公里）",
                    hours="1.2", operation_code="MNT-10K")
    add_labour_line(session, advisor, order.id, description=LONG_JOB, hours="0.8",
                    hourly_rate="200.00", discount="0.10", operation_code="BRK-FR")
    add_labour_line(session, advisor, order.id, description="发动机故障码诊断（厂家保修）",
                    hours="1.0", operation_code="DIAG-01", payer="warranty")
    add_part_line(session, advisor, order.id, part_id=filter_part.id, quantity="1")
    add_part_line(session, advisor, order.id, part_id=oil.id, quantity="4.5")
    add_part_line(session, advisor, order.id, part_id=pads.id, quantity="1", discount="0.05")
    add_charge_line(session, advisor, order.id, description="环保处理费", amount="15.00")
    progress.submit_estimate(session, advisor, order.id,
                             expected_version=order_version(session, order.id))
    progress.record_customer_signature(session, advisor, order.id,
                                       expected_version=order_version(session, order.id))
    tech = session.scalars(select(Technician).order_by(Technician.code)).first()
    bay = session.scalars(select(Bay).order_by(Bay.code)).first()
    for job in load_order(session, order.id).labour_lines:
        progress.dispatch_job(session, foreman, job.id, technician_id=tech.id, bay_id=bay.id,
                              expected_version=job_order_version(session, job.id))
    first = load_order(session, order.id).labour_lines[0]
    progress.clock_on(session, tech_actor, first.id, tech.id,
                      expected_version=job_order_version(session, first.id))
    progress.finish_job(session, tech_actor, first.id,
                        expected_version=job_order_version(session, first.id))
    for line in load_order(session, order.id).part_lines:
        issue_to_order(session, clerk, line.id)
    wipers = add_labour_line(session, advisor, order.id, description="更换雨刮片",
                             hours="0.2", operation_code="WIP-01")
    record_approval(session, advisor, order.id, [LineRef(LineType.LABOUR, wipers.id)],
                    approved_by="车主陈先生", method="phone",
                    expected_version=order_version(session, order.id))
    cabin = add_labour_line(session, advisor, order.id, description="更换空调滤清器",
                            hours="0.3", operation_code="AC-FLT")
    cabin_part = make_part(session, clerk, "87139-0N010", on_hand=3, name="空调滤芯",
                           sale_price="128.00")
    extra = add_part_line(session, advisor, order.id, part_id=cabin_part.id, quantity="1").line
    session.flush()
    session.expire_all()  # documents are printed from what is stored, as in a new session
    return WorkshopOrder(order.id, (cabin.description, extra.description))


def complete_and_invoice(session, actors, work: WorkshopOrder) -> int:
    """Approve the pending items, finish everything, QC, invoice; returns the invoice id."""
    advisor, foreman = actors["advisor"], actors["foreman"]
    clerk, tech_actor = actors["parts_clerk"], actors["technician"]
    order = load_order(session, work.order_id)
    refs = [LineRef(LineType.LABOUR, j.id) for j in order.labour_lines
            if j.additional and j.approval_id is None]
    refs += [LineRef(LineType.PART, p.id) for p in order.part_lines
             if p.additional and p.approval_id is None]
    record_approval(session, advisor, order.id, refs, approved_by="车主陈先生",
                    method="in_person", expected_version=order_version(session, order.id))
    tech = session.scalars(select(Technician).order_by(Technician.code)).first()
    for job in load_order(session, order.id).labour_lines:
        if job.status in ("open",):
            progress.dispatch_job(session, foreman, job.id, technician_id=tech.id,
                                  expected_version=job_order_version(session, job.id))
        if job.status in ("dispatched", "in_progress"):
            progress.finish_job(session, tech_actor, job.id,
                                expected_version=job_order_version(session, job.id))
    for line in load_order(session, order.id).part_lines:
        if line.issued_qty < line.quantity:
            issue_to_order(session, clerk, line.id)
    progress.send_to_qc(session, foreman, order.id,
                        expected_version=order_version(session, order.id))
    progress.record_qc(session, foreman, order.id, passed=True,
                       expected_version=order_version(session, order.id))
    return settle_order(session, actors["cashier"], order.id).id


def pay(session, actors, invoice_id: int, parts: list[PaymentPart], key: str) -> None:
    cashier = actors["cashier"]
    till = open_till(session, cashier, terminal=f"T-{key}", opening_float="500")
    take_payments(session, cashier, invoice_id, parts, idempotency_key=key,
                  till_session_id=till.id)


@pytest.fixture
def workshop(session, actors) -> WorkshopOrder:
    return workshop_order(session, actors)


D = Decimal
