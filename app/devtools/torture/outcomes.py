"""What a torture terminal reports: counts, conflicts, errors, saves and payments."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import DBAPIError

from app.cashier.payments import PaymentPart

# Operation names, so a worker can say in one shared int which one it is inside.
OP_KINDS = ("settle", "pay", "pay_double", "issue", "return", "reserve", "receive", "adjust",
            "new_order", "add_line", "edit_shared", "deliver", "credit", "refund", "estimate",
            "sign", "approve_extra", "dispatch", "clock_on", "finish", "wait", "resume",
            "qc_send", "qc_pass", "qc_fail")


def kind_code(kind: str) -> int:
    """1 + the index of ``kind`` in OP_KINDS (0 means: not inside a transaction)."""
    return OP_KINDS.index(kind) + 1 if kind in OP_KINDS else len(OP_KINDS) + 1


def kind_name(code: int) -> str:
    """The operation name of a code from ``kind_code``."""
    return OP_KINDS[code - 1] if 0 < code <= len(OP_KINDS) else "other"


@dataclass
class Probe:
    """Shared-memory flags a crash-test parent watches (lock-free multiprocessing Values,
    written only by the one worker alive at a time)."""

    in_transaction: Any  # Value('i'): kind_code of the action running, 0 between actions
    backend_pid: Any  # Value('i'): PostgreSQL backend of the current transaction
    transactions: Any  # Value('i'): transactions finished (committed or not)


@dataclass
class Stats:
    """What one terminal did and saw; sent back to the parent as a dict."""

    terminal: int
    role: str
    operations: int = 0
    ok: int = 0
    conflicts: int = 0
    connection_lost: int = 0
    by_kind: dict[str, Counter] = field(default_factory=dict)
    conflicts_by_error: Counter = field(default_factory=Counter)
    conflict_examples: dict[str, list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    edits: list[tuple[str, int]] = field(default_factory=list)  # (token, version saved)
    edit_conflicts: int = 0
    payments: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)
    double_published: int = 0
    double_sent: int = 0

    def count(self, kind: str, outcome: str) -> None:
        self.by_kind.setdefault(kind, Counter())[outcome] += 1

    def as_dict(self) -> dict[str, Any]:
        return {"terminal": self.terminal, "role": self.role, "operations": self.operations,
                "ok": self.ok, "conflicts": self.conflicts,
                "connection_lost": self.connection_lost,
                "by_kind": {k: dict(v) for k, v in self.by_kind.items()},
                "conflicts_by_error": dict(self.conflicts_by_error),
                "conflict_examples": self.conflict_examples, "errors": self.errors,
                "edits": self.edits, "edit_conflicts": self.edit_conflicts,
                "payments": self.payments, "double_published": self.double_published,
                "double_sent": self.double_sent}


@dataclass(frozen=True)
class DoubleSubmit:
    """A payment request to be sent again by another terminal, under the same key."""

    invoice_id: int
    key: str
    parts: tuple[PaymentPart, ...]
    publisher: int


def is_disconnect(exc: BaseException) -> bool:
    """True when the database connection died under the transaction (backend terminated)."""
    if not isinstance(exc, DBAPIError):
        return False
    code = getattr(exc.orig, "sqlstate", None)
    return bool(exc.connection_invalidated) or code in ("57P01", "57P02", "57P03", "08006")
