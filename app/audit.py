"""The audit log: who did which sensitive thing when, with the values before and after."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from app.clock import now
from app.security.actor import Actor
from db.models import AuditEntry


def _dump(value: Any) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record(session: Session, actor: Actor | None, action: str, entity: str,
           entity_id: object, *, before: Any = None, after: Any = None,
           reason: str = "") -> AuditEntry:
    """Add an audit entry to the caller's transaction (it commits or rolls back with it).
    The system actor (user id 0: set-up and the command line) is recorded as no user."""
    entry = AuditEntry(at=now(), user_id=actor.user_id if actor and actor.user_id else None,
                       action=action,
                       entity=entity, entity_id=str(entity_id), before=_dump(before),
                       after=_dump(after), reason=reason)
    session.add(entry)
    return entry
