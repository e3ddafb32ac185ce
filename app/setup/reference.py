"""Reference data every Bayline database needs; safe to run again (it only fills gaps)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.security.permissions import PERMISSIONS, ROLE_MAX_DISCOUNT, ROLE_NAMES, ROLE_PERMISSIONS
from db.enums import DocumentType, LineType
from db.models import (
    ChainHead,
    DocumentSeries,
    LabourOperation,
    LabourRate,
    Permission,
    Role,
    StockChainHead,
    TaxRate,
)

SERIES_PREFIXES: dict[DocumentType, str] = {
    DocumentType.REPAIR_ORDER: "RO",
    DocumentType.INVOICE: "INV",
    DocumentType.CREDIT_NOTE: "CN",
    DocumentType.RECEIPT: "RC",
    DocumentType.PURCHASE_ORDER: "PO",
    DocumentType.GATE_PASS: "GP",
}

DEFAULT_TAX_RATES = [
    # China: VAT 13 % on goods (parts) and on repair/maintenance labour (修理修配劳务).
    ("VAT13_PARTS", "增值税 13%", Decimal("0.13"), LineType.PART),
    ("VAT13_LABOUR", "增值税 13%", Decimal("0.13"), LineType.LABOUR),
    ("VAT13_OTHER", "增值税 13%", Decimal("0.13"), LineType.CHARGE),
]


def ensure_reference_data(session: Session) -> None:
    """Create permissions, roles, number series, default tax and labour rates, chain head."""
    existing_perms = set(session.scalars(select(Permission.code)))
    for code, description in PERMISSIONS.items():
        if code not in existing_perms:
            session.add(Permission(code=code, description=description))
    session.flush()
    perms = {p.code: p for p in session.scalars(select(Permission))}
    roles = {r.code: r for r in session.scalars(select(Role))}
    for code, name in ROLE_NAMES.items():
        if code.value not in roles:
            role = Role(code=code.value, name=name,
                        max_discount=ROLE_MAX_DISCOUNT.get(code, Decimal("0")))
            role.permissions = [perms[p] for p in sorted(ROLE_PERMISSIONS[code])]
            session.add(role)
    series = set(session.scalars(select(DocumentSeries.code)))
    for doc_type, prefix in SERIES_PREFIXES.items():
        if doc_type.value not in series:
            session.add(DocumentSeries(code=doc_type.value, prefix=prefix, next_number=1,
                                       width=6))
    if session.scalar(select(TaxRate.id).limit(1)) is None:
        for code, name, rate, line_type in DEFAULT_TAX_RATES:
            session.add(TaxRate(code=code, name=name, rate=rate, line_type=line_type,
                                is_default=True))
    if session.scalar(select(LabourRate.id).limit(1)) is None:
        session.add(LabourRate(code="STD", name="标准工时费", hourly_rate=Decimal("180.00"),
                               is_default=True))
    if session.get(ChainHead, 1) is None:
        session.add(ChainHead(id=1, last_seq=0, last_hash="0" * 64))
    if session.get(StockChainHead, 1) is None:
        session.add(StockChainHead(id=1, last_seq=0, last_hash="0" * 64))
    session.flush()
    ensure_labour_operations(session)


# Common labour operations of a Chinese 4S store: code, name, category, standard hours.
LABOUR_OPERATIONS: list[tuple[str, str, str, str]] = [
    ("MNT-5K", "常规保养（5000公里）", "保养", "1.00"),
    ("MNT-10K", "常规保养（10000公里）", "保养", "1.50"),
    ("OIL-FLT", "更换机油机滤", "保养", "0.50"),
    ("AIR-FLT", "更换空气滤芯", "保养", "0.20"),
    ("CAB-FLT", "更换空调滤芯", "保养", "0.30"),
    ("BRK-PAD-F", "更换刹车片(前)", "制动", "0.80"),
    ("BRK-PAD-R", "更换刹车片(后)", "制动", "1.00"),
    ("BRK-FLUID", "更换刹车油", "制动", "0.80"),
    ("ALIGN", "四轮定位", "轮胎", "1.00"),
    ("BALANCE", "动平衡（四轮）", "轮胎", "0.50"),
    ("TYRE", "更换轮胎（每条）", "轮胎", "0.30"),
    ("AC-CLEAN", "空调清洗", "空调", "0.80"),
    ("BATTERY", "更换蓄电池", "电气", "0.30"),
    ("WIPER", "更换雨刮片", "电气", "0.20"),
    ("SPARK", "更换火花塞", "发动机", "1.00"),
    ("THROTTLE", "节气门清洗", "发动机", "0.60"),
    ("COOLANT", "更换冷却液", "发动机", "0.80"),
    ("FUEL-CLEAN", "燃油系统清洗", "发动机", "0.80"),
    ("ATF", "更换变速箱油", "变速箱", "1.20"),
    ("DIAG-ENG", "发动机故障诊断", "诊断", "1.00"),
]


def ensure_labour_operations(session: Session) -> None:
    """Add the common labour operations whose codes are not in the catalogue yet."""
    existing = set(session.scalars(select(LabourOperation.code)))
    for code, name, category, hours in LABOUR_OPERATIONS:
        if code not in existing:
            session.add(LabourOperation(code=code, name=name, category=category,
                                        standard_hours=Decimal(hours), active=True))
    session.flush()
