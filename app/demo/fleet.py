"""Demo vehicles: brands and models sold in China, valid VINs (GB 16735 check digit) and plates."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.validation.vin import vin_check_digit

VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # never I or O
# Model-year codes (VIN position 10) repeat every 30 years from 1980 (A) / 2010 (A).
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"


@dataclass(frozen=True)
class Model:
    """One model line: how its VINs start and what it needs at a service."""

    brand: str  # parts family key (toyota, honda ...)
    brand_name: str  # 丰田
    name: str  # 凯美瑞
    series: str
    wmi: str
    vds: str  # VIN positions 4–8
    plants: str  # possible VIN position 11 characters
    engine: str  # engine (or motor) code prefix of the engine number
    energy: str  # ice | phev | ev
    oil_litres: str  # engine oil capacity with filter (Decimal text), "" for EVs
    tyre: str  # tyre size
    first_year: int  # first model year sold


MODELS: tuple[tuple[Model, int], ...] = (
    (Model("toyota", "丰田", "凯美瑞", "2.0L 豪华版", "LVG", "BV5HK", "1", "M20C", "ice", "4.2",
           "215/55R17", 2012), 14),
    (Model("toyota", "丰田", "雷凌", "1.5L CVT 进取版", "LVG", "BE1EG", "1", "M15B", "ice", "4.0",
           "205/55R16", 2014), 9),
    (Model("toyota", "丰田", "汉兰达", "2.5L 双擎 四驱豪华版", "LVG", "BR6FA", "1", "A25B", "ice",
           "4.5", "235/55R19", 2013), 6),
    (Model("toyota", "丰田", "卡罗拉", "1.5L 先锋版", "LFM", "A3E1G", "0", "M15B", "ice", "4.0",
           "205/55R16", 2012), 12),
    (Model("toyota", "丰田", "亚洲龙", "2.5L 双擎 豪华版", "LFM", "B7E5H", "0", "A25B", "ice",
           "4.5", "235/45R18", 2019), 5),
    (Model("toyota", "丰田", "RAV4荣放", "2.0L CVT 风尚版", "LFM", "E2F4W", "0", "M20C", "ice",
           "4.2", "225/65R17", 2013), 6),
    (Model("honda", "本田", "雅阁", "260TURBO 精英版", "LHG", "CV1A5", "0", "L15B", "ice", "3.7",
           "225/50R17", 2012), 4),
    (Model("honda", "本田", "飞度", "1.5L CVT 潮跑版", "LHG", "GK568", "0", "L15B", "ice", "3.6",
           "185/55R16", 2014), 2),
    (Model("honda", "本田", "思域", "240TURBO 劲动版", "LVH", "FC169", "5", "L15B", "ice", "3.7",
           "215/55R16", 2016), 3),
    (Model("honda", "本田", "CR-V", "240TURBO 两驱都市版", "LVH", "RW185", "5", "L15B", "ice",
           "4.0", "235/60R18", 2012), 3),
    (Model("vw", "大众", "朗逸", "1.5L 自动舒适版", "LSV", "A6180", "2", "DMB", "ice", "4.0",
           "205/55R16", 2013), 4),
    (Model("vw", "大众", "帕萨特", "330TSI 豪华版", "LSV", "D6A32", "2", "DKV", "ice", "5.2",
           "235/45R18", 2012), 2),
    (Model("vw", "大众", "速腾", "280TSI 超越版", "LFV", "A2BU3", "3", "DJS", "ice", "4.0",
           "225/45R17", 2012), 3),
    (Model("vw", "大众", "迈腾", "330TSI 领先型", "LFV", "A63C8", "3", "DKX", "ice", "5.2",
           "235/45R18", 2012), 2),
    (Model("byd", "比亚迪", "汉EV", "610KM 尊贵型", "LGX", "CG6C3", "4", "TZ220XYL", "ev", "",
           "245/45R19", 2020), 3),
    (Model("byd", "比亚迪", "秦PLUS", "DM-i 55KM 领先型", "LGX", "C4C3J", "4", "BYD472QA", "phev",
           "4.0", "215/55R17", 2021), 4),
    (Model("byd", "比亚迪", "宋PLUS", "DM-i 110KM 旗舰型", "LC0", "C76B4", "4", "BYD472ZQA",
           "phev", "4.0", "235/50R19", 2021), 2),
    (Model("byd", "比亚迪", "海豚", "405KM 自由版", "LC0", "CE4C0", "4", "TZ180XSF", "ev", "",
           "195/60R16", 2021), 2),
    (Model("nissan", "日产", "轩逸", "1.6L XL 悦享版", "LGB", "H52E4", "6", "HR16", "ice", "4.0",
           "205/55R16", 2012), 4),
    (Model("nissan", "日产", "天籁", "2.0L XL 舒适版", "LGB", "F6E04", "6", "MR20", "ice", "4.4",
           "215/55R17", 2012), 1),
    (Model("nissan", "日产", "奇骏", "2.5L CVT 四驱", "LGB", "G6F11", "6", "QR25", "ice", "4.6",
           "225/60R18", 2012), 1),
    (Model("buick", "别克", "君威", "552T 精英型", "LSG", "ZC5S1", "S", "LSY", "ice", "4.7",
           "225/55R17", 2012), 2),
    (Model("buick", "别克", "英朗", "15N 自动精英型", "LSG", "PC5A5", "S", "L2B", "ice", "4.0",
           "205/55R16", 2012), 2),
    (Model("buick", "别克", "GL8", "ES陆尊 653T", "LSG", "UL8E2", "S", "LSY", "ice", "5.7",
           "225/55R18", 2012), 1),
    (Model("bmw", "宝马", "3系", "325Li M运动套装", "LBV", "5U910", "7", "B48", "ice", "5.2",
           "225/45R18", 2012), 2),
    (Model("bmw", "宝马", "5系", "530Li 领先型", "LBV", "13105", "7", "B48", "ice", "5.2",
           "245/45R18", 2012), 1),
    (Model("bmw", "宝马", "X3", "xDrive30i 领先型", "LBV", "TX910", "7", "B48", "ice", "5.2",
           "245/50R19", 2018), 1),
    (Model("benz", "奔驰", "C级", "C260L 运动版", "LE4", "GJ8HB", "8", "M264", "ice", "6.0",
           "225/50R17", 2015), 2),
    (Model("benz", "奔驰", "E级", "E300L 时尚型", "LE4", "ZF4KB", "8", "M264", "ice", "6.0",
           "245/45R18", 2012), 1),
    (Model("benz", "奔驰", "GLC", "GLC300L 4MATIC", "LE4", "GF8KB", "8", "M264", "ice", "6.0",
           "235/55R19", 2016), 1),
)

COLOURS: tuple[tuple[str, int], ...] = (
    ("珍珠白", 30), ("曜石黑", 22), ("银色", 12), ("铂金灰", 12), ("深海蓝", 8), ("魂动红", 5),
    ("香槟金", 4), ("墨绿", 2), ("天空蓝", 3), ("橙色", 2),
)

# Where the cars come from: Guangzhou (粤A) above all, then the rest of the province and
# neighbouring provinces (people who work in Guangzhou keep their home plates).
PLATE_REGIONS: tuple[tuple[str, int], ...] = (
    ("粤A", 70), ("粤B", 6), ("粤E", 4), ("粤S", 3), ("粤T", 2), ("粤R", 1), ("粤Q", 1),
    ("湘A", 3), ("湘D", 1), ("桂A", 2), ("赣A", 1), ("鄂A", 1), ("川A", 1), ("闽D", 1),
    ("京N", 1), ("沪A", 1),
)


def pick_model(rng: random.Random) -> Model:
    """A model, weighted by how common it is in this (Toyota) store's workshop."""
    return rng.choices([m for m, _ in MODELS], weights=[w for _, w in MODELS])[0]


def model_year_code(year: int) -> str:
    """VIN position 10 for ``year`` (2010 → A, 2026 → T, 2031 → 1)."""
    return _YEAR_CODES[(year - 1980) % 30]


def make_vin(rng: random.Random, model: Model, year: int) -> str:
    """A valid Chinese VIN for ``model``/``year`` with a correct check digit (position 9)."""
    serial = f"{rng.randrange(10**6):06d}"
    body = f"{model.wmi}{model.vds}0{model_year_code(year)}{rng.choice(model.plants)}{serial}"
    return body[:8] + vin_check_digit(body) + body[9:]


def make_plate(rng: random.Random, energy: str) -> str:
    """A plate: regular (粤A3K8M2 style, 5 after the city letter) or new-energy (粤AD12345)."""
    region = rng.choices([r for r, _ in PLATE_REGIONS], weights=[w for _, w in PLATE_REGIONS])[0]
    if energy != "ice" and region.startswith("粤"):
        kind = "D" if energy == "ev" else "F"
        second = rng.choice(PLATE_LETTERS + "0123456789")
        return f"{region}{kind}{second}{rng.randrange(10**4):04d}"
    chars = []
    letters = 0
    for position in range(5):
        if letters < 2 and position < 4 and rng.random() < 0.22:
            chars.append(rng.choice(PLATE_LETTERS))
            letters += 1
        else:
            chars.append(str(rng.randrange(10)))
    return region + "".join(chars)


def colour(rng: random.Random) -> str:
    """A body colour."""
    return rng.choices([c for c, _ in COLOURS], weights=[w for _, w in COLOURS])[0]


def engine_no(rng: random.Random, model: Model) -> str:
    """An engine (or traction motor) number: its type code and a serial."""
    return f"{model.engine}{rng.randrange(10**7):07d}"[:20]


def registration(rng: random.Random, model: Model, latest: date) -> tuple[int, date]:
    """A model year and first-registration date no later than ``latest``."""
    newest = latest.year
    oldest = max(model.first_year, newest - 10)
    years = list(range(oldest, newest + 1))
    weights = [1 + (y - oldest) for y in years]
    year = rng.choices(years, weights=weights)[0]
    start = date(year - 1, 9, 1)
    first = start + timedelta(days=rng.randrange(480))
    if first > latest:
        first = latest - timedelta(days=rng.randrange(30, 200))
        year = min(year, first.year + 1)
    return year, first
