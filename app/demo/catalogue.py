"""The demo parts catalogue (genuine part numbers by brand, fluids, tyres, batteries) and the
workshop's typical jobs (operation code, standard hours, parts, the customer's words)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from app.demo.fleet import MODELS, Model


@dataclass(frozen=True)
class PartSpec:
    """One catalogue part as the demo creates it."""

    key: str  # brand:kind, fluid:oil_0w20, tyre:205/55R16 ...
    part_no: str
    name: str
    brand: str
    unit: str
    sale_price: Decimal
    cost_price: Decimal
    bin_code: str
    supplier: str
    min_qty: Decimal
    max_qty: Decimal


# kind -> (name, unit, Toyota price, bin zone, min, max) for each brand family
BRAND_KINDS: dict[str, tuple[str, str, str, str, int, int]] = {
    "oil_filter": ("机油滤清器", "个", "68.00", "A", 8, 40),
    "air_filter": ("空气滤清器", "个", "128.00", "A", 4, 20),
    "cabin_filter": ("空调滤清器", "个", "158.00", "A", 4, 20),
    "spark_plug": ("火花塞（铱金）", "个", "118.00", "C", 8, 32),
    "front_pads": ("前刹车片（套）", "套", "698.00", "B", 2, 8),
    "rear_pads": ("后刹车片（套）", "套", "528.00", "B", 2, 6),
    "front_disc": ("前刹车盘", "个", "860.00", "B", 2, 4),
    "rear_disc": ("后刹车盘", "个", "720.00", "B", 0, 2),
    "wiper": ("雨刮片（对）", "对", "168.00", "C", 3, 12),
    "drive_belt": ("发动机多楔皮带", "条", "298.00", "C", 1, 4),
    "front_bumper": ("前保险杠皮", "个", "1980.00", "D", 0, 1),
    "headlamp": ("左前大灯总成", "个", "4680.00", "D", 0, 1),
    "mirror": ("左外后视镜总成", "个", "1850.00", "D", 0, 1),
    "drain_gasket": ("放油螺栓垫片", "个", "8.00", "A", 20, 100),
    "water_pump": ("水泵总成", "个", "1380.00", "D", 0, 2),
    "thermostat": ("节温器", "个", "420.00", "C", 0, 2),
}
BRAND_PRICE_FACTOR = {"toyota": "1.00", "honda": "1.00", "vw": "0.95", "byd": "0.90",
                      "nissan": "0.95", "buick": "1.00", "bmw": "2.10", "benz": "2.30"}
BRAND_STOCK_FACTOR = {"toyota": 1.0, "honda": 0.4, "vw": 0.4, "byd": 0.3, "nissan": 0.3,
                      "buick": 0.3, "bmw": 0.2, "benz": 0.2}
BRAND_NAMES = {"toyota": "丰田", "honda": "本田", "vw": "大众", "byd": "比亚迪", "nissan": "日产",
               "buick": "别克", "bmw": "宝马", "benz": "奔驰"}
SUPPLIERS = {
    "toyota": "丰田汽车（中国）投资有限公司配件中心",
    "honda": "本田技研工业（中国）投资有限公司配件部",
    "vw": "上汽大众汽车有限公司售后配件部",
    "byd": "比亚迪汽车工业有限公司售后配件部",
    "nissan": "东风日产乘用车公司售后配件部",
    "buick": "上汽通用汽车有限公司售后配件部",
    "bmw": "华晨宝马汽车有限公司售后配件部",
    "benz": "北京梅赛德斯-奔驰销售服务有限公司配件部",
    "fluid": "广州市粤润汽车用品有限公司",
    "tyre": "广州市驰安轮胎有限公司",
    "battery": "广州市恒力蓄电池贸易有限公司",
}
# Genuine part numbers in each maker's own format, in BRAND_KINDS order.
PART_NUMBERS: dict[str, tuple[str, ...]] = {
    "toyota": ("04152-YZZA6", "17801-0V020", "87139-0E040", "90919-01275", "04465-33471",
               "04466-33200", "43512-33210", "42431-33130", "85222-33190", "90916-02755",
               "52119-33C50", "81150-33N20", "87940-33D80", "90430-12031", "16100-09540",
               "90916-03129"),
    "honda": ("15400-RTA-003", "17220-5PA-A00", "80292-TBA-A11", "12290-5BA-A01",
              "45022-TBA-A01", "43022-TBA-A01", "45251-TBA-A01", "42510-TBA-A01",
              "76620-TBA-A01", "31110-5PA-A01", "04711-TBA-A00ZZ", "33150-TBA-A01",
              "76200-TBA-H01", "94109-14000", "19200-5PA-A01", "19301-5PA-A01"),
    "vw": ("04E115561H", "5Q0129620B", "5Q0819653", "04E905612C", "5Q0698151D", "5Q0698451R",
           "5Q0615301H", "5Q0615601A", "5G1955425A", "04E903137AF", "5G0807221",
           "5G1941005", "5G0857507", "N0138157", "04E121600CG", "04E121113C"),
    "byd": ("10132254-00", "10247711-00", "10213345-00", "10122731-00", "11072316-00",
            "11072317-00", "11072308-00", "11072309-00", "10420158-00", "10120933-00",
            "12056203-00", "12081411-00", "12060375-00", "10120817-00", "10130465-00",
            "10130472-00"),
    "nissan": ("15208-65F0E", "16546-3RA0A", "27277-4M425", "22401-ED71B", "D1060-3RA0A",
               "D4060-3RA0A", "40206-3RA0A", "43206-3RA0A", "28890-3RA0A", "11720-3RC0A",
               "62022-3RA0H", "26060-3RA0A", "96301-3RA0A", "11026-01M02", "21010-3RC0A",
               "21200-3RC0A"),
    "buick": ("12640445", "13367308", "13356914", "12625058", "13301206", "13301234",
              "13502054", "13502135", "13227364", "12631838", "84018549", "84063421",
              "84117854", "11098281", "12621400", "12630758"),
    "bmw": ("11428575211", "13717619267", "64119237555", "12120037244", "34106888459",
            "34216799166", "34106797602", "34206797606", "61612241370", "11287628659",
            "51117421998", "63117419633", "51167285013", "07119963151", "11518635089",
            "11538635689"),
    "benz": ("A2761800009", "A2740940004", "A2058350147", "A0041591703", "A0004209304",
             "A0074209020", "A2054210712", "A2054230012", "A2058204500", "A2742001100",
             "A2058853402", "A2059068201", "A2058100116", "N007603014106", "A2742000900",
             "A2742000315"),
}
# key -> (part_no, name, brand, unit, price, bin zone, min, max, supplier)
GENERIC_PARTS: tuple[tuple[str, str, str, str, str, str, str, int, int, str], ...] = (
    ("fluid:oil_0w20", "08880-13205", "全合成机油 0W-20", "丰田纯牌", "L", "98.00", "E",
     60, 240, "toyota"),
    ("fluid:oil_5w30", "MOBIL1-5W30-4L", "全合成机油 5W-30", "美孚1号", "L", "108.00", "E",
     40, 160, "fluid"),
    ("fluid:oil_5w40", "SHELL-HX8-5W40", "全合成机油 5W-40", "壳牌超凡喜力", "L", "148.00",
     "E", 20, 80, "fluid"),
    ("fluid:atf", "08886-02305", "自动变速箱油 ATF WS", "丰田纯牌", "L", "128.00", "E", 16,
     60, "toyota"),
    ("fluid:brake", "08823-80011", "刹车油 DOT4", "丰田纯牌", "L", "88.00", "E", 6, 24,
     "toyota"),
    ("fluid:coolant", "08889-80151", "长效冷却液（粉红）", "丰田纯牌", "L", "58.00", "E", 16,
     60, "toyota"),
    ("fluid:r134a", "R134A-13.6KG", "空调冷媒 R134a", "巨化", "kg", "260.00", "E", 3, 12,
     "fluid"),
    ("fluid:washer", "GW-2L-25", "玻璃清洗液 -25℃", "固特威", "瓶", "28.00", "E", 12, 48,
     "fluid"),
    ("chem:throttle", "GW-TC-450", "节气门清洗剂", "固特威", "瓶", "68.00", "E", 6, 24,
     "fluid"),
    ("chem:ac_clean", "GW-AC-500", "空调管路清洗剂", "固特威", "瓶", "128.00", "E", 6, 24,
     "fluid"),
    ("chem:fuel", "BG44K-325", "燃油系统清洗剂", "BG", "瓶", "168.00", "E", 6, 24, "fluid"),
    ("battery:std", "VARTA-55B24L", "蓄电池 55B24L", "瓦尔塔", "个", "780.00", "C", 2, 8,
     "battery"),
    ("battery:large", "VARTA-6QW60", "蓄电池 6-QW-60", "瓦尔塔", "个", "980.00", "C", 2, 6,
     "battery"),
    ("battery:agm", "VARTA-AGM70", "蓄电池 AGM 70Ah（启停）", "瓦尔塔", "个", "1680.00", "C",
     1, 4, "battery"),
    ("battery:aux", "CAMEL-12V45", "12V辅助蓄电池（新能源）", "骆驼", "个", "880.00", "C", 1, 3,
     "battery"),
)
TYRE_PRICES = {"16": "780.00", "17": "920.00", "18": "1180.00", "19": "1480.00"}
TYRE_BRANDS = (("米其林", "浩悦4", "MICH"), ("普利司通", "泰然者", "BRID"), ("马牌", "CC7", "CONT"))


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _cost(sale: Decimal) -> Decimal:
    return _money(sale * Decimal("0.62"))


def _level(base: int, factor: float) -> Decimal:
    return Decimal(max(0, round(base * factor)) if base else 0)


def build_parts() -> list[PartSpec]:
    """The whole demo catalogue (about 150 parts), in a fixed order."""
    specs: list[PartSpec] = []
    for brand, numbers in PART_NUMBERS.items():
        factor = Decimal(BRAND_PRICE_FACTOR[brand])
        stock = BRAND_STOCK_FACTOR[brand]
        for i, (kind, (name, unit, price, zone, low, high)) in enumerate(BRAND_KINDS.items()):
            sale = (Decimal(price) * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP) \
                .quantize(Decimal("0.01"))
            max_qty = max(_level(high, stock), Decimal(1))
            specs.append(PartSpec(
                key=f"{brand}:{kind}", part_no=numbers[i], name=name, brand=BRAND_NAMES[brand],
                unit=unit, sale_price=sale, cost_price=_cost(sale),
                bin_code=f"{zone}-{list(PART_NUMBERS).index(brand) + 1:02d}-{i % 4 + 1}",
                supplier=SUPPLIERS[brand], min_qty=min(_level(low, stock), max_qty - 1),
                max_qty=max_qty))
    for n, (key, part_no, name, brand, unit, price, zone, low, high, supplier) in enumerate(
            GENERIC_PARTS):
        sale = Decimal(price)
        specs.append(PartSpec(key=key, part_no=part_no, name=name, brand=brand, unit=unit,
                              sale_price=sale, cost_price=_cost(sale),
                              bin_code=f"{zone}-{11 + n // 4:02d}-{n % 4 + 1}",
                              supplier=SUPPLIERS[supplier], min_qty=Decimal(low),
                              max_qty=Decimal(high)))
    sizes = sorted({m.tyre for m, _ in MODELS})
    for n, size in enumerate(sizes):
        brand, pattern, code = TYRE_BRANDS[n % len(TYRE_BRANDS)]
        sale = Decimal(TYRE_PRICES[size[-2:]])
        specs.append(PartSpec(
            key=f"tyre:{size}", part_no=f"{code}-{size.replace('/', '')}",
            name=f"轮胎 {brand}{pattern} {size}", brand=brand, unit="条", sale_price=sale,
            cost_price=_cost(sale), bin_code=f"F-{n // 4 + 1:02d}-{n % 4 + 1}",
            supplier=SUPPLIERS["tyre"], min_qty=Decimal(2), max_qty=Decimal(8)))
    return specs


@dataclass(frozen=True)
class JobSpec:
    """A typical workshop job: labour operation, the parts and charges it usually needs."""

    code: str
    name: str
    hours: str
    parts: tuple[tuple[str, str], ...]  # (part kind, quantity; "oil" = the engine's capacity)
    complaints: tuple[str, ...]
    weight: int
    energies: str = "ice phev"
    payer: str = "customer"
    rate: str | None = None  # hourly rate; None = the shop's standard rate
    charges: tuple[tuple[str, str], ...] = ()
    min_km: int = 0
    max_age_days: int | None = None
    bay: str = "general"
    skill: str = "mech"
    warning_lights: str = ""
    diagnosis: str = ""
    extra: tuple[str, ...] = field(default=())  # jobs often found during this one


JOBS: tuple[JobSpec, ...] = (
    JobSpec("MNT-5K", "常规保养（更换机油、机油滤清器）", "1.00",
            (("oil", "oil"), ("oil_filter", "1"), ("drain_gasket", "1")),
            ("常规保养", "保养里程到了，做保养", "仪表提示保养", "做{service}保养"), 30,
            bay="quick", charges=(("废油及旧件环保处理费", "20.00"),),
            extra=("BRK-PAD-F", "WIPER", "AC-CLEAN", "BATTERY", "THROTTLE")),
    JobSpec("MNT-10K", "定期大保养（机油、机滤、空滤、空调滤）", "1.50",
            (("oil", "oil"), ("oil_filter", "1"), ("drain_gasket", "1"), ("air_filter", "1"),
             ("cabin_filter", "1")),
            ("做大保养", "{service}定期保养", "定期保养，顺便检查底盘"), 12, bay="quick",
            charges=(("废油及旧件环保处理费", "20.00"),), min_km=20000,
            extra=("BRK-PAD-F", "BRK-PAD-R", "SPARK", "BRK-FLUID")),
    JobSpec("MNT-EV", "新能源车定期检查保养", "0.80", (("cabin_filter", "1"),),
            ("新能源车定期保养", "保养到期，检查电池和底盘"), 30, energies="ev", bay="quick",
            extra=("BRK-FLUID", "WIPER")),
    JobSpec("FREE-1", "首次保养（首保）", "0.80",
            (("oil", "oil"), ("oil_filter", "1"), ("drain_gasket", "1")),
            ("新车首保",), 10, payer="warranty", bay="quick", max_age_days=300),
    JobSpec("SPARK", "更换火花塞", "1.00", (("spark_plug", "4"),),
            ("加速无力，油耗偏高", "怠速有点抖"), 3, energies="ice", min_km=60000),
    JobSpec("BRK-PAD-F", "更换前刹车片", "0.80", (("front_pads", "1"),),
            ("客户反映刹车异响", "刹车时有尖锐声音", "仪表刹车片报警"), 7, energies="ice phev ev",
            min_km=30000, extra=("BRK-DISC-F",)),
    JobSpec("BRK-PAD-R", "更换后刹车片", "1.00", (("rear_pads", "1"),),
            ("后轮刹车有异响",), 3, energies="ice phev ev", min_km=40000),
    JobSpec("BRK-DISC-F", "更换前刹车盘（一对）", "1.20", (("front_disc", "2"),),
            ("刹车时方向盘抖动",), 2, energies="ice phev ev", min_km=60000),
    JobSpec("BRK-FLUID", "更换刹车油", "0.80", (("fluid:brake", "1.000"),),
            ("刹车油该换了", "刹车偏软"), 4, energies="ice phev ev"),
    JobSpec("ALIGN", "四轮定位", "1.00", (), ("方向盘跑偏", "车辆行驶跑偏，轮胎偏磨"), 6,
            energies="ice phev ev", bay="alignment"),
    JobSpec("TYRE-2", "更换轮胎（两条）及动平衡", "0.60", (("tyre", "2"),),
            ("轮胎磨损严重", "轮胎鼓包，要换胎"), 4, energies="ice phev ev",
            charges=(("轮胎动平衡", "80.00"),), min_km=30000, extra=("ALIGN",)),
    JobSpec("AC-CLEAN", "空调系统清洗", "0.80", (("chem:ac_clean", "1"), ("cabin_filter", "1")),
            ("空调有异味", "开空调有霉味"), 5, energies="ice phev ev"),
    JobSpec("AC-GAS", "空调系统检漏及加注冷媒", "0.60", (("fluid:r134a", "0.450"),),
            ("空调不凉",), 3, energies="ice phev ev"),
    JobSpec("BATTERY", "更换蓄电池", "0.30", (("battery", "1"),),
            ("车辆启动困难，电瓶亏电", "早上打不着火"), 4, energies="ice phev ev",
            warning_lights="蓄电池指示灯亮"),
    JobSpec("WIPER", "更换雨刮片", "0.20", (("wiper", "1"),), ("雨刮刮不干净，有异响",), 4,
            energies="ice phev ev"),
    JobSpec("ATF", "更换自动变速箱油", "1.20", (("fluid:atf", "4.000"),),
            ("换挡有顿挫",), 2, min_km=60000),
    JobSpec("COOLANT", "更换发动机冷却液", "0.80", (("fluid:coolant", "4.500"),),
            ("冷却液该换了",), 3, min_km=40000),
    JobSpec("THROTTLE", "节气门及进气道清洗", "0.60", (("chem:throttle", "1"),),
            ("怠速抖动", "冷车启动怠速高"), 3, energies="ice", min_km=30000),
    JobSpec("BELT", "更换发动机多楔皮带", "1.20", (("drive_belt", "1"),),
            ("发动机舱有吱吱异响",), 2, min_km=60000),
    JobSpec("DIAG-ENG", "电脑检测及故障诊断", "1.00", (),
            ("发动机故障灯亮", "仪表有故障提示"), 4, energies="ice phev ev",
            warning_lights="发动机故障灯", diagnosis="读取故障码，检查相关线路及传感器",
            extra=("THROTTLE", "SPARK")),
    JobSpec("BDY-F", "前保险杠拆装、钣金及喷漆（保险）", "4.00", (("front_bumper", "1"),),
            ("前杠被撞，走保险", "倒车撞到柱子，保险定损"), 4, energies="ice phev ev",
            payer="insurer", rate="220.00", charges=(("喷漆材料费", "680.00"),),
            bay="body", skill="body", diagnosis="保险公司已定损"),
    JobSpec("BDY-L", "更换左前大灯总成（保险）", "1.00", (("headlamp", "1"),),
            ("左前大灯撞裂，走保险",), 1, energies="ice phev ev", payer="insurer",
            bay="body", skill="body", diagnosis="保险公司已定损"),
    JobSpec("BDY-M", "更换左外后视镜总成", "0.80", (("mirror", "1"),),
            ("左后视镜被刮掉了",), 1, energies="ice phev ev", bay="body", skill="body"),
    JobSpec("WTY-P", "更换水泵（三包索赔）", "2.00", (("water_pump", "1"),
                                              ("fluid:coolant", "4.500")),
            ("水温偏高，有漏水痕迹",), 2, payer="warranty", max_age_days=3 * 365,
            warning_lights="水温报警灯", diagnosis="水泵轴封渗漏，符合三包索赔条件"),
    JobSpec("WTY-T", "更换节温器（三包索赔）", "1.20", (("thermostat", "1"),),
            ("暖风不热，水温上不去",), 1, payer="warranty", max_age_days=3 * 365,
            diagnosis="节温器常开，符合三包索赔条件"),
)
JOB_BY_CODE = {job.code: job for job in JOBS}
_CATEGORY_PREFIXES = (("MNT", "保养"), ("FREE", "保养"), ("BRK", "制动"), ("ALIGN", "轮胎"),
                      ("TYRE", "轮胎"), ("AC-", "空调"), ("BATTERY", "电气"), ("WIPER", "电气"),
                      ("ATF", "变速箱"), ("DIAG", "诊断"), ("BDY", "钣喷"), ("WTY", "索赔"),
                      ("RWK", "返修"))


def job_category(code: str) -> str:
    """The labour operation catalogue category of a job code (发动机 unless known)."""
    return next((name for prefix, name in _CATEGORY_PREFIXES if code.startswith(prefix)),
                "发动机")


def service_label(km: int) -> str:
    """The service interval a reading is due for, as people say it (``2.5万公里``)."""
    due = max(5000, (km + 2500) // 5000 * 5000)
    if due < 10000:
        return f"{due}公里"
    return f"{due // 10000}万公里" if due % 10000 == 0 else f"{due / 10000:.1f}万公里"


def complaint(job: JobSpec, text: str, km: int) -> str:
    """The customer's words for ``job`` at ``km`` (fills in the service interval)."""
    return text.format(service=service_label(km)) if "{" in text else text


def oil_key(model: Model) -> str:
    """The engine oil this model takes."""
    if model.brand in ("bmw", "benz"):
        return "fluid:oil_5w40"
    if model.brand in ("vw", "buick"):
        return "fluid:oil_5w30"
    return "fluid:oil_0w20"


def battery_key(model: Model) -> str:
    """The 12 V battery this model takes."""
    if model.energy != "ice":
        return "battery:aux"
    if model.brand in ("bmw", "benz"):
        return "battery:agm"
    return "battery:large" if Decimal(model.oil_litres) >= Decimal("4.5") else "battery:std"


def part_key(kind: str, model: Model) -> str:
    """The catalogue key of part ``kind`` for a vehicle of ``model``."""
    if kind == "oil":
        return oil_key(model)
    if kind == "battery":
        return battery_key(model)
    if kind == "tyre":
        return f"tyre:{model.tyre}"
    if ":" in kind:
        return kind
    return f"{model.brand}:{kind}"


def part_quantity(quantity: str, model: Model) -> Decimal:
    """The quantity of a job's part for ``model`` ("oil" = the engine's oil capacity)."""
    return Decimal(model.oil_litres if quantity == "oil" else quantity).quantize(
        Decimal("0.001"))
