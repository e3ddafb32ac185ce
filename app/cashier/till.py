"""Till sessions: a cash drawer from its opening float to the count at the daily close."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app import audit
from app.cashier.ledger import SettlementError
from app.clock import now
from app.errors import NotFound, ValidationError
from app.fiscal.anchors import Anchor, build_anchor, record_after_commit
from app.i18n import _
from app.integrity import frozen_errors
from app.money import ZERO, parse_money
from app.security.actor import Actor, require
from app.validation.text import normalise_identifier
from db.enums import PaymentMethod, TillStatus
from db.models import Payment, TillSession

TERMINAL_MAX = 60


@dataclass(frozen=True)
class TillSummary:
    """The close of one till session: cash expected against counted, and takings per method."""

    till_id: int
    terminal: str
    opening_float: Decimal
    expected_cash: Decimal
    counted_cash: Decimal
    variance: Decimal  # counted − expected: negative means cash is missing
    by_method: dict[str, Decimal]
    payment_count: int
    # the books at the close, for the Z report (anchor_lines); written to the anchor file
    # when the close commits
    anchor: Anchor


def _clean_terminal(terminal: object) -> str:
    value = normalise_identifier(terminal) if isinstance(terminal, str) else ""
    if not value or len(value) > TERMINAL_MAX:
        raise ValidationError("terminal", _("Terminal"),
                              _("Enter the terminal name (at most {max} characters)."),
                              max=TERMINAL_MAX)
    return value


def current_till(session: Session, terminal: str) -> TillSession | None:
    """The open till session of ``terminal``, if any."""
    return session.scalar(select(TillSession).where(
        TillSession.terminal == _clean_terminal(terminal),
        TillSession.status == TillStatus.OPEN).order_by(TillSession.id.desc()).limit(1))


def open_till(session: Session, actor: Actor, *, terminal: str,
              opening_float: object) -> TillSession:
    """Open the cash drawer of ``terminal`` with its float; one open session per terminal."""
    require(actor, "cashier.till")
    name = _clean_terminal(terminal)
    amount = parse_money(opening_float, field="opening_float", label=_("Opening float"))
    if session.get_bind().dialect.name == "postgresql":
        # Two terminals opening the same drawer at once: serialise on the terminal's name.
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"),
                        {"k": f"bayline.till:{name}"})
    existing = current_till(session, name)
    if existing is not None:
        raise SettlementError(_("Terminal {terminal} already has an open till (since {at})."),
                              terminal=name, at=existing.opened_at.strftime("%Y-%m-%d %H:%M UTC"))
    till = TillSession(terminal=name, status=TillStatus.OPEN, opened_by_id=actor.user_id,
                       opened_at=now(), opening_float=amount)
    session.add(till)
    session.flush()
    audit.record(session, actor, "cashier.till_open", "till_session", till.id,
                 after={"terminal": name, "opening_float": str(amount)})
    return till


def lock_till(session: Session, till_id: int, *, shared: bool = False) -> TillSession:
    """The till session, row-locked (``shared``: FOR SHARE, so payments can run side by side
    while a close waits for them), read fresh from the database."""
    stmt = select(TillSession).where(TillSession.id == till_id) \
        .with_for_update(read=shared).execution_options(populate_existing=True)
    till = session.execute(stmt).scalar_one_or_none()
    if till is None:
        raise NotFound(_("Till session {ref} not found."), ref=till_id)
    return till


def lock_open_till(session: Session, till_id: int) -> TillSession:
    """An open till session for taking a payment (share-locked so it cannot close meanwhile)."""
    till = lock_till(session, till_id, shared=True)
    if till.status != TillStatus.OPEN:
        raise SettlementError(_("The till of {terminal} is closed. Open a till first."),
                              terminal=till.terminal)
    return till


def takings(session: Session, till_id: int) -> tuple[dict[str, Decimal], int]:
    """Net payments (refunds negative) per method in a till session, and their count."""
    by_method: dict[str, Decimal] = {}
    count = 0
    for method, total, n in session.execute(
        select(Payment.method, func.sum(Payment.amount), func.count(Payment.id))
        .where(Payment.till_session_id == till_id).group_by(Payment.method)
    ):
        by_method[method] = Decimal(total)
        count += int(n)
    return by_method, count


def close_till(session: Session, actor: Actor, till_id: int, *,
               counted_cash: object) -> TillSummary:
    """Close the drawer: expected cash = float + net cash taken; the variance is audited.

    The summary carries the anchor of the books at the close (for the Z report:
    ``anchor_lines``); it is appended to the terminal's anchor file when the transaction
    commits (``record_after_commit``).
    """
    require(actor, "cashier.till")
    counted = parse_money(counted_cash, field="counted_cash", label=_("Counted cash"))
    till = lock_till(session, till_id)
    if till.status != TillStatus.OPEN:
        raise SettlementError(_("The till of {terminal} is already closed."),
                              terminal=till.terminal)
    by_method, count = takings(session, till.id)
    expected = till.opening_float + by_method.get(PaymentMethod.CASH, ZERO)
    variance = counted - expected
    till.status = TillStatus.CLOSED
    till.closed_by_id = actor.user_id
    till.closed_at = now()
    till.expected_cash = expected
    till.counted_cash = counted
    with frozen_errors():  # closed meanwhile by a write that skipped the lock
        session.flush()
    audit.record(session, actor, "cashier.till_close", "till_session", till.id,
                 before={"expected_cash": str(expected)},
                 after={"counted_cash": str(counted), "variance": str(variance),
                        "by_method": {k: str(v) for k, v in sorted(by_method.items())}})
    anchor = build_anchor(session, terminal=till.terminal, reason="till_close")
    record_after_commit(session, anchor)
    return TillSummary(till_id=till.id, terminal=till.terminal,
                       opening_float=till.opening_float, expected_cash=expected,
                       counted_cash=counted, variance=variance, by_method=by_method,
                       payment_count=count, anchor=anchor)
