"""The words of the benchmark data: names, places, vehicle models, part kinds, jobs and charges.

Plain data only (tuples of weights and specs); the generators in the sibling modules draw from
it. Weights are relative frequencies, not percentages.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- people -------------------------------------------------------------------------------

# Surnames of people born in Guangdong (陈, 黄, 李, 梁, 林 lead), and the national ranking
# (2020 census: 王, 李, 张, 刘, 陈 …) for the many who moved here from other provinces.
SURNAMES_GUANGDONG: tuple[tuple[str, int], ...] = (
    ("陈", 120), ("黄", 80), ("李", 75), ("梁", 55), ("林", 50), ("张", 45), ("刘", 40),
    ("吴", 35), ("何", 33), ("罗", 30), ("郑", 28), ("谢", 27), ("王", 26), ("杨", 25),
    ("冯", 22), ("叶", 21), ("邓", 21), ("曾", 20), ("蔡", 19), ("许", 18), ("周", 17),
    ("钟", 16), ("卢", 15), ("潘", 15), ("苏", 14), ("余", 13), ("彭", 12), ("朱", 12),
    ("胡", 12), ("郭", 11), ("赖", 10), ("温", 10), ("邱", 10), ("江", 9), ("莫", 9),
    ("麦", 8), ("关", 7), ("区", 6), ("欧阳", 5), ("司徒", 3), ("徐", 8), ("赵", 7),
    ("方", 7), ("廖", 9), ("严", 5), ("古", 4), ("谭", 8), ("杜", 5), ("伍", 6), ("汤", 4),
    ("黎", 7), ("植", 2), ("简", 3), ("容", 3), ("岑", 3), ("凌", 3), ("戴", 4), ("丘", 3),
)
SURNAMES_NATIONAL: tuple[tuple[str, int], ...] = (
    ("王", 710), ("李", 700), ("张", 640), ("刘", 540), ("陈", 460), ("杨", 310), ("黄", 250),
    ("赵", 230), ("吴", 200), ("周", 190), ("徐", 130), ("孙", 120), ("马", 120), ("朱", 110),
    ("胡", 100), ("郭", 100), ("何", 90), ("林", 90), ("高", 90), ("罗", 80), ("郑", 80),
    ("梁", 70), ("谢", 60), ("宋", 60), ("唐", 60), ("许", 50), ("韩", 50), ("冯", 50),
    ("邓", 50), ("曹", 50), ("彭", 40), ("曾", 40), ("肖", 40), ("田", 40), ("董", 40),
    ("袁", 40), ("潘", 40), ("于", 40), ("蒋", 40), ("蔡", 40), ("余", 30), ("杜", 30),
    ("叶", 30), ("程", 30), ("苏", 30), ("魏", 30), ("吕", 30), ("丁", 30), ("任", 30),
    ("沈", 30), ("姚", 30), ("卢", 30), ("姜", 30), ("崔", 30), ("钟", 30), ("谭", 30),
    ("陆", 30), ("汪", 25), ("范", 25), ("金", 25), ("石", 25), ("廖", 25), ("贾", 25),
    ("夏", 25), ("韦", 25), ("付", 25), ("方", 25), ("白", 20), ("邹", 20), ("孟", 20),
    ("熊", 20), ("秦", 20), ("邱", 20), ("江", 20), ("尹", 20), ("薛", 20), ("闫", 20),
    ("段", 20), ("雷", 20), ("侯", 20), ("龙", 20), ("史", 20), ("陶", 15), ("黎", 15),
    ("贺", 15), ("顾", 15), ("毛", 15), ("郝", 15), ("龚", 15), ("邵", 15), ("万", 15),
    ("钱", 15), ("严", 15), ("覃", 15), ("武", 15), ("戴", 15), ("莫", 10), ("孔", 10),
    ("向", 10), ("汤", 10), ("欧阳", 5), ("上官", 1), ("诸葛", 1),
)
# Characters of given names (one or two of them), by the sex recorded for the name.
GIVEN_MALE = ("伟强磊军勇杰涛斌超明辉刚健峰俊浩宇鹏志华文建国海波家豪锦荣永康栋轩嘉"
              "晨阳博睿子豪振宏德昌亮平东林森泽凯龙飞翔坤彬毅锋洪铭达成瀚")
GIVEN_FEMALE = ("芳娜敏静丽艳娟霞秀玲婷雪慧颖琳欣怡佳琪晓梅丹凤燕红萍倩嘉淑仪"
                "美玉桂兰英华素云莉璐悦思彤诗涵雨梦瑶若曦可馨紫妍")

COMPANY_WORDS = ("穗通", "宏达", "恒信", "粤丰", "嘉禾", "骏业", "华南", "广汇", "鸿运", "新锐",
                 "安捷", "南方", "珠江", "东盛", "利丰", "金穗", "天成", "汇德", "卓越", "百胜",
                 "永利", "创新", "合力", "信达", "华盛", "中联", "远航", "海纳", "瑞丰", "盛世",
                 "德诚", "正通", "润华", "明达", "鹏程", "锦程", "星河", "粤海", "云山", "越秀")
COMPANY_TRADES = ("贸易有限公司", "物流有限公司", "建设工程有限公司", "电子科技有限公司",
                  "餐饮管理有限公司", "房地产开发有限公司", "汽车租赁有限公司", "物业管理有限公司",
                  "医疗器械有限公司", "服装有限公司", "文化传播有限公司", "供应链管理有限公司",
                  "信息技术有限公司", "实业有限公司", "投资发展有限公司", "网约车服务有限公司")


@dataclass(frozen=True)
class City:
    """A city customers live in: its name, districts (with division codes) and phone area."""

    name: str
    area_code: str
    districts: tuple[tuple[str, str], ...]
    streets: tuple[str, ...]


CITIES: dict[str, City] = {
    "guangzhou": City("广州市", "20", (
        ("天河区", "440106"), ("越秀区", "440104"), ("海珠区", "440105"), ("白云区", "440111"),
        ("番禺区", "440113"), ("黄埔区", "440112"), ("荔湾区", "440103"), ("花都区", "440114"),
        ("增城区", "440118"), ("南沙区", "440115")),
        ("天河路", "体育东路", "黄埔大道西", "中山大道西", "车陂路", "天河北路", "环市东路",
         "东风中路", "新港中路", "江南大道中", "白云大道北", "机场路", "广园中路", "市桥光明北路",
         "兴南大道", "科学大道", "开创大道", "中山七路", "芳村大道中", "迎宾大道", "增城大道")),
    "shenzhen": City("深圳市", "755", (
        ("福田区", "440304"), ("罗湖区", "440303"), ("南山区", "440305"), ("宝安区", "440306"),
        ("龙岗区", "440307"), ("龙华区", "440309")),
        ("深南大道", "滨河大道", "科技园南路", "宝安大道", "龙岗大道", "梅林路", "沙河西路",
         "红荔路", "民治大道", "布吉路")),
    "foshan": City("佛山市", "757", (
        ("禅城区", "440604"), ("南海区", "440605"), ("顺德区", "440606")),
        ("季华路", "佛山大道", "桂澜路", "大良凤山路", "南海大道", "汾江中路")),
    "dongguan": City("东莞市", "769", (
        ("莞城街道", "441900"), ("南城街道", "441900"), ("东城街道", "441900"),
        ("长安镇", "441900"), ("虎门镇", "441900")),
        ("鸿福路", "东莞大道", "莞太路", "长安兴发路", "虎门大道", "东城中路")),
}

# Where plates come from: the store's own city above all, then the rest of the province and
# the provinces people move from (they keep their home plates for years).
PLATES_STORE: tuple[tuple[str, int], ...] = (
    ("粤A", 720), ("粤B", 30), ("粤E", 45), ("粤S", 25), ("粤T", 18), ("粤R", 16), ("粤H", 12),
    ("粤Q", 6), ("粤J", 8), ("粤L", 7), ("粤C", 4), ("粤D", 4), ("粤G", 5), ("粤K", 4),
    ("粤M", 3), ("粤V", 3), ("粤W", 2), ("粤F", 3), ("粤N", 2), ("粤P", 2), ("粤U", 2),
    ("湘A", 12), ("湘D", 5), ("湘L", 4), ("桂A", 10), ("桂K", 3), ("赣A", 6), ("赣B", 3),
    ("鄂A", 5), ("川A", 4), ("闽D", 3), ("闽A", 2), ("豫A", 3), ("贵A", 2), ("京N", 1),
    ("沪A", 1), ("浙A", 1), ("琼A", 2), ("渝A", 2), ("黑A", 1),
)
PLATES_GROUP: tuple[tuple[str, int], ...] = (
    ("粤A", 330), ("粤B", 250), ("粤E", 120), ("粤S", 100), ("粤T", 35), ("粤R", 15),
    ("粤H", 12), ("粤Q", 5), ("粤J", 12), ("粤L", 15), ("粤C", 8), ("粤D", 6), ("粤G", 6),
    ("粤K", 4), ("粤M", 4), ("粤V", 4), ("粤W", 2), ("粤F", 3), ("粤N", 3), ("粤P", 3),
    ("粤U", 3), ("湘A", 10), ("湘D", 4), ("桂A", 8), ("赣A", 5), ("鄂A", 4), ("川A", 4),
    ("闽D", 3), ("豫A", 3), ("琼A", 2), ("渝A", 2),
)
# Where customers live, for the store and for the dealer group.
HOMES_STORE: tuple[tuple[str, int], ...] = (("guangzhou", 90), ("foshan", 6), ("dongguan", 2),
                                            ("shenzhen", 2))
HOMES_GROUP: tuple[tuple[str, int], ...] = (("guangzhou", 40), ("shenzhen", 30),
                                            ("foshan", 16), ("dongguan", 14))

MOBILE_PREFIXES: tuple[tuple[str, int], ...] = (
    ("130", 3), ("131", 3), ("132", 3), ("133", 3), ("134", 4), ("135", 8), ("136", 8),
    ("137", 8), ("138", 10), ("139", 10), ("150", 5), ("151", 5), ("152", 5), ("153", 2),
    ("155", 3), ("156", 3), ("157", 3), ("158", 5), ("159", 5), ("173", 2), ("175", 1),
    ("176", 2), ("177", 2), ("178", 2), ("180", 3), ("181", 3), ("182", 3), ("183", 3),
    ("184", 1), ("185", 3), ("186", 5), ("187", 4), ("188", 4), ("189", 4), ("190", 1),
    ("191", 1), ("193", 1), ("195", 1), ("198", 2), ("199", 2),
)

# --- vehicles -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """A model line: how its VINs look and what a service needs."""

    make: str  # parts family key (toyota, honda ...)
    brand: str  # 丰田
    name: str  # 凯美瑞
    series: str
    wmi: str  # VIN positions 1-3 (Chinese manufacturers: L…)
    vds: str  # VIN positions 4-8
    plants: str  # VIN position 11 candidates
    engine: str  # engine/motor type code (engine number prefix, spark plug and filter family)
    energy: str  # ice | hev | phev | ev
    oil_litres: int  # engine oil with filter, in millilitres (0 for EVs)
    tyre: str
    first_year: int


MODELS: tuple[Model, ...] = (
    Model("toyota", "丰田", "凯美瑞", "2.0L 豪华版", "LVG", "BV5HK", "1", "M20C", "ice", 4200,
          "215/55R17", 2012),
    Model("toyota", "丰田", "凯美瑞双擎", "2.5HG 豪华版", "LVG", "BV7HK", "1", "A25B", "hev",
          4500, "215/55R17", 2013),
    Model("toyota", "丰田", "雷凌", "1.5L CVT 进取版", "LVG", "BE1EG", "1", "M15B", "ice", 4000,
          "205/55R16", 2014),
    Model("toyota", "丰田", "雷凌双擎", "1.8L E-CVT 豪华版", "LVG", "BE3EG", "1", "8ZR", "hev",
          4200, "205/55R16", 2016),
    Model("toyota", "丰田", "汉兰达", "2.5L 双擎 四驱豪华版", "LVG", "BR6FA", "1", "A25B", "hev",
          4500, "235/55R20", 2013),
    Model("toyota", "丰田", "C-HR", "2.0L CVT 领先版", "LVG", "BX2FC", "1", "M20C", "ice", 4200,
          "215/60R17", 2018),
    Model("toyota", "丰田", "威兰达", "2.0L CVT 两驱领先版", "LVG", "BW4FA", "1", "M20C", "ice",
          4200, "225/65R17", 2020),
    Model("toyota", "丰田", "赛那", "2.5L 混动 豪华版", "LVG", "BS5HB", "1", "A25B", "hev", 4500,
          "235/60R18", 2021),
    Model("toyota", "丰田", "bZ4X", "四驱 Pro 长续航", "LVG", "BZ4XE", "1", "1XM", "ev", 0,
          "235/60R18", 2022),
    Model("toyota", "丰田", "卡罗拉", "1.5L 先锋版", "LFM", "A3E1G", "0", "M15B", "ice", 4000,
          "205/55R16", 2012),
    Model("toyota", "丰田", "亚洲龙", "2.5L 双擎 豪华版", "LFM", "B7E5H", "0", "A25B", "hev",
          4500, "235/45R18", 2019),
    Model("toyota", "丰田", "RAV4荣放", "2.0L CVT 风尚版", "LFM", "E2F4W", "0", "M20C", "ice",
          4200, "225/65R17", 2013),
    Model("toyota", "丰田", "皇冠陆放", "2.5L 混动 尊贵版", "LFM", "G5E2H", "0", "A25B", "hev",
          4500, "235/55R20", 2021),
    Model("honda", "本田", "雅阁", "260TURBO 精英版", "LHG", "CV1A5", "0", "L15B", "ice", 3700,
          "225/50R17", 2012),
    Model("honda", "本田", "飞度", "1.5L CVT 潮跑版", "LHG", "GK568", "0", "L15B", "ice", 3600,
          "185/55R16", 2014),
    Model("honda", "本田", "冠道", "240TURBO 两驱豪华版", "LHG", "RU985", "0", "L15B", "ice",
          3900, "235/60R18", 2017),
    Model("honda", "本田", "思域", "240TURBO 劲动版", "LVH", "FC169", "5", "L15B", "ice", 3700,
          "215/55R16", 2016),
    Model("honda", "本田", "CR-V", "240TURBO 两驱都市版", "LVH", "RW185", "5", "L15B", "ice",
          4000, "235/60R18", 2012),
    Model("vw", "大众", "朗逸", "1.5L 自动舒适版", "LSV", "A6180", "2", "DMB", "ice", 4000,
          "205/55R16", 2013),
    Model("vw", "大众", "帕萨特", "330TSI 豪华版", "LSV", "D6A32", "2", "DKV", "ice", 5200,
          "235/45R18", 2012),
    Model("vw", "大众", "途观L", "330TSI 两驱智享版", "LSV", "X6A45", "2", "DKV", "ice", 5200,
          "235/55R18", 2017),
    Model("vw", "大众", "速腾", "280TSI 超越版", "LFV", "A2BU3", "3", "DJS", "ice", 4000,
          "205/55R16", 2012),
    Model("vw", "大众", "迈腾", "330TSI 豪华型", "LFV", "A4BU6", "3", "DKV", "ice", 5200,
          "235/45R18", 2012),
    Model("vw", "大众", "ID.4 CROZZ", "PRO 长续航", "LFV", "E1BJ9", "3", "EBJ", "ev", 0,
          "235/50R20", 2021),
    Model("audi", "奥迪", "A4L", "40 TFSI 时尚动感型", "LFV", "3A28K", "3", "DTA", "ice", 5200,
          "245/40R18", 2012),
    Model("audi", "奥迪", "Q5L", "40 TFSI 荣享进取型", "LFV", "3B4FY", "3", "DKW", "ice", 5700,
          "235/60R18", 2018),
    Model("nissan", "日产", "轩逸", "1.6L XL CVT 悦享版", "LGB", "H12E2", "6", "HR16", "ice", 3600,
          "205/55R16", 2012),
    Model("nissan", "日产", "奇骏", "2.0L CVT 舒适版", "LGB", "F12Y5", "6", "MR20", "ice", 4300,
          "225/65R17", 2012),
    Model("buick", "别克", "英朗", "15N 自动精英型", "LSG", "PC5A5", "S", "L2B", "ice", 4000,
          "205/55R16", 2012),
    Model("buick", "别克", "GL8", "ES陆尊 653T", "LSG", "UL8E2", "S", "LSY", "ice", 5700,
          "225/55R18", 2012),
    Model("byd", "比亚迪", "秦PLUS DM-i", "55km 领先型", "LGX", "C16C2", "4", "BYD472QA", "phev",
          4000, "225/60R16", 2021),
    Model("byd", "比亚迪", "汉EV", "创世版 605km", "LGX", "E5EH7", "4", "TZ200XSA", "ev", 0,
          "245/45R19", 2020),
    Model("byd", "比亚迪", "宋PLUS DM-i", "110km 旗舰型", "LGX", "F4FH1", "4", "BYD472QA", "phev",
          4000, "235/50R19", 2021),
    Model("tesla", "特斯拉", "Model 3", "后轮驱动版", "LRW", "3E1FA", "C", "3D1", "ev", 0,
          "235/45R18", 2019),
    Model("tesla", "特斯拉", "Model Y", "长续航全轮驱动版", "LRW", "YGEEA", "C", "3D3", "ev", 0,
          "255/45R19", 2021),
    Model("benz", "奔驰", "C级", "C260L 运动版", "LE4", "GJ8HB", "8", "M264", "ice", 6000,
          "225/50R17", 2015),
    Model("benz", "奔驰", "E级", "E300L 时尚型", "LE4", "ZF4KB", "8", "M264", "ice", 6000,
          "245/45R18", 2012),
    Model("benz", "奔驰", "GLC", "GLC300L 4MATIC", "LE4", "GF8KB", "8", "M264", "ice", 6000,
          "235/55R19", 2016),
    Model("bmw", "宝马", "3系", "325Li M运动套装", "LBV", "5U910", "7", "B48", "ice", 5200,
          "225/45R18", 2012),
    Model("bmw", "宝马", "5系", "530Li 领先型", "LBV", "13105", "7", "B48", "ice", 5200,
          "245/45R18", 2012),
    Model("geely", "吉利", "星越L", "2.0TD 旗舰型", "L6T", "79AE2", "N", "JLH4G20", "ice", 5000,
          "245/45R20", 2021),
    Model("haval", "哈弗", "H6", "1.5T 自动冠军版", "LGW", "EF6AA", "Z", "GW4B15", "ice", 4500,
          "225/60R18", 2013),
)

# The store is a GAC/FAW Toyota 4S store: its workshop sees its own make above all, then
# trade-ins and cars of the family. The dealer group sells several makes.
MAKE_WEIGHTS_STORE: dict[str, int] = {
    "toyota": 880, "honda": 30, "vw": 25, "nissan": 15, "buick": 10, "byd": 12, "tesla": 3,
    "audi": 5, "benz": 5, "bmw": 5, "geely": 5, "haval": 5,
}
MAKE_WEIGHTS_GROUP: dict[str, int] = {
    "toyota": 240, "honda": 190, "vw": 160, "audi": 60, "nissan": 80, "buick": 70, "byd": 90,
    "tesla": 10, "benz": 40, "bmw": 35, "geely": 15, "haval": 10,
}
# How popular each model is within its make (same order as MODELS).
MODEL_POPULARITY: tuple[int, ...] = (
    14, 5, 9, 4, 6, 4, 5, 3, 2, 12, 5, 6, 2,  # toyota
    5, 3, 2, 3, 4,  # honda
    5, 3, 4, 4, 3, 1,  # vw
    4, 3,  # audi
    5, 3,  # nissan
    4, 2,  # buick
    5, 2, 4,  # byd
    3, 4,  # tesla
    3, 2, 2,  # benz
    3, 2,  # bmw
    1,  # geely
    1,  # haval
)

COLOURS: tuple[tuple[str, int], ...] = (
    ("珍珠白", 30), ("曜石黑", 22), ("银色", 12), ("铂金灰", 12), ("深海蓝", 8), ("魂动红", 5),
    ("香槟金", 4), ("墨绿", 2), ("天空蓝", 3), ("橙色", 2), ("棕色", 2),
)
VEHICLE_NOTES = ("", "", "", "", "", "", "", "", "", "", "", "", "客户自带机油", "车主要求用原厂件",
                 "改装轮毂", "加装行车记录仪", "长期跑网约车", "公司车辆，凭派车单维修")

# --- parts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartKind:
    """A kind of part: how it is named and priced and how many variants a make has."""

    key: str
    name: str
    unit: str  # pc | L | kg | set
    price: tuple[int, int]  # sale price range, yuan (inclusive of tax)
    scope: str  # model | engine | make | shared | tyre
    bin_zone: str


PART_KINDS: tuple[PartKind, ...] = (
    PartKind("oil", "全合成机油 0W-20", "L", (68, 98), "make", "A"),
    PartKind("oil_filter", "机油滤清器", "pc", (45, 120), "engine", "A"),
    PartKind("drain_washer", "放油螺塞垫片", "pc", (5, 12), "make", "A"),
    PartKind("air_filter", "空气滤清器", "pc", (85, 220), "model", "A"),
    PartKind("cabin_filter", "空调滤清器", "pc", (95, 260), "model", "A"),
    PartKind("spark_plug", "铱金火花塞", "pc", (98, 180), "engine", "A"),
    PartKind("brake_fluid", "刹车油 DOT4", "L", (88, 138), "make", "A"),
    PartKind("coolant", "长效冷却液", "L", (45, 75), "make", "A"),
    PartKind("atf", "自动变速箱油", "L", (110, 180), "make", "A"),
    PartKind("front_pads", "前刹车片（套）", "set", (380, 1280), "model", "B"),
    PartKind("rear_pads", "后刹车片（套）", "set", (320, 980), "model", "B"),
    PartKind("front_disc", "前刹车盘", "pc", (480, 1800), "model", "B"),
    PartKind("rear_disc", "后刹车盘", "pc", (420, 1500), "model", "B"),
    PartKind("wiper", "雨刮片（套）", "set", (128, 298), "model", "C"),
    PartKind("battery", "免维护蓄电池", "pc", (680, 1680), "make", "C"),
    PartKind("bulb", "大灯灯泡", "pc", (68, 260), "make", "C"),
    PartKind("refrigerant", "空调制冷剂 R134a", "kg", (180, 260), "shared", "C"),
    PartKind("ac_cleaner", "空调清洗剂", "pc", (88, 168), "shared", "C"),
    PartKind("tyre", "轮胎", "pc", (560, 1880), "tyre", "T"),
    PartKind("balance_weight", "平衡块", "pc", (3, 8), "shared", "T"),
    PartKind("front_shock", "前减震器", "pc", (680, 2200), "model", "D"),
    PartKind("control_arm", "前下摆臂", "pc", (480, 1680), "model", "D"),
    PartKind("ignition_coil", "点火线圈", "pc", (380, 880), "engine", "D"),
    PartKind("o2_sensor", "氧传感器", "pc", (580, 1380), "engine", "D"),
    PartKind("water_pump", "水泵总成", "pc", (880, 2600), "engine", "D"),
    PartKind("drive_belt", "发动机皮带", "pc", (180, 460), "engine", "D"),
    PartKind("front_bumper", "前保险杠皮", "pc", (980, 4800), "model", "E"),
    PartKind("rear_bumper", "后保险杠皮", "pc", (880, 4200), "model", "E"),
    PartKind("headlamp", "前大灯总成", "pc", (1800, 9800), "model", "E"),
    PartKind("mirror", "外后视镜总成", "pc", (680, 3200), "model", "E"),
    PartKind("fender", "前叶子板", "pc", (580, 2200), "model", "E"),
    PartKind("grille", "中网", "pc", (480, 2600), "model", "E"),
    PartKind("wheel_bearing", "轮毂轴承", "pc", (380, 1280), "model", "D"),
    PartKind("stabiliser_link", "平衡杆球头", "pc", (160, 480), "model", "D"),
    PartKind("door_seal", "车门密封条", "pc", (220, 680), "model", "F"),
    PartKind("sensor", "倒车雷达传感器", "pc", (380, 980), "model", "F"),
    PartKind("window_motor", "电动车窗电机", "pc", (580, 1480), "model", "F"),
    PartKind("clip", "卡扣", "pc", (3, 15), "model", "F"),
    PartKind("floor_mat", "原厂脚垫（套）", "set", (480, 1280), "model", "G"),
    PartKind("key_battery", "遥控钥匙电池", "pc", (25, 45), "shared", "G"),
)
# Variant words that multiply the long tail (left/right, model generations, trims).
PART_VARIANTS = ("", "（左）", "（右）", "（高配）", "（低配）", "（改款）", "（带加热）",
                 "（LED）", "（运动版）", "（国六）")
TYRE_BRANDS = ("米其林", "普利司通", "马牌", "倍耐力", "固特异", "邓禄普", "玛吉斯", "韩泰")
SUPPLIERS: tuple[tuple[str, bool], ...] = (
    ("广汽丰田汽车有限公司（零件部）", True), ("一汽丰田汽车销售有限公司（备件）", True),
    ("广汽本田汽车有限公司（零件部）", True), ("东风本田汽车有限公司（备件）", True),
    ("上汽大众汽车有限公司（备件）", True), ("一汽-大众销售有限责任公司（备件）", True),
    ("东风日产乘用车公司（备件）", True), ("上汽通用汽车销售有限公司（备件）", True),
    ("比亚迪汽车销售有限公司（售后）", True), ("特斯拉（上海）有限公司（零件）", True),
    ("北京梅赛德斯-奔驰销售服务有限公司（备件）", True), ("华晨宝马汽车有限公司（备件）", True),
    ("浙江吉利汽车销售有限公司（备件）", True), ("长城汽车股份有限公司（备件）", True),
    ("广州市骏通汽配贸易有限公司", False), ("广州市粤驰轮胎有限公司", False),
    ("广州市恒润润滑油有限公司", False),
)
MAKE_SUPPLIER = {"toyota": 0, "honda": 2, "vw": 4, "audi": 5, "nissan": 6, "buick": 7,
                 "byd": 8, "tesla": 9, "benz": 10, "bmw": 11, "geely": 12, "haval": 13}

# --- jobs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """A labour operation and the parts (kind, quantity in thousandths, probability) it uses."""

    code: str
    name: str
    category: str
    hours: int  # standard hours in hundredths
    rate: str  # labour rate code
    parts: tuple[tuple[str, int, float], ...] = ()


JOBS: tuple[Job, ...] = (
    Job("BY10", "常规保养（更换机油、机滤）", "保养", 80, "STD",
        (("oil", -1, 1.0), ("oil_filter", 1000, 1.0), ("drain_washer", 1000, 0.9))),
    Job("BY20", "中保养（加换空气滤、空调滤）", "保养", 120, "STD",
        (("oil", -1, 1.0), ("oil_filter", 1000, 1.0), ("drain_washer", 1000, 0.9),
         ("air_filter", 1000, 1.0), ("cabin_filter", 1000, 1.0))),
    Job("BY40", "大保养（加换火花塞、刹车油）", "保养", 250, "STD",
        (("oil", -1, 1.0), ("oil_filter", 1000, 1.0), ("drain_washer", 1000, 0.9),
         ("air_filter", 1000, 1.0), ("cabin_filter", 1000, 1.0), ("spark_plug", 4000, 1.0),
         ("brake_fluid", 1000, 1.0))),
    Job("BY01", "首次保养（厂家免费）", "保养", 80, "STD",
        (("oil", -1, 1.0), ("oil_filter", 1000, 1.0), ("drain_washer", 1000, 1.0))),
    Job("EV10", "电动车定期保养（检查、空调滤）", "保养", 60, "STD",
        (("cabin_filter", 1000, 1.0), ("brake_fluid", 1000, 0.3))),
    Job("ZD01", "更换前刹车片", "制动", 100, "STD", (("front_pads", 1000, 1.0),)),
    Job("ZD02", "更换后刹车片", "制动", 100, "STD", (("rear_pads", 1000, 1.0),)),
    Job("ZD03", "更换前刹车盘（一对）", "制动", 150, "STD",
        (("front_disc", 2000, 1.0), ("front_pads", 1000, 0.9))),
    Job("ZD04", "更换刹车油", "制动", 60, "STD", (("brake_fluid", 1000, 1.0),)),
    Job("KT01", "空调系统检测及加注冷媒", "空调", 100, "STD", (("refrigerant", 500, 1.0),)),
    Job("KT02", "清洗空调蒸发箱", "空调", 80, "STD",
        (("ac_cleaner", 1000, 1.0), ("cabin_filter", 1000, 0.7))),
    Job("DP01", "四轮定位", "轮胎", 80, "STD"),
    Job("LT01", "更换轮胎（拆装、动平衡）", "轮胎", 50, "STD",
        (("tyre", -2, 1.0), ("balance_weight", 4000, 1.0))),
    Job("LT02", "轮胎换位及动平衡", "轮胎", 60, "STD", (("balance_weight", 6000, 0.6),)),
    Job("DC01", "更换蓄电池", "电气", 30, "STD", (("battery", 1000, 1.0),)),
    Job("YS01", "更换雨刮片", "电气", 10, "STD", (("wiper", 1000, 1.0),)),
    Job("DG01", "更换大灯灯泡", "电气", 30, "STD", (("bulb", 1000, 1.0),)),
    Job("DQ01", "电气故障检查", "电气", 100, "STD", (("sensor", 1000, 0.4),)),
    Job("XJ01", "更换前减震器（一对）", "底盘", 250, "STD", (("front_shock", 2000, 1.0),)),
    Job("XJ02", "更换前下摆臂", "底盘", 150, "STD", (("control_arm", 1000, 1.0),)),
    Job("XJ03", "更换轮毂轴承", "底盘", 180, "STD", (("wheel_bearing", 1000, 1.0),)),
    Job("XJ04", "更换平衡杆球头", "底盘", 80, "STD", (("stabiliser_link", 2000, 1.0),)),
    Job("FD01", "发动机故障诊断", "发动机", 100, "STD", (("o2_sensor", 1000, 0.3),)),
    Job("FD02", "更换点火线圈", "发动机", 50, "STD", (("ignition_coil", 1000, 1.0),)),
    Job("FD03", "更换水泵及冷却液", "发动机", 250, "STD",
        (("water_pump", 1000, 1.0), ("coolant", 4000, 1.0), ("drive_belt", 1000, 0.5))),
    Job("FD04", "更换发动机皮带", "发动机", 80, "STD", (("drive_belt", 1000, 1.0),)),
    Job("BS01", "更换自动变速箱油", "变速箱", 100, "STD", (("atf", 4000, 1.0),)),
    Job("FJ01", "车门密封条更换", "附件", 60, "STD", (("door_seal", 1000, 1.0),)),
    Job("FJ02", "电动车窗电机更换", "附件", 120, "STD", (("window_motor", 1000, 1.0),)),
    Job("FJ03", "加装原厂脚垫", "附件", 10, "STD", (("floor_mat", 1000, 1.0),)),
    Job("XC01", "精致洗车", "美容", 30, "STD"),
    Job("BJ01", "前保险杠钣金修复", "钣喷", 300, "BODY", (("clip", 6000, 0.7),)),
    Job("BJ02", "更换前保险杠", "钣喷", 150, "BODY",
        (("front_bumper", 1000, 1.0), ("clip", 8000, 1.0), ("grille", 1000, 0.3))),
    Job("BJ03", "更换后保险杠", "钣喷", 150, "BODY",
        (("rear_bumper", 1000, 1.0), ("clip", 8000, 1.0), ("sensor", 1000, 0.3))),
    Job("BJ04", "更换前大灯总成", "钣喷", 100, "BODY", (("headlamp", 1000, 1.0),)),
    Job("BJ05", "更换外后视镜", "钣喷", 50, "BODY", (("mirror", 1000, 1.0),)),
    Job("BJ06", "更换前叶子板", "钣喷", 200, "BODY", (("fender", 1000, 1.0),)),
    Job("PQ01", "喷漆（每幅）", "钣喷", 250, "BODY"),
    Job("PDI1", "新车PDI检查", "内部", 150, "STD"),
    Job("ZB01", "二手车整备检测", "内部", 300, "STD", (("wiper", 1000, 0.5),)),
    Job("FX01", "返修：复查及重新施工", "返修", 100, "STD"),
)
JOB_BY_CODE: dict[str, Job] = {j.code: j for j in JOBS}
LABOUR_RATES: tuple[tuple[str, str, int], ...] = (
    # code, name, hourly rate in fen (STD is created by the reference data at 180.00)
    ("BODY", "钣喷工时费", 22000),
)
REPAIR_JOBS: tuple[tuple[str, int], ...] = (
    ("ZD01", 14), ("ZD02", 8), ("ZD03", 5), ("ZD04", 4), ("KT01", 8), ("KT02", 6), ("DP01", 6),
    ("LT01", 7), ("LT02", 4), ("DC01", 6), ("YS01", 6), ("DG01", 3), ("DQ01", 4), ("XJ01", 3),
    ("XJ02", 2), ("XJ03", 2), ("XJ04", 2), ("FD01", 4), ("FD02", 2), ("FD03", 1), ("FD04", 2),
    ("BS01", 3), ("FJ01", 1), ("FJ02", 1), ("FJ03", 2),
)
BODY_JOBS: tuple[tuple[str, int], ...] = (
    ("BJ01", 10), ("BJ02", 6), ("BJ03", 5), ("BJ04", 3), ("BJ05", 4), ("BJ06", 3),
)
EXTRA_JOBS: tuple[tuple[str, int], ...] = (
    ("YS01", 10), ("ZD01", 6), ("ZD02", 4), ("DP01", 5), ("LT02", 5), ("KT02", 6), ("XC01", 18),
    ("DC01", 3), ("LT01", 3), ("ZD04", 3),
)

# --- charges ------------------------------------------------------------------------------
CHARGE_DISPOSAL = ("环保处理费（废机油、废滤芯）", (20, 20))
CHARGE_MATERIALS = ("辅料费（油漆、辅料）", (180, 680))
CHARGE_SUBLET = (("外加工：轮毂修复", (280, 880)), ("外加工：前挡风玻璃修补", (200, 480)),
                 ("外加工：空调管路焊接", (180, 420)))
CHARGE_TOWING = ("拖车费", (200, 600))
CHARGE_COURTESY = ("代步车服务费", (150, 450))

# --- texts on the order -------------------------------------------------------------------
COMPLAINTS: dict[str, tuple[str, ...]] = {
    "service": ("保养到期，做定期保养", "保养提醒灯亮，做保养", "常规保养",
                "到里程了，做保养，顺便检查刹车", "做保养，检查一下底盘", "首保"),
    "repair": ("刹车有异响", "踩刹车方向盘抖动", "空调不凉", "空调有异味", "发动机故障灯亮",
               "怠速抖动", "跑高速跑偏", "过坎底盘异响", "车窗升降慢", "电瓶亏电打不着火",
               "雨刮刮不干净", "大灯不亮", "冷车启动异响", "仪表提示胎压低"),
    "body": ("左前保险杠刮擦（保险理赔）", "追尾，后保险杠凹陷（保险理赔）",
             "右后视镜撞坏（保险理赔）", "停车场被刮，右前叶子板凹陷（保险理赔）",
             "前大灯破裂（保险理赔）", "倒车撞柱，后杠变形"),
    "warranty": ("保修期内异响，申请保修", "车窗电机故障，保修", "空调不制冷，保修期内",
                 "故障灯亮，保修期内检查"),
    "internal": ("新车PDI检查", "二手车整备", "展车检查"),
    "tyres": ("更换轮胎", "轮胎鼓包", "做四轮定位", "轮胎扎钉"),
}
DIAGNOSES = ("", "", "检查确认，按报价施工", "试车确认异响来自前刹车",
             "读取故障码P0300，点火线圈故障", "冷媒不足，检漏未见明显泄漏",
             "前刹车片剩余2mm，建议更换", "蓄电池检测不良，建议更换", "减震器漏油",
             "前束偏差，需做定位")
DAMAGE_NOTES = ("", "", "", "", "左前门轻微划痕", "后保险杠有旧伤", "右后视镜外壳裂",
                "前挡风玻璃有小裂纹", "轮毂有刮痕", "车顶有凹痕")
VALUABLES = ("", "", "", "", "", "", "行车记录仪", "车内有儿童座椅", "后备箱有工具箱",
             "车内有雨伞两把")
WARNING_LIGHTS = ("", "", "", "", "", "", "", "发动机故障灯", "胎压报警灯", "保养提示灯",
                  "ABS灯")
CANCEL_REASONS = ("客户不同意报价", "客户改约其他时间", "配件周期太长，客户放弃维修",
                  "客户到其他店维修")
APPROVAL_NOTES = ("", "", "客户电话确认同意", "微信确认", "客户在休息区当面签字")
APPROVERS = ("车主本人", "车主（电话确认）", "车主家属", "车队负责人")
WAIT_NOTES = {"parts": "等待厂家配件到货", "approval": "等待客户确认追加项目",
              "sublet": "外加工中"}
