"""The parts catalogue: creating parts (with their bins and suppliers) and finding them."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import _
from app.money import parse_decimal, parse_money, parse_rate
from app.security.actor import Actor, require
from app.shop import default_tax_rate
from app.validation.text import normalise_identifier, normalise_text
from db.enums import LineType
from db.models import BinLocation, Part, Supplier

MAX_STOCK_LEVEL = Decimal("1000000")
MAX_RESULTS = 200


def normalise_part_no(text: str) -> str:
    """A part number as stored: NFKC (full-width → ASCII), nothing invisible, trimmed, upper
    case."""
    return normalise_identifier(text or "").upper()


def _clean(text: str | None) -> str:
    """Free text cleaned as everywhere (``normalise_text``); part names keep Chinese
    punctuation: 前刹车片（套）."""
    return normalise_text(text or "")


def _check_length(value: str, *, field: str, label: str, max_len: int,
                  required: bool = False) -> str:
    if required and not value:
        raise ValidationError(field, label, _("This field is required."))
    if len(value) > max_len:
        raise ValidationError(field, label, _("Use at most {max} characters."), max=max_len)
    return value


def _level(value: object, *, field: str, label: str) -> Decimal:
    return parse_decimal(value, field=field, label=label, places=3, minimum=Decimal(0),
                         maximum=MAX_STOCK_LEVEL)


def _bin(session: Session, code: str) -> BinLocation:
    found = session.scalar(select(BinLocation).where(BinLocation.code == code))
    if found is None:
        found = BinLocation(code=code, description="")
        session.add(found)
        session.flush()
    return found


def _supplier(session: Session, name: str) -> Supplier:
    found = session.scalar(select(Supplier).where(Supplier.name == name))
    if found is None:
        found = Supplier(name=name, contact="", phone="", is_genuine_channel=True)
        session.add(found)
        session.flush()
    return found


def create_part(session: Session, actor: Actor, *, part_no: str, name: str,
                sale_price: object, cost_price: object = 0, tax_rate: object | None = None,
                unit: str = "pc", bin_code: str | None = None,
                supplier_name: str | None = None, min_qty: object = 0, max_qty: object = 0,
                brand: str = "") -> Part:
    """Add a part to the catalogue (``parts.edit``) with no stock; bins and suppliers named
    here are created when they do not exist yet. ``max_qty`` 0 means no maximum."""
    require(actor, "parts.edit")
    number = _check_length(normalise_part_no(part_no), field="part_no",
                           label=_("Part number"), max_len=40, required=True)
    title = _check_length(_clean(name), field="name", label=_("Part name"), max_len=200,
                          required=True)
    sale = parse_money(sale_price, field="sale_price", label=_("Sale price"))
    cost = parse_money(cost_price, field="cost_price", label=_("Cost price"))
    rate = (default_tax_rate(session, LineType.PART) if tax_rate is None
            else parse_rate(tax_rate, field="tax_rate", label=_("Tax rate")))
    unit_text = _check_length(_clean(unit), field="unit", label=_("Unit"), max_len=10,
                              required=True)
    brand_text = _check_length(_clean(brand), field="brand", label=_("Brand"), max_len=60)
    low = _level(min_qty, field="min_qty", label=_("Minimum stock"))
    high = _level(max_qty, field="max_qty", label=_("Maximum stock"))
    if high and high < low:
        raise ValidationError("max_qty", _("Maximum stock"),
                              _("Must be at least the minimum stock ({minimum})."),
                              minimum=low)
    code = _check_length(normalise_part_no(bin_code or ""), field="bin_code",
                         label=_("Bin"), max_len=20)
    supplier = _check_length(_clean(supplier_name), field="supplier_name",
                             label=_("Supplier"), max_len=200)
    if session.scalar(select(func.count()).select_from(Part).where(Part.part_no == number)):
        raise ValidationError("part_no", _("Part number"),
                              _("Part number {part_no} already exists."), part_no=number)
    part = Part(part_no=number, name=title, brand=brand_text, unit=unit_text,
                sale_price=sale, cost_price=cost, tax_rate=rate,
                bin_id=_bin(session, code).id if code else None,
                supplier_id=_supplier(session, supplier).id if supplier else None,
                min_qty=low, max_qty=high, on_hand=Decimal("0.000"),
                reserved=Decimal("0.000"), active=True)
    session.add(part)
    session.flush()
    return part


def escape_like(text: str) -> str:
    """``text`` with LIKE wildcards escaped (escape character ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_parts(session: Session, actor: Actor, text: str, limit: int = 20, *,
               include_inactive: bool = False) -> list[Part]:
    """Parts whose number starts with ``text`` or whose name contains it (``parts.view``).

    An exact part number comes first, then other number matches, then name matches.
    """
    require(actor, "parts.view")
    needle = _clean(text)
    if not needle:
        return []
    number = escape_like(normalise_part_no(needle))
    fragment = escape_like(needle)
    by_number = Part.part_no.like(number + "%", escape="\\")
    stmt = (select(Part)
            .where(by_number | Part.name.ilike("%" + fragment + "%", escape="\\"))
            .order_by(case((Part.part_no == normalise_part_no(needle), 0),
                           (by_number, 1), else_=2), Part.part_no)
            .limit(max(1, min(limit, MAX_RESULTS))))
    if not include_inactive:
        stmt = stmt.where(Part.active.is_(True))
    return list(session.scalars(stmt))
