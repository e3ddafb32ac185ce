"""Vehicles of the benchmark data: valid VINs (ISO 3779 check digit), plates, engine numbers."""

from __future__ import annotations

import random

from app.devtools.bulkdata.vocabulary import Model
from app.validation.vin import vin_check_digit

PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # never I or O
_ALNUM = PLATE_LETTERS + "0123456789"
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # 1980/2010 → A … 2009/2039 → 9
# Patterns of the five characters after the city letter (L letter, D digit): numbers chosen
# by the owner since 2007 mix in one or two letters.
_PATTERNS = (("DDDDD", 34), ("LDDDD", 16), ("DLDDD", 8), ("DDLDD", 6), ("DDDLD", 5),
             ("DDDDL", 8), ("LLDDD", 5), ("DLLDD", 3), ("LDDDL", 3), ("DDDLL", 3),
             ("LDLDD", 3), ("DLDLD", 3), ("LDDLD", 3))
_PATTERN_CUM: list[int] = []
_total = 0
for _pattern, _weight in _PATTERNS:
    _total += _weight
    _PATTERN_CUM.append(_total)


def model_year_code(year: int) -> str:
    """VIN position 10 for ``year`` (2010 → A, 2026 → T)."""
    return _YEAR_CODES[(year - 1980) % 30]


class VinFactory:
    """Distinct valid VINs: WMI + VDS + check digit + year + plant + a serial per model."""

    def __init__(self) -> None:
        self._serials: dict[tuple[str, str, str], int] = {}

    def make(self, rng: random.Random, model: Model, year: int) -> str:
        plant = rng.choice(model.plants)
        key = (model.wmi + model.vds, model_year_code(year), plant)
        serial = self._serials.get(key)
        if serial is None:
            serial = rng.randrange(10_000, 300_000)
        serial += rng.randint(1, 20)  # other cars of the line were sold elsewhere
        if serial > 999_999:  # a serial has six digits: start the line again from the bottom
            serial = serial % 1_000 + 1
        self._serials[key] = serial
        body = f"{model.wmi}{model.vds}0{key[1]}{plant}{serial:06d}"
        return body[:8] + vin_check_digit(body) + body[9:]


class PlateFactory:
    """Distinct plates: regular (粤A3K8M2 style) and new-energy (粤AD12345) ones."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, rng: random.Random, region: str, energy: str) -> str:
        while True:
            plate = self._one(rng, region, energy)
            if plate not in self._used:
                self._used.add(plate)
                return plate

    @staticmethod
    def _one(rng: random.Random, region: str, energy: str) -> str:
        if energy in ("ev", "phev"):
            # small new-energy plate: D (electric) or F (hybrid), a letter or digit, 4 digits
            kind = "D" if energy == "ev" else "F"
            return f"{region}{kind}{rng.choice(_ALNUM)}{rng.randrange(10**4):04d}"
        x = rng.random() * _total
        i = 0
        while _PATTERN_CUM[i] <= x:
            i += 1
        pattern = _PATTERNS[i][0]
        return region + "".join(rng.choice(PLATE_LETTERS) if c == "L" else str(rng.randrange(10))
                                for c in pattern)


def engine_no(rng: random.Random, model: Model) -> str:
    """An engine (or traction motor) number: its type code and a serial."""
    return f"{model.engine}{rng.randrange(10**7):07d}"[:20]
