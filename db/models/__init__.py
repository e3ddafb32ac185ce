"""All Bayline models; importing this package registers every table on ``Base.metadata``."""

from db.base import Base
from db.models.appointments import Appointment
from db.models.cashier import Invoice, InvoiceLine, Payment, TillSession
from db.models.catalogue import LabourOperation
from db.models.change_log import ChangeLogEntry
from db.models.customers import Customer, CustomerPhone
from db.models.orders import (
    ChargeLine,
    LabourLine,
    OrderAttachment,
    OrderStatusChange,
    PartLine,
    RepairOrder,
    WorkApproval,
)
from db.models.parts import (
    BinLocation,
    Part,
    StockChainHead,
    StockMovement,
    StockReservation,
    Supplier,
)
from db.models.security import AuditEntry, Permission, Role, User, role_permission
from db.models.shop import ChainHead, DocumentSeries, LabourRate, Setting, ShopProfile, TaxRate
from db.models.vehicles import MileageReading, Vehicle, VehicleOwnership
from db.models.workshop import Bay, ClockEntry, QCRecord, Team, Technician

__all__ = [
    "Appointment", "AuditEntry", "Base", "Bay", "BinLocation", "ChainHead", "ChangeLogEntry",
    "ChargeLine",
    "ClockEntry", "Customer", "CustomerPhone", "DocumentSeries", "Invoice", "InvoiceLine",
    "LabourLine", "LabourOperation", "LabourRate", "MileageReading", "OrderAttachment",
    "OrderStatusChange", "Part", "PartLine",
    "Payment", "Permission", "QCRecord", "RepairOrder", "Role", "Setting", "ShopProfile",
    "StockChainHead", "StockMovement", "StockReservation", "Supplier", "TaxRate", "Team",
    "Technician",
    "TillSession", "User", "Vehicle", "VehicleOwnership", "WorkApproval", "role_permission",
]
