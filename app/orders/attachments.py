"""Files kept with a repair order (check-in photos of existing damage, signed papers).

Only JPEG, PNG, WebP and PDF are accepted, recognised by their first bytes (not by the name),
up to 10 MB each. Lists carry the metadata only; the bytes are read one file at a time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

from app import audit
from app.clock import now
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.security.actor import Actor, require
from app.validation.text import normalise_text, require_text
from db.models import OrderAttachment, RepairOrder, User

MAX_BYTES = 10 * 1024 * 1024
MAX_FILENAME = 200
LABEL = _("Attachment")
# content type -> the extensions a file of that type may keep
TYPES: dict[str, tuple[str, ...]] = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/webp": (".webp",),
    "application/pdf": (".pdf",),
}
_UNSAFE = re.compile(r'[<>:"/\\|?*]')


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment without its bytes."""

    id: int
    repair_order_id: int
    filename: str
    content_type: str
    size_bytes: int
    note: str
    created_at: datetime
    user_id: int
    user: str


def sniff_content_type(data: bytes) -> str | None:
    """The content type told by the file's first bytes, or None when not an accepted type."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def clean_filename(filename: str, content_type: str) -> str:
    """A safe file name: no folders, no characters Windows refuses, the right extension."""
    text = unicodedata.normalize("NFC", normalise_text(filename or ""))
    text = PurePath(text.replace("\\", "/")).name if text else ""
    text = _UNSAFE.sub("_", text).strip(" .")
    stem, dot, ext = text.rpartition(".")
    if not dot:
        stem, ext = text, ""
    extension = f".{ext.lower()}" if ext else ""
    allowed = TYPES[content_type]
    if extension not in allowed:
        stem = text  # keep what was typed, add the real extension
        extension = allowed[0]
    stem = stem or "attachment"
    return stem[:MAX_FILENAME - len(extension)] + extension


def _order(session: Session, order_id: int) -> RepairOrder:
    order = session.get(RepairOrder, order_id)
    if order is None:
        raise NotFound(_("Repair order {ref} not found."), ref=order_id)
    return order


def attach_file(session: Session, actor: Actor, order_id: int, *, filename: str, data: bytes,
                note: str = "") -> OrderAttachment:
    """Keep a photo or PDF with the order (``orders.edit``)."""
    require(actor, "orders.edit")
    order = _order(session, order_id)
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise ValidationError("attachment", LABEL, _("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ValidationError("attachment", LABEL,
                              _("The file is {size} MB; at most {max} MB can be attached."),
                              size=f"{len(data) / 1024 / 1024:.1f}", max=MAX_BYTES // 1024 // 1024)
    content_type = sniff_content_type(bytes(data[:16]))
    if content_type is None:
        raise ValidationError("attachment", LABEL,
                              _("Attach a photo (JPEG, PNG, WebP) or a PDF."))
    text = require_text(note, field="note", label=_("Note"), max_length=200, required=False)
    attachment = OrderAttachment(repair_order_id=order.id,
                                 filename=clean_filename(filename, content_type),
                                 content_type=content_type, size_bytes=len(data),
                                 data=bytes(data), note=text, created_at=now(),
                                 user_id=actor.user_id)
    session.add(attachment)
    session.flush()
    audit.record(session, actor, "order.attach", "repair_order", order.id,
                 after={"attachment": attachment.id, "filename": attachment.filename,
                        "size": attachment.size_bytes})
    return attachment


_META = (OrderAttachment.id, OrderAttachment.repair_order_id, OrderAttachment.filename,
         OrderAttachment.content_type, OrderAttachment.size_bytes, OrderAttachment.note,
         OrderAttachment.created_at, OrderAttachment.user_id)


def attachment_infos(session: Session, order_id: int) -> list[AttachmentInfo]:
    """The order's attachments without their bytes (no permission check: for other services)."""
    rows = session.execute(
        select(OrderAttachment, User.full_name)
        .join(User, User.id == OrderAttachment.user_id)
        .options(load_only(*_META, raiseload=True))
        .where(OrderAttachment.repair_order_id == order_id)
        .order_by(OrderAttachment.id)).all()
    return [AttachmentInfo(id=a.id, repair_order_id=a.repair_order_id, filename=a.filename,
                           content_type=a.content_type, size_bytes=a.size_bytes, note=a.note,
                           created_at=a.created_at, user_id=a.user_id, user=name)
            for a, name in rows]


def list_attachments(session: Session, actor: Actor, order_id: int) -> list[AttachmentInfo]:
    """The order's attachments, oldest first, without loading the files (``orders.view``)."""
    require(actor, "orders.view")
    _order(session, order_id)
    return attachment_infos(session, order_id)


def attachment_data(session: Session, actor: Actor, attachment_id: int) -> bytes:
    """The bytes of one attachment (``orders.view``)."""
    require(actor, "orders.view")
    data = session.scalar(select(OrderAttachment.data).where(OrderAttachment.id == attachment_id))
    if data is None:
        raise NotFound(_("Attachment not found."))
    return bytes(data)
