"""Order attachments: accepted by content (magic bytes), size limit, safe names, listing
without the file bytes."""

from __future__ import annotations

import struct
import zlib

import pytest
from sqlalchemy import event

from app.errors import NotFound, PermissionDenied, ValidationError
from app.orders.attachments import (
    MAX_BYTES,
    attach_file,
    attachment_data,
    clean_filename,
    list_attachments,
)
from tests import builders


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real (tiny, grey) PNG image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                             0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 24


def test_a_png_photo_is_kept_with_the_order(session, advisor) -> None:
    order = builders.checked_in_order(session, advisor)
    data = png_bytes()
    att = attach_file(session, advisor, order.id, filename="C:\\fakepath\\左前门划痕.PNG",
                      data=data, note=" 接车时已有 ")
    assert (att.filename, att.content_type, att.size_bytes) == ("左前门划痕.png", "image/png",
                                                                len(data))
    assert att.note == "接车时已有" and att.user_id == advisor.user_id
    assert attachment_data(session, advisor, att.id) == data


@pytest.mark.parametrize(("data", "content_type"), [
    (JPEG, "image/jpeg"), (PDF, "application/pdf"), (WEBP, "image/webp")])
def test_jpeg_pdf_and_webp_are_recognised_by_content(session, advisor, data,
                                                     content_type) -> None:
    order = builders.checked_in_order(session, advisor)
    att = attach_file(session, advisor, order.id, filename="scan", data=data)
    assert att.content_type == content_type
    assert att.filename.startswith("scan.")


@pytest.mark.parametrize("data", [
    b"just some text, renamed to photo.jpg\n",
    b"",
    b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_BYTES,  # one PNG signature over 10 MB
    b"MZ\x90\x00" + b"\x00" * 64,  # a Windows program
])
def test_other_files_are_refused(session, advisor, data) -> None:
    order = builders.checked_in_order(session, advisor)
    with pytest.raises(ValidationError) as err:
        attach_file(session, advisor, order.id, filename="photo.jpg", data=data)
    assert err.value.field == "attachment"
    assert err.value.message("zh_CN") != err.value.message("en")
    assert list_attachments(session, advisor, order.id) == []


def test_exactly_ten_megabytes_is_accepted(session, advisor) -> None:
    order = builders.checked_in_order(session, advisor)
    data = PDF + b"\x00" * (MAX_BYTES - len(PDF))
    assert attach_file(session, advisor, order.id, filename="a.pdf", data=data).size_bytes \
        == MAX_BYTES


def test_file_names_are_made_safe() -> None:
    assert clean_filename("../../etc/照片.jpeg", "image/jpeg") == "照片.jpeg"
    assert clean_filename('a<b>:"c"|?.png', "image/png") == "a_b___c___.png"
    assert clean_filename("scan.png", "image/jpeg") == "scan.png.jpg"
    assert clean_filename("  ", "application/pdf") == "attachment.pdf"
    long = clean_filename("长" * 500 + ".pdf", "application/pdf")
    assert len(long) == 200 and long.endswith(".pdf")


def test_the_list_does_not_read_the_files(session, database, advisor) -> None:
    order = builders.checked_in_order(session, advisor)
    first = attach_file(session, advisor, order.id, filename="1.png", data=png_bytes())
    second = attach_file(session, advisor, order.id, filename="2.pdf", data=PDF, note="委托书")
    session.commit()
    session.expunge_all()
    statements: list[str] = []

    def log(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", log)
    try:
        rows = list_attachments(session, advisor, order.id)
    finally:
        event.remove(database.engine, "before_cursor_execute", log)
    assert [(r.id, r.filename, r.size_bytes, r.note) for r in rows] == [
        (first.id, "1.png", first.size_bytes, ""), (second.id, "2.pdf", len(PDF), "委托书")]
    assert rows[0].user == "Test advisor"
    assert not any("order_attachment.data" in s for s in statements)


def test_permissions_and_missing_things(session, advisor, technician_actor) -> None:
    order = builders.checked_in_order(session, advisor)
    with pytest.raises(PermissionDenied):
        attach_file(session, technician_actor, order.id, filename="x.png", data=png_bytes())
    with pytest.raises(NotFound):
        attach_file(session, advisor, 999999, filename="x.png", data=png_bytes())
    with pytest.raises(NotFound):
        attachment_data(session, advisor, 999999)
    with pytest.raises(NotFound):
        list_attachments(session, advisor, 999999)
