"""Customers of the benchmark data: Chinese names, companies, addresses, phones and tax ids."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, TypeVar

from stdnum.cn import uscc

from app.devtools.bulkdata.vocabulary import (
    COMPANY_TRADES,
    COMPANY_WORDS,
    GIVEN_FEMALE,
    GIVEN_MALE,
    MOBILE_PREFIXES,
    SURNAMES_GUANGDONG,
    SURNAMES_NATIONAL,
    City,
)

T = TypeVar("T")
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


class Weighted(Generic[T]):
    """Draw items by relative weight in O(log n) (``bisect`` over cumulative weights)."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in items]
        self.cumulative = list(accumulate(float(w) for _, w in items))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect_right(self.cumulative, rng.random() * self.total)]


_SURNAME_LOCAL = Weighted(SURNAMES_GUANGDONG)
_SURNAME_NATIONAL = Weighted(SURNAMES_NATIONAL)


def person_name(rng: random.Random, local_share: float = 0.72) -> str:
    """A personal name: a surname (Guangdong or national frequencies) and 1–2 characters."""
    surname = (_SURNAME_LOCAL if rng.random() < local_share else _SURNAME_NATIONAL).pick(rng)
    pool = GIVEN_MALE if rng.random() < 0.64 else GIVEN_FEMALE
    if rng.random() < 0.82:
        return surname + rng.choice(pool) + rng.choice(pool)
    return surname + rng.choice(pool)


def company_name(rng: random.Random, city: City) -> str:
    """A company name such as 广州市宏达物流有限公司."""
    return f"{city.name}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES)}"


def address(rng: random.Random, city: City) -> tuple[str, str]:
    """A street address in ``city`` and its district's division code."""
    district, code = rng.choice(city.districts)
    street = rng.choice(city.streets)
    flat = (f"{rng.randint(1, 30)}栋{rng.randint(1, 32)}0{rng.randint(1, 8)}"
            if rng.random() < 0.6 else "")
    return f"{city.name}{district}{street}{rng.randint(1, 999)}号{flat}", code


def org_code(body: str) -> str:
    """``body`` (8 characters) with its GB 11714 organisation-code check character."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w
                for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def company_tax_id(rng: random.Random, division: str) -> str:
    """A valid Unified Social Credit Code (GB 32100) of a company registered in ``division``."""
    body = "MA" + "".join(rng.choice(_USCC_ALPHABET) for _ in range(6))
    first17 = "91" + division + org_code(body)
    return first17 + uscc.calc_check_digit(first17)


def email(rng: random.Random) -> str:
    """An e-mail address as Chinese customers often have (QQ, 163, 126)."""
    r = rng.random()
    if r < 0.65:
        return f"{rng.randint(10**7, 10**10 - 1)}@qq.com"
    if r < 0.9:
        return f"{rng.choice('gzszfsdgwlch')}{rng.randint(1000, 999999)}@163.com"
    return f"car{rng.randint(100, 99999)}@126.com"


_MOBILE = Weighted(MOBILE_PREFIXES)


class PhoneBook:
    """Hands out distinct phone numbers in E.164 (``+8613812345678``)."""

    def __init__(self) -> None:
        self._used: set[int] = set()

    def mobile(self, rng: random.Random) -> str:
        """A mainland mobile number nobody else in the data has."""
        while True:
            prefix = _MOBILE.pick(rng)
            number = int(prefix) * 10**8 + rng.randrange(10**8)
            if number not in self._used:
                self._used.add(number)
                return f"+86{number}"

    def landline(self, rng: random.Random, city: City) -> str:
        """A landline of ``city`` (8 digits after the area code, starting 2–8)."""
        while True:
            local = rng.randint(2, 8) * 10**7 + rng.randrange(10**7)
            number = int(city.area_code) * 10**8 + local
            key = -number  # keep landlines apart from mobiles
            if key not in self._used:
                self._used.add(key)
                return f"+86{city.area_code}{local}"


def digits_reversed(e164: str) -> str:
    """The national number reversed, as app.validation.phones.digits_reversed gives it for
    the Chinese numbers made here (``+8613812345678`` → ``87654321831``)."""
    return e164[3:][::-1]

