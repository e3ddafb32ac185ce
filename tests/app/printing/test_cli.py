"""``main.py print``: documents written to a file by the command line, on both databases."""

from __future__ import annotations

from pypdf import PdfReader

from app.transactions import run_in_transaction
from main import main
from tests.app.printing.conftest import squash, workshop_order


def _order(database, actors) -> str:
    def build(session) -> str:
        work = workshop_order(session, actors)
        from app.orders.queries import load_order

        return load_order(session, work.order_id).number
    return run_in_transaction(database, build)


def test_print_writes_each_document_of_an_order(database, database_url, actors, tmp_path,
                                                capsys) -> None:
    number = _order(database, actors)
    for document in ("job-card", "technician-copy", "estimate", "settlement"):
        out = tmp_path / f"{document}.pdf"
        assert main(["--db", database_url, "print", document, number, "--out",
                     str(out)]) == 0, capsys.readouterr().err
        text = squash(PdfReader(out).pages[0].extract_text())
        assert number in text
    assert "派工单" in squash(PdfReader(tmp_path / "technician-copy.pdf").pages[0]
                              .extract_text())
    assert "wrote" in capsys.readouterr().out


def test_print_latest_in_english(database, database_url, actors, tmp_path) -> None:
    number = _order(database, actors)
    out = tmp_path / "latest.pdf"
    assert main(["--db", database_url, "print", "estimate", "--latest", "--out", str(out),
                 "--lang", "en"]) == 0
    text = PdfReader(out).pages[0].extract_text()
    assert number in text and "Estimate" in text and "估价单" not in text


def test_print_refuses_an_unknown_order_or_a_missing_gate_pass(database, database_url, actors,
                                                              tmp_path, capsys) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--db", database_url, "print", "job-card", "RO999999", "--out",
                 str(out)]) == 2
    assert "RO999999" in capsys.readouterr().err and not out.exists()
    assert main(["--db", database_url, "print", "gate-pass", "--latest", "--out",
                 str(out)]) == 2
    number = _order(database, actors)
    assert main(["--db", database_url, "--lang", "zh_CN", "print", "gate-pass", number,
                 "--out", str(out)]) == 2
    assert "出门条" in capsys.readouterr().err and not out.exists()


def test_the_reprint_actor_may_only_read_orders() -> None:
    from app.cli.print_document import reprint_actor

    assert reprint_actor().permissions == frozenset({"orders.view"})
