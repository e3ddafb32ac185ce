"""Chinese names, companies, addresses, phone numbers and tax ids for demo customers."""

from __future__ import annotations

import random

from stdnum.cn import uscc

# Common surnames, weighted towards Guangdong (陈, 李, 黄, 梁, 林 ... are the most frequent).
SURNAMES: tuple[tuple[str, int], ...] = (
    ("陈", 14), ("李", 12), ("黄", 10), ("张", 8), ("梁", 7), ("林", 7), ("刘", 6), ("吴", 5),
    ("王", 6), ("何", 5), ("罗", 5), ("郑", 4), ("谢", 4), ("杨", 4), ("周", 3), ("邓", 3),
    ("冯", 3), ("叶", 3), ("许", 3), ("蔡", 3), ("曾", 3), ("朱", 2), ("徐", 2), ("赵", 2),
    ("胡", 2), ("郭", 2), ("钟", 2), ("卢", 2), ("潘", 2), ("苏", 2), ("彭", 2), ("余", 2),
    ("孙", 1), ("马", 1), ("高", 1), ("宋", 1), ("唐", 1), ("韩", 1), ("曹", 1), ("邱", 1),
    ("江", 1), ("欧阳", 1), ("司徒", 1), ("麦", 1), ("温", 1), ("莫", 1), ("区", 1), ("关", 1),
)
MALE_GIVEN = "伟强磊军勇杰涛斌超明辉刚健峰俊浩宇鹏志华文建国海波家豪锦荣永康国栋子轩嘉俊"
FEMALE_GIVEN = "芳娜敏静丽艳娟霞秀玲婷雪慧颖琳欣怡佳琪晓梅丹凤燕红萍倩嘉欣淑仪"

DISTRICTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # district, administrative division code, streets
    ("天河区", "440106", ("天河路", "体育东路", "黄埔大道西", "中山大道西", "珠江新城华夏路",
                       "车陂路", "龙口西路", "天河北路")),
    ("越秀区", "440104", ("环市东路", "东风中路", "北京路", "农林下路", "解放北路")),
    ("海珠区", "440105", ("新港中路", "江南大道中", "工业大道北", "宝岗大道", "昌岗东路")),
    ("白云区", "440111", ("白云大道北", "机场路", "同和路", "广园中路", "云城西路")),
    ("番禺区", "440113", ("市桥街光明北路", "南村镇兴南大道", "大石街105国道", "钟村街汉溪大道")),
    ("黄埔区", "440112", ("科学大道", "开创大道", "香雪三路", "大沙地东路")),
    ("荔湾区", "440103", ("中山七路", "芳村大道中", "花地大道南", "龙津西路")),
)
COMPANY_WORDS = ("穗通", "宏达", "恒信", "粤丰", "嘉禾", "骏业", "华南", "广汇", "鸿运", "新锐",
                 "安捷", "南方", "珠江", "东盛", "利丰", "金穗", "天成", "汇德", "卓越", "百胜")
COMPANY_TRADES = ("贸易有限公司", "物流有限公司", "建设工程有限公司", "电子科技有限公司",
                  "餐饮管理有限公司", "房地产开发有限公司", "汽车租赁有限公司", "物业管理有限公司",
                  "医疗器械有限公司", "服装有限公司", "文化传播有限公司", "供应链管理有限公司")
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                   "152", "153", "155", "156", "157", "158", "159", "180", "181", "186", "187",
                   "188", "189")

# GB 11714 organisation code: weights of the 8 body characters, check = 11 - sum mod 11.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _weighted(rng: random.Random, items: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def person_name(rng: random.Random) -> tuple[str, bool]:
    """A Chinese personal name and whether it is a man's (for the demo's 先生/女士)."""
    male = rng.random() < 0.62
    pool = MALE_GIVEN if male else FEMALE_GIVEN
    given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.75 else "")
    return _weighted(rng, SURNAMES) + given, male


def company_name(rng: random.Random) -> str:
    """A Guangzhou company name (广州市…有限公司)."""
    return f"广州市{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES)}"


def address(rng: random.Random) -> tuple[str, str]:
    """A Guangzhou street address and its district's division code."""
    district, code, streets = rng.choice(DISTRICTS)
    extra = f"{rng.randint(1, 30)}栋{rng.randint(1, 28)}0{rng.randint(1, 6)}" \
        if rng.random() < 0.6 else ""
    return f"广州市{district}{rng.choice(streets)}{rng.randint(1, 999)}号{extra}", code


def mobile(rng: random.Random) -> str:
    """A mainland mobile number as people write it (``138 1234 5678``)."""
    digits = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    return f"{digits[:3]} {digits[3:7]} {digits[7:]}"


def landline(rng: random.Random) -> str:
    """A Guangzhou landline (``020-3888 1234``)."""
    number = f"{rng.choice('3836')}{rng.randrange(10**7):07d}"
    return f"020-{number[:4]} {number[4:]}"


def org_code(body: str) -> str:
    """``body`` (8 characters) with its GB 11714 organisation-code check character."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w
                for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def company_tax_id(rng: random.Random, division: str = "440106") -> str:
    """A valid 18-character Unified Social Credit Code of a company registered in Guangzhou.

    Registration authority 9 (market regulation), type 1 (enterprise), the district code, a
    new-style organisation code (``MA`` + 6 characters + its check) and the GB 32100 check.
    """
    body = "MA" + "".join(rng.choice(_USCC_ALPHABET) for _ in range(6))
    first17 = "91" + division + org_code(body)
    return first17 + uscc.calc_check_digit(first17)


def email(rng: random.Random) -> str:
    """A personal e-mail address as Chinese customers often have (QQ / 163)."""
    if rng.random() < 0.7:
        return f"{rng.randint(10**7, 10**10 - 1)}@qq.com"
    return f"gz{rng.randint(1000, 99999)}@163.com"
