"""What every screen of a terminal needs about the shop (its time zone and name), read once
off the GUI thread at sign-in and kept per database; a change of the profile re-reads it.

``facts(database)`` answers from the cache; only where nothing was read yet (a screen built
on its own, in a test or a tool) does it read at once.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from app.shop import ShopFacts, shop_facts
from db.engine import Database
from ui.latest_read import read_later

_known: weakref.WeakKeyDictionary[Database, ShopFacts] = weakref.WeakKeyDictionary()


def facts(database: Database) -> ShopFacts:
    """The shop's facts: from the cache, else read now."""
    found = _known.get(database)
    if found is None:
        with database.reading() as session:
            found = _known[database] = shop_facts(session)
    return found


def known(database: Database) -> ShopFacts | None:
    """The cached facts, or None before they were read."""
    return _known.get(database)


def load_then(database: Database, on_ready: Callable[[ShopFacts], None]) -> None:
    """Read the facts in the background (again), cache them, then ``on_ready(facts)``."""
    def store(found: ShopFacts) -> None:
        _known[database] = found
        on_ready(found)

    read_later(database, shop_facts, store)
