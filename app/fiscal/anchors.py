"""Anchors: the chain heads written down outside the database, where SQL cannot reach them.

An anchor records, at one moment, the fiscal chain's head (sequence, hash), the stock chain's
head, and per document series how many numbers were issued and the last one; with the time,
the terminal and why it was taken (till close, manual). Anchors are appended as one JSON line
each to an append-only file per database (``<data folder>/anchors/<database id>.jsonl``);
every line carries the SHA-256 of the line before it, so an edited or removed line shows too.
The database id is a random UUID kept in the ``setting`` table (``fiscal.database_id``).

``build_anchor`` runs inside the caller's transaction (``close_till`` returns its anchor in
the till summary); ``record_anchor`` writes it to the file and must be called AFTER the commit
(an anchor of a rolled-back close would claim documents that never were).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.clock import now
from app.i18n import _, translate
from db.models import ChainHead, DocumentSeries, Setting, StockChainHead

log = logging.getLogger(__name__)

ANCHOR_VERSION = 1
DATABASE_ID_KEY = "fiscal.database_id"
ENV_DIR = "BAYLINE_ANCHOR_DIR"  # overrides the folder (tests, a USB stick, a network share)
GENESIS = "0" * 64


@dataclass(frozen=True)
class SeriesMark:
    """One number series at anchor time."""

    issued: int  # counter − 1: numbers handed out so far
    last: str  # the last number handed out ("" when none)


@dataclass(frozen=True)
class Anchor:
    """The state of the books at one moment, as written to the anchor file."""

    database_id: str
    at: str  # ISO-8601 UTC
    terminal: str
    reason: str
    document_seq: int
    document_hash: str
    stock_seq: int
    stock_hash: str
    series: dict[str, SeriesMark]

    def to_json(self) -> dict[str, Any]:
        """The JSON object of one anchor line (without the link to the line before)."""
        return {
            "v": ANCHOR_VERSION, "database_id": self.database_id, "at": self.at,
            "terminal": self.terminal, "reason": self.reason,
            "documents": {"seq": self.document_seq, "hash": self.document_hash},
            "stock": {"seq": self.stock_seq, "hash": self.stock_hash},
            "series": {code: {"issued": m.issued, "last": m.last}
                       for code, m in sorted(self.series.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Anchor:
        """An anchor from its JSON object; ``ValueError`` when it is not one."""
        try:
            series = {str(code): SeriesMark(int(m["issued"]), str(m["last"]))
                      for code, m in dict(data["series"]).items()}
            return cls(str(data["database_id"]), str(data["at"]), str(data["terminal"]),
                       str(data["reason"]), _int(data["documents"]["seq"]),
                       str(data["documents"]["hash"]), _int(data["stock"]["seq"]),
                       str(data["stock"]["hash"]), series)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not an anchor: {exc}") from exc


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


# -- the database's identity -----------------------------------------------------------------

def database_id(session: Session, *, create: bool = False) -> str | None:
    """This database's anchor identity; with ``create`` a new one is stored when missing
    (inside the caller's transaction)."""
    value = session.scalar(select(Setting.value).where(Setting.key == DATABASE_ID_KEY))
    if value:
        return value.strip()
    if not create:
        return None
    value = uuid.uuid4().hex
    session.add(Setting(key=DATABASE_ID_KEY, value=value))
    session.flush()
    return value


# -- building --------------------------------------------------------------------------------

def build_anchor(session: Session, *, terminal: str, reason: str) -> Anchor:
    """The anchor of the books as this transaction sees them (heads and series counters)."""
    db_id = database_id(session, create=True)
    assert db_id is not None
    docs = session.execute(select(ChainHead.last_seq, ChainHead.last_hash)
                           .where(ChainHead.id == 1)).one_or_none()
    stock = session.execute(select(StockChainHead.last_seq, StockChainHead.last_hash)
                            .where(StockChainHead.id == 1)).one_or_none()
    series: dict[str, SeriesMark] = {}
    for code, prefix, next_number, width in session.execute(
            select(DocumentSeries.code, DocumentSeries.prefix, DocumentSeries.next_number,
                   DocumentSeries.width)):
        issued = next_number - 1
        series[code] = SeriesMark(issued, f"{prefix}{issued:0{width}d}" if issued else "")
    return Anchor(db_id, now().strftime("%Y-%m-%dT%H:%M:%S.%fZ"), terminal, reason,
                  docs.last_seq if docs else 0, docs.last_hash if docs else GENESIS,
                  stock.last_seq if stock else 0, stock.last_hash if stock else GENESIS,
                  series)


def anchor_lines(anchor: Anchor, lang: str = "en") -> list[str]:
    """The anchor as lines for a printed Z report (translated)."""
    lines = [
        translate(_("Anchor {at} · terminal {terminal}"), lang, at=anchor.at,
                  terminal=anchor.terminal),
        translate(_("Database {id}"), lang, id=anchor.database_id),
        translate(_("Documents: sequence {seq}, hash {hash}"), lang, seq=anchor.document_seq,
                  hash=anchor.document_hash),
        translate(_("Stock ledger: sequence {seq}, hash {hash}"), lang, seq=anchor.stock_seq,
                  hash=anchor.stock_hash),
    ]
    for code, mark in sorted(anchor.series.items()):
        if mark.issued:
            lines.append(translate(_("Series {series}: {count} issued, last {last}"), lang,
                                   series=code, count=mark.issued, last=mark.last))
    return lines


# -- the file --------------------------------------------------------------------------------

def anchor_dir() -> Path:
    """The folder of this terminal's anchor files (``BAYLINE_ANCHOR_DIR`` or the data folder)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    from platformdirs import user_data_dir

    return Path(user_data_dir("Bayline", "Bayline")) / "anchors"


def anchor_file(db_id: str, folder: Path | None = None) -> Path:
    """The anchor file of database ``db_id``."""
    safe = "".join(ch for ch in db_id if ch.isalnum() or ch in "-_") or "unknown"
    return (folder or anchor_dir()) / f"{safe}.jsonl"


def _line_hash(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


def record_anchor(anchor: Anchor, path: Path | None = None) -> Path:
    """Append ``anchor`` to its file (call after the commit); returns the file's path."""
    target = path or anchor_file(anchor.database_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    prev = GENESIS
    if target.exists():
        last = ""
        for line in target.read_text(encoding="utf-8").splitlines():
            if line.strip():
                last = line
        if last:
            prev = _line_hash(last)
    data = anchor.to_json()
    data["prev"] = prev
    line = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    with target.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return target


_PENDING = "bayline.pending_anchors"


def record_after_commit(session: Session, anchor: Anchor) -> None:
    """Append ``anchor`` to its file once ``session``'s transaction has committed (nothing
    when it rolls back): a close that did not happen is never anchored, and every caller of
    the close — a screen, a script, a test — records it without having to remember."""
    install()
    session.info.setdefault(_PENDING, []).append(anchor)


def _write_pending(session: Session) -> None:
    for anchor in session.info.pop(_PENDING, []):
        try:
            record_anchor(anchor)
        except OSError:  # the commit stands; the next verify-documents --anchor catches up
            log.exception("the anchor of %s could not be written", anchor.at)


def _forget_pending(session: Session, *_args: object) -> None:
    session.info.pop(_PENDING, None)


def install() -> None:
    """Listen on every Session of the process (idempotent; the first anchor installs it)."""
    if not event.contains(Session, "after_commit", _write_pending):
        event.listen(Session, "after_commit", _write_pending)
        event.listen(Session, "after_rollback", _forget_pending)


@dataclass(frozen=True)
class FileProblem:
    """A line of the anchor file that is unreadable or does not link to the one before."""

    line: int
    msgid: str


def read_anchors(path: Path) -> tuple[list[Anchor], list[FileProblem]]:
    """Every anchor in the file, and the lines that are broken or re-linked."""
    anchors: list[Anchor] = []
    problems: list[FileProblem] = []
    prev = GENESIS
    for number, line in _lines(path):
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            anchors.append(Anchor.from_json(data))
        except ValueError:
            problems.append(FileProblem(number, _("line {line} of the anchor file is not an "
                                                  "anchor.")))
            prev = _line_hash(line)
            continue
        if data.get("prev") != prev:
            problems.append(FileProblem(number, _("line {line} of the anchor file does not "
                                                  "follow the line before it (lines edited or "
                                                  "removed).")))
        prev = _line_hash(line)
    return anchors, problems


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line.rstrip("\n")


def export_anchors(source: Path, target: Path) -> int:
    """Copy the anchor file to ``target`` (e.g. a USB stick); the number of anchors."""
    anchors, _problems = read_anchors(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    return len(anchors)
