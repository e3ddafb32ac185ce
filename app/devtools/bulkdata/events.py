"""The replay's clock: things that happen later, kept in time order (a heap)."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import Any

ISSUE, RETURN, RESTOCK, COUNTER, STOCKTAKE, SETTLE, PAY, CREDIT = range(8)
CASHIER_EVENTS = frozenset({SETTLE, PAY, CREDIT})


class Events:
    """A time-ordered queue of ``(when, code, payload)``; equal times keep their order."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, int, Any]] = []
        self._seq = 0

    def push(self, when: int, code: int, payload: Any) -> None:
        self._seq += 1
        heapq.heappush(self._heap, (when, self._seq, code, payload))

    def due(self, until: int) -> Iterator[tuple[int, int, Any]]:
        """Pop every event up to ``until`` (events pushed meanwhile included)."""
        heap = self._heap
        while heap and heap[0][0] <= until:
            when, _seq, code, payload = heapq.heappop(heap)
            yield when, code, payload

    def codes(self) -> set[int]:
        """The kinds of event still waiting."""
        return {code for _when, _seq, code, _payload in self._heap}

    def clear(self) -> None:
        self._heap.clear()
