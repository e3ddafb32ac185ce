"""The role × action matrix, read from the services' source code.

A *service* is a public function of a public module under ``app/`` (``app.devtools`` and
``app.demo`` left out) with a parameter annotated ``Actor`` (or ``Actor | None``) — ``actor``
by convention, but a renamed one is found too. Each one is classified explicitly — nothing is
guessed from its name:

* listed in ``READS``: it only reads (a read model, a check, a PDF); ``problems`` refuses a
  listed read that writes (``session.add``/``delete``/``merge``/``flush``, an SQL
  ``insert``/``update``/``delete``, or a call of anything that does, audit entries included);
* listed in ``STEPS``: a building block other services call (they check the permission); it
  is no user action of its own, and nothing outside ``app/`` may import it;
* anything else is a **write service** and must check a permission itself.

What each function checks is read by ``app.security.service_code`` from its body and every
function of ``app/`` it calls; ``DECLARED`` overrides that for a service whose permission
depends on the data. A role may run a service when it holds, for every clause, at least one
of its permissions (the clauses of every path are counted, so this errs on the side of
refusing). Whether a service writes an audit entry is a call of ``app.audit.record`` on some
path; ``SENSITIVE`` names the actions that must (tests/app/security/test_matrix.py also checks
it at run time, and that each write service refuses an actor without its permission before
writing anything).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.security.permissions import PERMISSIONS, ROLE_NAMES, ROLE_PERMISSIONS
from app.security.service_code import APP_ROOT, Analyser, Clause, simplify
from db.enums import RoleCode

__all__ = ["APP_ROOT", "DECLARED", "OWN_ACCOUNT", "READS", "SENSITIVE", "STEPS", "Analyser", "Kind",
           "Service", "markdown", "matrix", "problems", "readme_section", "services",
           "stale_entries", "with_section"]

# Public functions taking an actor that only read.
READS: frozenset[str] = frozenset({
    "app.appointments.rows.appointment_rows",
    "app.appointments.views.appointment_row",
    "app.appointments.views.day_view",
    "app.appointments.views.service_advisors",
    "app.appointments.views.todays_arrivals",
    "app.appointments.views.week_view",
    "app.customers.search.search",
    "app.orders.attachments.attachment_data",
    "app.orders.attachments.list_attachments",
    "app.orders.catalogue.find_operations",
    "app.orders.lines.check_discount",
    "app.orders.lookup.find_orders",
    "app.orders.lookup.order_by_scan",
    "app.orders.reads.dispatch_choices",
    "app.orders.reads.operation_hits",
    "app.orders.reads.part_hits",
    "app.orders.view.allowed_actions",
    "app.orders.view.order_view",
    "app.parts.catalogue.find_parts",
    "app.printing.data.require_invoice_view",
    "app.printing.data.require_order_view",
    "app.privacy.may_see_contact",
    "app.privacy.shown_phone",
    "app.reception.queries.card_data",
    "app.reception.queries.customer_form",
    "app.reception.queries.customer_info",
    "app.reception.queries.vehicle_info",
    "app.reception.today.default_scope",
    "app.reception.today.today_strip",
    "app.reports.revenue.export_monthly_revenue",
    "app.reports.revenue.monthly_revenue_lines",
    "app.security.actor.require",
    "app.vehicles.history.vehicle_history",
    "app.workshop.board.board_snapshot",
    "app.workshop.resources.list_bays",
    "app.workshop.resources.list_technicians",
})

# Public functions taking an actor that are steps of other services, with the reason.
STEPS: dict[str, str] = {
    "app.audit.record": "writes the audit entry of the calling service",
    "app.printing.copies.record_print": (
        "counts and audits one print of an issued invoice; render_invoice and render_document "
        "check the view permission"),
    "app.orders.workflow.change_status": (
        "one edge of the order state machine; each calling service checks the permission "
        "of its own edge"),
}

# Services a signed-in user runs on their own account, whatever their role (no permission:
# they prove who they are instead), with the reason.
OWN_ACCOUNT: dict[str, str] = {
    "app.security.users.change_password": (
        "the user's own password, after the current one is proven (a wrong one counts as a "
        "failed sign-in)"),
}

# Services whose permission depends on the data: name -> clauses (each: any of).
DECLARED: dict[str, tuple[frozenset[str], ...]] = {}

# Sensitive actions: service -> what is sensitive about it. Each must write an audit entry.
SENSITIVE: dict[str, str] = {
    "app.cashier.invoicing.issue_credit_note": "credit note",
    "app.cashier.invoicing.refund_payment": "refund",
    "app.cashier.till.close_till": "till close with its cash variance",
    "app.cashier.till.open_till": "till opening float",
    "app.customers.service.update_customer": "customer identity change",
    "app.orders.catalogue.create_operation": "labour price list (standard hours)",
    "app.orders.checkin.link_comeback": "comeback marking",
    "app.orders.delivery.deliver": "vehicle handed over",
    "app.orders.lines.add_charge_line": "discount above the role's limit",
    "app.orders.lines.add_labour_line": "discount above the role's limit",
    "app.orders.lines.add_part_line": "price override, discount above the role's limit",
    "app.orders.lines.record_approval": "additional work approved by the customer",
    "app.orders.lines.remove_line": "removing a line the customer agreed to",
    "app.orders.lines.update_line": "changing a line the customer agreed to, discount, price",
    "app.orders.progress.cancel_order": "order cancelled",
    "app.printing.render_invoice": "print of an issued invoice (copies counted)",
    "app.printing.render_document": "settlement of an invoiced order (copies counted)",
    "app.security.idle_lock.set_idle_lock": "idle lock of the terminals",
    "app.security.users.change_password": "own password changed",
    "app.security.users.reset_password": "password reset by an administrator",
    "app.security.users.unlock_user": "locked account unlocked",
    "app.parts.stock.adjust_stock": "stock adjustment",
    "app.security.users.create_user": "user and role",
    "app.shop.save_profile": "shop settings",
    "app.vehicles.service.change_owner": "vehicle owner change",
    "app.vehicles.service.record_mileage": "mileage lower than the last reading",
    "app.vehicles.service.update_vehicle": "plate or VIN change",
}


class Kind(StrEnum):
    WRITE = "write"
    READ = "read"
    STEP = "step"
    OWN = "own account"



@dataclass(frozen=True)
class Service:
    """One public function taking an actor, as read from the source."""

    name: str  # dotted: app.orders.lines.add_labour_line
    kind: Kind
    clauses: tuple[Clause, ...]  # every clause must hold; any permission of a clause will do
    conditional: frozenset[str]  # checked only in some cases (no refusal guarded by them)
    audited: bool  # app.audit.record is called on some path
    writes: bool  # a write was found on some path
    path: Path
    line: int
    declared: bool = False  # the clauses come from DECLARED
    unreadable: tuple[str, ...] = ()  # permission arguments that are no literal or constant

    @property
    def short(self) -> str:
        """The name without the leading ``app.``."""
        return self.name.removeprefix("app.")

    @property
    def permissions(self) -> frozenset[str]:
        """Every permission named by a clause."""
        return frozenset().union(*self.clauses)

    def allows(self, permissions: Iterable[str]) -> bool:
        """True when ``permissions`` satisfy every clause (False when there is none)."""
        held = frozenset(permissions)
        return bool(self.clauses) and all(clause & held for clause in self.clauses)

    def roles(self) -> tuple[RoleCode, ...]:
        """The roles whose default permissions let them run this service."""
        return tuple(r for r in RoleCode if self.allows(ROLE_PERMISSIONS.get(r, ())))


def services(analyser: Analyser | None = None, *, reads: frozenset[str] = READS,
             steps: Mapping[str, str] = STEPS,
             declared: Mapping[str, tuple[Clause, ...]] = DECLARED) -> list[Service]:
    """Every function taking an actor in ``analyser``'s package (``app/``), classified,
    sorted by name."""
    analyser = analyser or Analyser()
    found = []
    for name, module, node in analyser.acting_functions():
        facts = analyser.facts(name)
        kind = (Kind.READ if name in reads else Kind.STEP if name in steps
                else Kind.OWN if name in OWN_ACCOUNT else Kind.WRITE)
        clauses = declared.get(name)
        found.append(Service(
            name=name, kind=kind,
            clauses=simplify(facts.clauses) if clauses is None else tuple(clauses),
            conditional=frozenset(facts.conditional), audited=facts.audited,
            writes=facts.writes, path=module.path, line=node.lineno,
            declared=clauses is not None,
            unreadable=() if clauses is not None else tuple(dict.fromkeys(facts.unknown))))
    return sorted(found, key=lambda s: s.name)


# --- checks and the printed matrix ------------------------------------------------------------

def problems(services: Iterable[Service], *, sensitive: Mapping[str, str] = SENSITIVE,
             known: Iterable[str] = PERMISSIONS) -> list[str]:
    """What breaks the rules: an unchecked write service, a read that writes, an unknown
    permission, a sensitive action without an audit entry. Empty when all is well."""
    found: list[str] = []
    codes = frozenset(known)
    by_name = {s.name: s for s in services}
    for s in by_name.values():
        where = f"{s.path}:{s.line} {s.name}"
        if s.kind is Kind.WRITE and not s.clauses:
            found.append(f"{where}: a write service that checks no permission "
                         f"(add require(actor, ...), or list it in READS if it only reads)")
        if s.kind is Kind.READ and s.writes:
            found.append(f"{where}: listed in READS but writes to the database")
        for text in s.unreadable:
            found.append(f"{where}: cannot read the permission {text!r} (use a literal or a "
                         f"module constant, or declare the service in DECLARED)")
        for code in sorted((s.permissions | s.conditional) - codes):
            found.append(f"{where}: unknown permission {code!r}")
    for name, what in sorted(sensitive.items()):
        service = by_name.get(name)
        if service is None:
            found.append(f"{name}: in SENSITIVE ({what}) but no such service")
        elif not service.audited:
            found.append(f"{service.path}:{service.line} {name}: sensitive ({what}) but "
                         f"writes no audit entry")
    return found


def stale_entries(services: Iterable[Service]) -> list[str]:
    """Names in READS, STEPS or DECLARED that are no function taking an actor."""
    names = {s.name for s in services}
    return sorted((READS | set(STEPS) | set(DECLARED) | set(OWN_ACCOUNT)) - names)


def _permission_cell(service: Service) -> str:
    cell = " + ".join(" or ".join(f"`{p}`" for p in sorted(c)) for c in service.clauses)
    extra = sorted(service.conditional - service.permissions)
    if extra:
        cell += " (in some cases " + ", ".join(f"`{p}`" for p in extra) + ")"
    return cell or "—"


def markdown(services: Iterable[Service], *, reads: bool = False,
             sensitive: Mapping[str, str] = SENSITIVE) -> str:
    """The matrix as a Markdown table: one row per write service (and read, with ``reads``),
    one column per role, and whether it writes an audit entry."""
    roles = list(RoleCode)
    chosen = [s for s in services if s.kind in (Kind.WRITE, Kind.OWN)
              or (reads and s.kind is Kind.READ)]
    head = ["Service (`app.` …)", "Permission", *[f"`{r.value}`" for r in roles], "Audited"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _h in head) + "|"]
    for s in chosen:
        held = set(roles) if s.kind is Kind.OWN else set(s.roles())
        name = s.short if s.kind in (Kind.WRITE, Kind.OWN) else f"{s.short} (read)"
        audited = ("✓" if s.audited else "") + (" sensitive" if s.name in sensitive else "")
        lines.append("| " + " | ".join([
            f"`{name}`", "own account" if s.kind is Kind.OWN else _permission_cell(s),
            *["✓" if r in held else "" for r in roles],
            audited.strip()]) + " |")
    legend = ", ".join(f"`{r.value}` {ROLE_NAMES[r]}" for r in roles)
    return "\n".join([
        f"Roles: {legend}.",
        "",
        "A ✓: the role's default permissions let it run the service (`a or b`: either will "
        "do; `a + b`: both are needed — the checks of every path are counted, so a check-in "
        "from a booking's `appointments.edit` shows too). *Audited*: the service writes an "
        "audit entry (on some path); *sensitive*: it must.",
        "",
        *lines,
    ]) + "\n"


BEGIN = "<!-- permissions:begin -->"
END = "<!-- permissions:end -->"


def readme_section(text: str) -> str | None:
    """The text between the permission markers of a README, or None without markers."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return None
    return text[start + len(BEGIN):end].strip("\n")


def with_section(text: str, section: str) -> str:
    """``text`` with the part between the markers replaced by ``section``."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError("the README has no permissions markers")
    return text[:start + len(BEGIN)] + "\n" + section.strip("\n") + "\n" + text[end:]


def matrix() -> list[Service]:
    """The services of this installation's ``app/``."""
    return services()
