"""Timing calls and summarising them (p50 / p95 in milliseconds)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100) by linear interpolation between closest ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Timings:
    """Milliseconds of each timed call."""

    ms: tuple[float, ...]

    @property
    def n(self) -> int:
        return len(self.ms)

    @property
    def p50(self) -> float:
        return percentile(self.ms, 50)

    @property
    def p95(self) -> float:
        return percentile(self.ms, 95)


def time_each(fn: Callable[[T], object], items: Sequence[T], *, warmup: int = 0,
              warmup_items: Sequence[T] = ()) -> Timings:
    """Call ``fn(item)`` for each item, timing each call.

    Untimed warm-up calls run first: ``fn`` on each of ``warmup_items``, then ``warmup`` calls
    on ``items`` from the start (cycling). Use ``warmup_items`` when an item can be used only
    once (an order is invoiced once).
    """
    for item in warmup_items:
        fn(item)
    for i in range(warmup if items else 0):
        fn(items[i % len(items)])
    ms = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        ms.append((time.perf_counter() - start) * 1000)
    return Timings(tuple(ms))
