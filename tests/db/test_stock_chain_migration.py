"""Migration 0007 chains the stock movements that exist, exactly as the live code would."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select

from app.fiscal.verify import verify_documents
from app.parts.stock import issue_to_order
from db.migrate import alembic_config, upgrade
from db.models import StockChainHead, StockMovement
from tests.factories import make_order_with_part_line, make_part


def test_back_fill_gives_the_hashes_the_live_code_writes(database, session, actors) -> None:
    clerk = actors["parts_clerk"]
    oil = make_part(session, clerk, "OIL-1", on_hand="12.5", name="机油")
    make_part(session, clerk, "FLT-1", on_hand=3)
    line = make_order_with_part_line(session, clerk, oil, "4.25")
    issue_to_order(session, clerk, line.id)
    session.commit()
    live = session.execute(select(StockMovement.id, StockMovement.chain_seq,
                                  StockMovement.prev_hash, StockMovement.hash)
                           .order_by(StockMovement.id)).all()
    head = session.execute(select(StockChainHead.last_seq, StockChainHead.last_hash)).one()
    assert [row.chain_seq for row in live] == [1, 2, 3] and head == (3, live[-1].hash)
    session.close()

    with database.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")  # just before 0007
    upgrade(database)
    with database.reading() as fresh:
        again = fresh.execute(select(StockMovement.id, StockMovement.chain_seq,
                                     StockMovement.prev_hash, StockMovement.hash)
                              .order_by(StockMovement.id)).all()
        assert again == live
        assert fresh.execute(select(StockChainHead.last_seq,
                                    StockChainHead.last_hash)).one() == head
        assert verify_documents(fresh).stock == []
