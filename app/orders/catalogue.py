"""The labour operation catalogue (工时项目): find an operation to put on an order, add one.

An operation carries its code (``MNT-10K``), name, standard hours and optionally its own labour
rate; the advisor picks one and ``add_labour_line`` copies code, name, hours and
``operation_rate`` onto the order.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import ValidationError
from app.i18n import _
from app.money import parse_decimal
from app.security.actor import Actor, require
from app.validation.text import escape_like, normalise_text, require_text
from db.models import LabourOperation, LabourRate

MAX_RESULTS = 100
_CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9._/\-]*")


def normalise_code(text: str) -> str:
    """An operation code as stored: NFKC, upper case, no spaces."""
    return normalise_text(text or "").upper().replace(" ", "")


def find_operations(session: Session, actor: Actor, text: str,
                    limit: int = 20) -> list[LabourOperation]:
    """Active operations whose code starts with ``text`` or whose name contains it.

    The exact code comes first, then other code matches, then name matches (``orders.view``).
    """
    require(actor, "orders.view")
    needle = normalise_text(text or "")
    if not needle:
        return []
    code = normalise_code(needle)
    by_code = LabourOperation.code.like(escape_like(code) + "%", escape="\\")
    by_name = LabourOperation.name.ilike("%" + escape_like(needle) + "%", escape="\\")
    stmt = (select(LabourOperation)
            .where(LabourOperation.active.is_(True), by_code | by_name)
            .order_by(case((LabourOperation.code == code, 0), (by_code, 1), else_=2),
                      LabourOperation.code)
            .limit(max(1, min(limit, MAX_RESULTS))))
    return list(session.scalars(stmt))


def operation_rate(session: Session, operation: LabourOperation) -> Decimal:
    """The hourly rate of an operation: its own labour rate, else the shop's default."""
    if operation.labour_rate_id is not None:
        rate = session.get(LabourRate, operation.labour_rate_id)
        if rate is not None:
            return rate.hourly_rate
    default = session.scalar(select(LabourRate.hourly_rate)
                             .where(LabourRate.is_default.is_(True)).limit(1))
    return default if default is not None else Decimal("0.00")


def create_operation(session: Session, actor: Actor, *, code: str, name: str,
                     standard_hours: object, category: str = "",
                     labour_rate_code: str | None = None) -> LabourOperation:
    """Add an operation to the catalogue (``shop.configure``); codes are unique."""
    require(actor, "shop.configure")
    clean_code = normalise_code(code)
    label = _("Operation code")
    if not clean_code:
        raise ValidationError("code", label, _("This field is required."))
    if len(clean_code) > 30 or not _CODE_RE.fullmatch(clean_code):
        raise ValidationError("code", label,
                              _("Use up to 30 letters, digits and - . _ / (e.g. MNT-10K)."))
    if session.scalar(select(LabourOperation.id).where(LabourOperation.code == clean_code)):
        raise ValidationError("code", label, _("Operation {code} already exists."),
                              code=clean_code)
    clean_name = require_text(name, field="name", label=_("Operation name"), max_length=200)
    hours = parse_decimal(standard_hours, field="standard_hours", label=_("Standard hours"),
                          places=2, minimum=Decimal("0"), maximum=Decimal("999"))
    clean_category = require_text(category, field="category", label=_("Category"),
                                  max_length=40, required=False)
    rate_id = None
    if labour_rate_code is not None and labour_rate_code.strip():
        rate_id = session.scalar(select(LabourRate.id).where(
            LabourRate.code == normalise_code(labour_rate_code)))
        if rate_id is None:
            raise ValidationError("labour_rate_code", _("Labour rate"),
                                  _("Choose one of the shop's labour rates."))
    operation = LabourOperation(code=clean_code, name=clean_name, category=clean_category,
                                standard_hours=hours, labour_rate_id=rate_id, active=True)
    session.add(operation)
    session.flush()
    audit.record(session, actor, "operation.create", "labour_operation", operation.id,
                 after={"code": clean_code, "name": clean_name, "hours": str(hours)})
    return operation
