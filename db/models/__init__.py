"""All Bayline models; importing this package registers every table on ``Base.metadata``."""

from sqlalchemy import DDL, event

from db import append_only
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
from db.models.security import (
    AuditEntry,
    Permission,
    Role,
    UnknownSignIn,
    User,
    role_permission,
)
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
    "Technician", "TillSession", "UnknownSignIn", "User", "Vehicle", "VehicleOwnership",
    "WorkApproval", "role_permission",
]


def _append_only_triggers() -> None:
    """The append-only triggers (db.append_only), created with their tables."""
    for statement in append_only.POSTGRESQL_FUNCTIONS:  # DDL() %-formats: format()'s %s
        event.listen(Base.metadata, "before_create",
                     DDL(statement.replace("%", "%%")).execute_if(dialect="postgresql"))
    for statement in append_only.POSTGRESQL_DROP:
        event.listen(Base.metadata, "after_drop",
                     DDL(statement).execute_if(dialect="postgresql"))
    for dialect, triggers in (("sqlite", append_only.SQLITE_TRIGGERS),
                              ("postgresql", append_only.POSTGRESQL_TRIGGERS)):
        for table, statements in triggers.items():
            for statement in statements:
                event.listen(Base.metadata.tables[table], "after_create",
                             DDL(statement).execute_if(dialect=dialect))


_append_only_triggers()
