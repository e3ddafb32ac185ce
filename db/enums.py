"""Closed vocabularies stored as short strings (checked by CHECK constraints)."""

from __future__ import annotations

from enum import StrEnum


class RoleCode(StrEnum):
    ADVISOR = "advisor"
    CASHIER = "cashier"
    PARTS_CLERK = "parts_clerk"
    FOREMAN = "foreman"
    TECHNICIAN = "technician"
    WARRANTY_CLERK = "warranty_clerk"
    CUSTOMER_CARE = "customer_care"
    SERVICE_MANAGER = "service_manager"
    ADMIN = "admin"


class CustomerKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"


class OrderStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    ESTIMATED = "estimated"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"
    QC = "qc"
    COMPLETED = "completed"
    INVOICED = "invoiced"
    DELIVERED = "delivered"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class WaitReason(StrEnum):
    PARTS = "parts"
    APPROVAL = "approval"
    SUBLET = "sublet"


class JobStatus(StrEnum):
    PENDING = "pending"  # additional work not yet approved by the customer
    OPEN = "open"
    DISPATCHED = "dispatched"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"
    DONE = "done"  # technician self-inspected
    QC_PASSED = "qc_passed"
    CANCELLED = "cancelled"


class Payer(StrEnum):
    CUSTOMER = "customer"
    INSURER = "insurer"
    WARRANTY = "warranty"
    INTERNAL = "internal"


class LineType(StrEnum):
    LABOUR = "labour"
    PART = "part"
    CHARGE = "charge"


class ApprovalMethod(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    MESSAGE = "message"  # WeChat / SMS with a reply kept on file


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    ARRIVED = "arrived"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class AppointmentDirection(StrEnum):
    INBOUND = "inbound"  # the customer asked
    OUTBOUND = "outbound"  # we invited (service due, recall)


class MovementKind(StrEnum):
    RECEIPT = "receipt"
    ISSUE = "issue"
    RETURN = "return"
    COUNTER_SALE = "counter_sale"
    ADJUSTMENT = "adjustment"
    SUPPLIER_RETURN = "supplier_return"
    WARRANTY_RETURN = "warranty_return"


class InvoiceKind(StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    BANK_TRANSFER = "bank_transfer"
    WECHAT_PAY = "wechat_pay"
    ALIPAY = "alipay"
    ACCOUNT = "account"  # on the payer's account: a receivable


class TillStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class DocumentType(StrEnum):
    """Document number series."""

    REPAIR_ORDER = "repair_order"
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    RECEIPT = "receipt"
    PURCHASE_ORDER = "purchase_order"
    GATE_PASS = "gate_pass"
