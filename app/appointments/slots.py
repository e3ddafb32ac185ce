"""Shop-local time and the hourly booking grid (08:00–18:00) with its capacity setting.

Times are stored in UTC; the shop's wall clock is ``ShopProfile.timezone`` (an IANA name,
default Asia/Shanghai). A booking takes one place in the slot of the hour it starts in; each
advisor takes ``appointments.capacity_per_hour`` bookings per hour. A booking without an
advisor takes a place from the whole front desk (capacity × active advisors).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.models import Role, Setting, User, role_permission

OPENING_HOUR = 8
CLOSING_HOUR = 18  # the last slot starts at 17:00
CAPACITY_SETTING = "appointments.capacity_per_hour"
DEFAULT_CAPACITY = 2
# Who can receive a car: a user whose role may open repair orders.
RECEIVING_PERMISSION = "orders.edit"


PROMISE_LEAD = timedelta(hours=2)  # a car checked in now is promised this much later


def default_promise(moment: datetime, zone: tzinfo) -> datetime:
    """The promised time check-in proposes for a car arriving at ``moment`` (aware), in
    ``zone``: two hours later on the next half hour, counted from the opening when the car
    arrives before the shop opens; a promise past closing moves to the next morning."""
    local = moment.astimezone(zone).replace(second=0, microsecond=0)
    opening = local.replace(hour=OPENING_HOUR, minute=0)
    closing = local.replace(hour=CLOSING_HOUR, minute=0)
    start = max(local, opening)
    promise = start + PROMISE_LEAD
    promise += timedelta(minutes=(30 - promise.minute % 30) % 30)
    if promise > closing:
        promise = opening + timedelta(days=1) + PROMISE_LEAD
    return promise


def get_int(session: Session, key: str, default: int) -> int:
    """An integer setting; ``default`` when missing or not a whole number ≥ 0."""
    row = session.get(Setting, key)
    if row is None:
        return default
    try:
        value = int(row.value.strip())
    except ValueError:
        return default
    return value if value >= 0 else default


def capacity_per_hour(session: Session) -> int:
    """Bookings one advisor takes per hour (setting ``appointments.capacity_per_hour``)."""
    return get_int(session, CAPACITY_SETTING, DEFAULT_CAPACITY)


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The shop-local calendar day of an aware ``moment``."""
    return moment.astimezone(zone).date()


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """Start of ``day`` and of the next day in the shop's zone (aware, shop-local)."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return start, end


def slot_starts(day: date, zone: tzinfo) -> list[datetime]:
    """The hourly slot starts of ``day``: 08:00 … 17:00 shop-local (aware)."""
    return [datetime.combine(day, time(hour), tzinfo=zone)
            for hour in range(OPENING_HOUR, CLOSING_HOUR)]


def slot_of(moment: datetime, zone: tzinfo) -> datetime:
    """The start of the hourly slot holding ``moment`` (shop-local, aware)."""
    local = moment.astimezone(zone)
    return datetime.combine(local.date(), time(local.hour), tzinfo=zone)


def within_opening_hours(moment: datetime, zone: tzinfo) -> bool:
    """True when ``moment`` falls in a bookable slot (08:00 ≤ local time < 18:00)."""
    return OPENING_HOUR <= moment.astimezone(zone).hour < CLOSING_HOUR


def receiving_users() -> Select[int, str]:
    """(id, full name) of the active users who may receive cars: the service advisors."""
    return (select(User.id, User.full_name).join(Role, Role.id == User.role_id)
            .join(role_permission, role_permission.c.role_id == Role.id)
            .where(User.active.is_(True),
                   role_permission.c.permission_code == RECEIVING_PERMISSION))


def receiving_advisors(session: Session) -> int:
    """How many active users may receive cars (at least 1, so the desk has some capacity)."""
    count = session.scalar(select(func.count()).select_from(receiving_users().subquery()))
    return max(1, count or 0)


def advisor_names(session: Session) -> dict[int, str]:
    """Every active service advisor's name by user id, in name order."""
    return {user_id: name for user_id, name in
            session.execute(receiving_users().order_by(User.full_name, User.id))}


def slot_capacity(session: Session, advisor_id: int | None) -> int:
    """Bookings one hour takes: per advisor, or for the whole desk when ``advisor_id`` is None."""
    per_advisor = capacity_per_hour(session)
    if advisor_id is not None:
        return per_advisor
    return per_advisor * receiving_advisors(session)
