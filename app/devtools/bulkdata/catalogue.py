"""The parts catalogue of the benchmark data: part numbers per make, prices, stock levels.

Every make the workshop sees gets the parts its services and common repairs need (one per
model, engine or make, depending on the kind of part); the rest of the catalogue is the long
tail a real 4S store carries (variants, trims, generations), most of which rarely moves.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.devtools.bulkdata.vocabulary import (
    MAKE_SUPPLIER,
    MODELS,
    PART_KINDS,
    PART_VARIANTS,
    SUPPLIERS,
    TYRE_BRANDS,
    Model,
    PartKind,
)

_ALNUM = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
_DIGITS = "0123456789"
# Kinds the workshop keeps on the shelf (min, max per popular model); the rest is ordered in.
_STOCKED = {"oil": (200_000, 800_000), "oil_filter": (20_000, 80_000),
            "drain_washer": (50_000, 200_000), "air_filter": (10_000, 40_000),
            "cabin_filter": (10_000, 40_000), "spark_plug": (16_000, 64_000),
            "brake_fluid": (10_000, 40_000), "coolant": (10_000, 40_000),
            "atf": (8_000, 40_000), "front_pads": (2_000, 8_000), "rear_pads": (2_000, 6_000),
            "wiper": (4_000, 12_000), "battery": (2_000, 6_000), "bulb": (4_000, 12_000),
            "refrigerant": (5_000, 20_000), "ac_cleaner": (6_000, 24_000),
            "balance_weight": (200_000, 600_000), "tyre": (4_000, 12_000),
            "clip": (100_000, 400_000), "key_battery": (10_000, 40_000)}


@dataclass(frozen=True)
class PartSpec:
    """One catalogue part, money in fen and quantities in thousandths."""

    part_no: str
    name: str
    brand: str
    unit: str
    sale_price: int
    cost_price: int
    supplier: int  # index into SUPPLIERS
    bin_code: str
    min_qty: int
    max_qty: int
    kind: str


@dataclass
class Catalogue:
    """The parts and the look-ups the order generator needs (ids are list index + 1)."""

    parts: list[PartSpec] = field(default_factory=list)
    by_model: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    by_engine: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    by_make: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    shared: dict[str, list[int]] = field(default_factory=dict)
    tyres: dict[str, list[int]] = field(default_factory=dict)
    tail: dict[int, list[int]] = field(default_factory=dict)  # model → long-tail part ids

    def find(self, rng: random.Random, model_index: int, model: Model,
             kind: PartKind) -> int | None:
        """A part id of ``kind`` that fits the model (None when the catalogue has none)."""
        if kind.scope == "model":
            ids = self.by_model.get((model_index, kind.key))
        elif kind.scope == "engine":
            ids = self.by_engine.get((model.engine, kind.key))
        elif kind.scope == "make":
            ids = self.by_make.get((model.make, kind.key))
        elif kind.scope == "tyre":
            ids = self.tyres.get(model.tyre)
        else:
            ids = self.shared.get(kind.key)
        if not ids:
            return None
        return ids[0] if len(ids) == 1 or rng.random() < 0.85 else rng.choice(ids)


def _part_no(rng: random.Random, make: str) -> str:
    def chars(alphabet: str, n: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    if make in ("toyota", "nissan"):
        return f"{chars(_DIGITS, 5)}-{chars(_ALNUM, 5)}"
    if make == "honda":
        return f"{chars(_DIGITS, 5)}-{chars(_ALNUM, 3)}-{chars(_ALNUM, 3)}"
    if make in ("vw", "audi"):
        return f"{chars(_ALNUM, 3)}{chars(_DIGITS, 6)}{rng.choice('ABCDEFGH ')}".strip()
    if make == "benz":
        return f"A{chars(_DIGITS, 10)}"
    if make == "bmw":
        return chars(_DIGITS, 11)
    if make == "tesla":
        return f"{chars(_DIGITS, 7)}-00-{rng.choice('ABCDEF')}"
    if make == "byd":
        return f"{chars(_DIGITS, 8)}-00"
    if make in ("buick", "geely"):
        return chars(_DIGITS, 8 if make == "buick" else 10)
    if make == "haval":
        return f"{chars(_DIGITS, 7)}X{chars(_ALNUM, 4)}"
    return f"JT-{chars(_ALNUM, 8)}"


def _price(rng: random.Random, kind: PartKind) -> tuple[int, int]:
    low, high = kind.price
    yuan = low + (high - low) * rng.random() ** 1.4
    sale = round(yuan) * 100 if yuan >= 20 else round(yuan * 10) * 10
    cost = sale * rng.randint(58, 78) // 100
    return max(sale, 100), max(cost, 50)


def build_catalogue(seed: int, makes: dict[str, int], target: int) -> Catalogue:
    """About ``target`` parts for the ``makes`` (make → weight) the workshop sees."""
    rng = random.Random(f"bayline-bulk:{seed}:parts")
    cat = Catalogue()
    used: set[str] = set()
    kinds = {k.key: k for k in PART_KINDS}

    def add(kind: PartKind, make: str, name: str, brand: str, prefix: str, stocked: float,
            key_lists: list[list[int]]) -> int:
        while True:
            number = f"{prefix}{_part_no(rng, make)}" if prefix else _part_no(rng, make)
            if number not in used:
                used.add(number)
                break
        sale, cost = _price(rng, kind)
        low, high = _STOCKED.get(kind.key, (0, 0))
        low, high = int(low * stocked) // 1000 * 1000, int(high * stocked) // 1000 * 1000
        if kind.unit in ("L", "kg") and high:
            high = max(high, 20_000)
        supplier = MAKE_SUPPLIER.get(make, 14)
        if kind.key == "tyre":
            supplier = 15
        elif kind.key in ("oil", "coolant", "atf", "brake_fluid") and make not in ("toyota",):
            supplier = 16 if rng.random() < 0.3 else supplier
        bin_code = f"{kind.bin_zone}-{rng.randint(1, 40):02d}-{rng.randint(1, 6)}"
        cat.parts.append(PartSpec(number, name, brand, kind.unit, sale, cost, supplier,
                                  bin_code, low, max(high, low), kind.key))
        part_id = len(cat.parts)
        for lst in key_lists:
            lst.append(part_id)
        return part_id

    total_weight = sum(makes.values()) or 1
    models = [(i, m) for i, m in enumerate(MODELS) if makes.get(m.make)]
    for make in sorted(makes, key=lambda k: -makes[k]):
        share = makes[make] / total_weight
        stocked = min(1.0, share * 4)
        brand = next(m.brand for m in MODELS if m.make == make)
        for kind in PART_KINDS:
            if kind.scope == "make":
                add(kind, make, kind.name, brand, "", stocked,
                    [cat.by_make.setdefault((make, kind.key), [])])
        engines = sorted({m.engine for _, m in models if m.make == make})
        for engine in engines:
            for kind in PART_KINDS:
                if kind.scope == "engine":
                    add(kind, make, f"{kind.name} {engine}", brand, "", stocked,
                        [cat.by_engine.setdefault((engine, kind.key), [])])
        for index, model in models:
            if model.make != make:
                continue
            for kind in PART_KINDS:
                if kind.scope == "model":
                    add(kind, make, f"{kind.name}（{model.name}）", brand, "", stocked * 0.6,
                        [cat.by_model.setdefault((index, kind.key), [])])
    for kind in PART_KINDS:
        if kind.scope == "shared":
            add(kind, "shared", kind.name, "", "", 1.0, [cat.shared.setdefault(kind.key, [])])
    for tyre in sorted({m.tyre for _, m in models}):
        for brand in TYRE_BRANDS[:4]:
            add(kinds["tyre"], "shared", f"{brand} {tyre} 轮胎", brand, "TY-", 0.3,
                [cat.tyres.setdefault(tyre, [])])
    for index, model, kind, variant in _long_tail(rng, models, makes):
        if len(cat.parts) >= target:
            break
        add(kind, model.make, f"{kind.name}{variant}（{model.name}）", model.brand, "", 0.0,
            [cat.by_model.setdefault((index, kind.key), []), cat.tail.setdefault(index, [])])
    return cat


def _long_tail(rng: random.Random, models: list[tuple[int, Model]],
               makes: dict[str, int]) -> Iterator[tuple[int, Model, PartKind, str]]:
    """Endless (model, kind, variant) triples, weighted towards the workshop's main makes."""
    kinds = [k for k in PART_KINDS if k.scope == "model"]
    weights = [makes[m.make] for _, m in models]
    while True:
        index, model = rng.choices(models, weights=weights)[0]
        yield index, model, rng.choice(kinds), rng.choice(PART_VARIANTS[1:])


def supplier_names() -> list[tuple[str, bool]]:
    """The suppliers (name, genuine channel), ids in this order."""
    return list(SUPPLIERS)
