"""The shop profile (name, address, tax id, currency, tax handling, document texts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.security.actor import Actor, require
from app.security.idle_lock import IdleLock, idle_lock
from app.validation.text import TEXT_LIMIT, clean_text, normalise_identifier
from db.enums import LineType
from db.models import ShopProfile, TaxRate

PROFILE_FIELDS = ("name", "address", "phone", "tax_id", "country", "currency",
                  "prices_include_tax", "document_footer", "job_card_terms", "default_language",
                  "timezone")
# The profile's text fields: (label, column length, multi-line). Identifiers are folded fully.
_TEXT_FIELDS: dict[str, tuple[str, int, bool]] = {
    "name": (_("Shop name"), 200, False), "address": (_("Address"), 400, False),
    "phone": (_("Phone"), 40, False), "tax_id": (_("Tax ID"), 40, False),
    "country": (_("Country"), 2, False), "currency": (_("Currency"), 3, False),
    "document_footer": (_("Document footer"), TEXT_LIMIT, True),
    "job_card_terms": (_("Job card terms"), TEXT_LIMIT, True),
    "default_language": (_("Language"), 10, False), "timezone": (_("Time zone"), 40, False),
}
_IDENTIFIERS = ("phone", "tax_id", "country", "currency", "default_language", "timezone")


def _clean_field(key: str, value: object) -> object:
    if key not in _TEXT_FIELDS:
        return value
    label, size, multiline = _TEXT_FIELDS[key]
    if key in _IDENTIFIERS and isinstance(value, str):
        value = normalise_identifier(value)
    return clean_text(value, field=key, label=label, max_length=size, multiline=multiline)


DEFAULT_TIMEZONE = "Asia/Shanghai"


def zone_named(name: str | None) -> ZoneInfo:
    """The time zone ``name`` (Asia/Shanghai when empty or unknown to this computer)."""
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def shop_zone(session: Session) -> ZoneInfo:
    """The shop's time zone (Asia/Shanghai before the set-up, or when unset or unknown)."""
    return zone_named(session.scalar(select(ShopProfile.timezone).where(ShopProfile.id == 1)))


def get_profile(session: Session) -> ShopProfile:
    """The shop profile; raises ``NotFound`` before the first-start set-up."""
    profile = session.get(ShopProfile, 1)
    if profile is None:
        raise NotFound(_("The shop has not been set up yet."))
    return profile


def save_profile(session: Session, actor: Actor | None, **values: object) -> ShopProfile:
    """Create or update the profile (needs ``shop.configure`` once a profile exists)."""
    profile = session.get(ShopProfile, 1)
    if profile is not None:
        if actor is None:
            raise NotFound()
        require(actor, "shop.configure")
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    clean = {k: _clean_field(k, v) for k, v in values.items()}
    if "name" in clean and not clean["name"]:
        raise ValidationError("name", _("Shop name"), _("Enter the shop's name."))
    if profile is None:
        if not clean.get("name"):
            raise ValidationError("name", _("Shop name"), _("Enter the shop's name."))
        profile = ShopProfile(id=1, **{"address": "", "phone": "", "tax_id": "",
                                        "document_footer": "", "job_card_terms": "",
                                        **clean})
        session.add(profile)
        before = None
    else:
        before = {k: getattr(profile, k) for k in clean}
        for key, value in clean.items():
            setattr(profile, key, value)
    session.flush()
    audit.record(session, actor, "shop.profile", "shop_profile", 1, before=before, after=clean)
    return profile


def default_tax_rate(session: Session, line_type: LineType) -> Decimal:
    """The default VAT rate of a line type (13 % unless configured otherwise)."""
    rate = session.scalar(select(TaxRate.rate).where(TaxRate.line_type == line_type.value,
                                                     TaxRate.is_default.is_(True)).limit(1))
    return rate if rate is not None else Decimal("0.13")


@dataclass(frozen=True)
class ShopFacts:
    """What every screen needs about the shop: its time zone and its name (the product's
    name before the set-up), and after how many idle minutes a terminal locks itself."""

    zone: ZoneInfo
    name: str
    idle_lock: IdleLock = field(default_factory=IdleLock)


def shop_facts(session: Session) -> ShopFacts:
    """The shop's time zone and name (a read model)."""
    profile = session.get(ShopProfile, 1)
    return ShopFacts(shop_zone(session), profile.name if profile is not None else "Bayline",
                     idle_lock(session))
