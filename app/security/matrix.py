"""The role × action matrix, read from the services' source code.

A *service* is a public function of a public module under ``app/`` (``app.devtools`` and
``app.demo`` left out) with a parameter annotated ``Actor`` (or ``Actor | None``) — ``actor``
by convention, but a renamed one is found too.
Each one is classified explicitly — nothing is guessed from its name:

* listed in ``READS``: it only reads (a read model, a check, a PDF); ``check`` refuses a
  listed read that writes (``session.add``/``delete``/``merge``/``flush``, an SQL
  ``insert``/``update``/``delete``, or a call of anything that does, audit entries included);
* listed in ``STEPS``: a building block other services call (they check the permission); it
  is no user action of its own, and nothing outside ``app/`` may import it;
* anything else is a **write service** and must check a permission itself.

The permissions a function checks are read with ``ast`` from its body and, transitively,
from every function of ``app/`` it calls (imports resolved, re-exports followed):

* ``require(actor, "perm")`` — one *clause* {perm};
* ``if not actor.can(a) [or actor.can(b)…]: require(actor, c)`` / ``raise PermissionDenied``
  (also ``any(actor.can(p) for p in CONSTANT)``) — one clause {a, b, c}: any of them will do;
* a ``.can(...)`` that guards no refusal (a discount above the role's limit needs
  ``orders.discount_any``) is listed as *conditional*, not as a requirement;
* ``DECLARED`` overrides the reading for a service whose permission depends on the data.

A role may run a service when it holds, for every clause, at least one of its permissions
(the clauses of every path are counted, so this errs on the side of refusing). Whether a
service writes an audit entry is a call of ``app.audit.record`` on some path; ``SENSITIVE``
names the actions that must (tests/app/security/test_matrix.py also checks it at run time,
and that each write service refuses an actor without its permission before writing).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.security.permissions import PERMISSIONS, ROLE_NAMES, ROLE_PERMISSIONS
from db.enums import RoleCode

APP_ROOT = Path(__file__).resolve().parent.parent
SKIPPED = ("devtools", "demo")  # subpackages of app/ that are not the product's services

REQUIRE = "app.security.actor.require"
AUDIT = "app.audit.record"
DENIED = "PermissionDenied"
SESSION_WRITES = frozenset({"add", "add_all", "delete", "merge", "flush"})
SQL_WRITES = frozenset({"sqlalchemy.insert", "sqlalchemy.update", "sqlalchemy.delete"})

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
    "app.printing.render_document",
    "app.printing.render_invoice",
    "app.privacy.may_see_contact",
    "app.privacy.shown_phone",
    "app.reception.queries.card_data",
    "app.reception.queries.customer_form",
    "app.reception.queries.customer_info",
    "app.reception.queries.vehicle_info",
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
    "app.orders.workflow.change_status": (
        "one edge of the order state machine; each calling service checks the permission "
        "of its own edge"),
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


Clause = frozenset[str]


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


@dataclass
class _Module:
    name: str
    path: Path
    tree: ast.Module
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    imports: dict[str, str] = field(default_factory=dict)  # local name -> dotted target
    constants: dict[str, ast.expr] = field(default_factory=dict)


@dataclass
class _Facts:
    clauses: set[Clause] = field(default_factory=set)
    conditional: set[str] = field(default_factory=set)
    audited: bool = False
    writes: bool = False
    unknown: list[str] = field(default_factory=list)  # permission arguments not read


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(node: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, str]]:
    """(local name, dotted target) of every import directly under ``node``'s statements."""
    for stmt in ast.walk(node):
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    yield alias.asname, alias.name
                else:
                    yield alias.name.split(".")[0], alias.name.split(".")[0]
        elif isinstance(stmt, ast.ImportFrom):
            base = stmt.module or ""
            if stmt.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[:len(package) - stmt.level + 1]
                base = ".".join([*package, base] if base else package)
            for alias in stmt.names:
                yield alias.asname or alias.name, f"{base}.{alias.name}"


class Analyser:
    """Reads every module of a package (``app/`` by default) and answers for its functions."""

    def __init__(self, root: Path = APP_ROOT, skipped: Iterable[str] = SKIPPED) -> None:
        self.root = root
        self.package = root.name
        self.modules: dict[str, _Module] = {}
        skip = tuple(skipped)
        for path in sorted(root.rglob("*.py")):
            relative = path.relative_to(root).parts
            if relative and relative[0] in skip:
                continue
            name = _module_name(path, root)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            module = _Module(name, path, tree)
            for stmt in tree.body:
                if isinstance(stmt, ast.FunctionDef):
                    module.functions[stmt.name] = stmt
                elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name):
                    module.constants[stmt.targets[0].id] = stmt.value
                elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) \
                        and stmt.value is not None:
                    module.constants[stmt.target.id] = stmt.value
            is_package = path.name == "__init__.py"
            for stmt in tree.body:  # module-level imports, also under ``if TYPE_CHECKING:``
                if isinstance(stmt, (ast.Import, ast.ImportFrom, ast.If)):
                    module.imports.update(_imports(stmt, name, is_package))
            self.modules[name] = module
        self._facts: dict[str, _Facts] = {}

    # --- names -------------------------------------------------------------------------------

    def canonical(self, dotted: str, _depth: int = 0) -> str:
        """``dotted`` with re-exports followed to the module that defines it."""
        module, _sep, attr = dotted.rpartition(".")
        found = self.modules.get(module)
        if found is None or attr in found.functions or _depth > 10:
            return dotted
        target = found.imports.get(attr)
        return self.canonical(target, _depth + 1) if target else dotted

    def function(self, dotted: str) -> tuple[_Module, ast.FunctionDef] | None:
        """The module and definition of a top-level function of the package, if it is one."""
        module, _sep, attr = self.canonical(dotted).rpartition(".")
        found = self.modules.get(module)
        if found is None or attr not in found.functions:
            return None
        return found, found.functions[attr]

    def _resolve(self, module: _Module, local: Mapping[str, str], func: ast.expr) -> str | None:
        if isinstance(func, ast.Name):
            if func.id in local:
                return self.canonical(local[func.id])
            if func.id in module.functions:
                return f"{module.name}.{func.id}"
            if func.id in module.imports:
                return self.canonical(module.imports[func.id])
            return None
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            target = local.get(func.value.id) or module.imports.get(func.value.id)
            if target is not None:
                return self.canonical(f"{target}.{func.attr}")
        return None

    # --- services ----------------------------------------------------------------------------

    def acting_functions(self) -> Iterator[tuple[str, _Module, ast.FunctionDef]]:
        """Every public function of a public module with a parameter annotated ``Actor``."""
        for module in self.modules.values():
            if any(part.startswith("_") for part in module.name.split(".")):
                continue
            for name, node in module.functions.items():
                if not name.startswith("_") and _takes_actor(node):
                    yield f"{module.name}.{name}", module, node

    def services(self, *, reads: frozenset[str] = READS, steps: Mapping[str, str] = STEPS,
                 declared: Mapping[str, tuple[Clause, ...]] = DECLARED) -> list[Service]:
        """Every function taking an actor, classified, sorted by name."""
        found = []
        for name, module, node in self.acting_functions():
            facts = self.facts(name)
            kind = Kind.READ if name in reads else Kind.STEP if name in steps else Kind.WRITE
            clauses = declared.get(name)
            found.append(Service(
                name=name, kind=kind,
                clauses=_simplify(facts.clauses) if clauses is None else tuple(clauses),
                conditional=frozenset(facts.conditional), audited=facts.audited,
                writes=facts.writes, path=module.path, line=node.lineno,
                declared=clauses is not None,
                unreadable=() if clauses is not None else tuple(dict.fromkeys(facts.unknown))))
        return sorted(found, key=lambda s: s.name)

    # --- facts of one function (transitive) ---------------------------------------------------

    def facts(self, dotted: str) -> _Facts:
        """What the function checks and writes, with everything it calls in the package."""
        key = self.canonical(dotted)
        if key in self._facts:
            return self._facts[key]
        facts = self._facts[key] = _Facts()  # a recursive call sees it (partial) and stops
        found = self.function(key)
        if found is None or key == REQUIRE:  # the check itself is read at its call sites
            return facts
        module, node = found
        is_package = module.path.name == "__init__.py"
        local = dict(_imports(node, module.name, is_package))
        _Reader(self, module, local, facts).read(node)
        return facts

    def permission_of(self, module: _Module, local: Mapping[str, str],
                      node: ast.expr) -> list[str] | None:
        """The permission codes an argument names (a literal, a constant, a tuple of them)."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            codes: list[str] = []
            for item in node.elts:
                one = self.permission_of(module, local, item)
                if one is None:
                    return None
                codes += one
            return codes
        if isinstance(node, ast.Name):
            if node.id in module.constants:
                return self.permission_of(module, local, module.constants[node.id])
            target = local.get(node.id) or module.imports.get(node.id)
            if target is not None:
                owner, _sep, attr = self.canonical(target).rpartition(".")
                other = self.modules.get(owner)
                if other is not None and attr in other.constants:
                    return self.permission_of(other, {}, other.constants[attr])
        return None


def _takes_actor(node: ast.FunctionDef) -> bool:
    for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
        if arg.annotation is not None and any(
                (isinstance(n, ast.Name) and n.id == "Actor") or
                (isinstance(n, ast.Constant) and "Actor" in str(n.value))
                for n in ast.walk(arg.annotation)):
            return True
    return False


def _simplify(clauses: Iterable[Clause]) -> tuple[Clause, ...]:
    """Drop a clause another, smaller one implies (needing a or b is implied by needing a)."""
    unique = set(clauses)
    kept = [c for c in unique if not any(other < c for other in unique)]
    return tuple(sorted(kept, key=lambda c: sorted(c)))


class _Reader(ast.NodeVisitor):
    """Collects the facts of one function body."""

    def __init__(self, analyser: Analyser, module: _Module, local: Mapping[str, str],
                 facts: _Facts) -> None:
        self.analyser, self.module, self.local, self.facts = analyser, module, local, facts
        self.in_guard = 0

    def read(self, node: ast.FunctionDef) -> None:
        for stmt in node.body:
            self.visit(stmt)

    def _codes(self, node: ast.expr) -> list[str]:
        codes = self.analyser.permission_of(self.module, self.local, node)
        if codes is None:
            self.facts.unknown.append(ast.unparse(node))
            return []
        return codes

    def _can_codes(self, test: ast.expr) -> list[str]:
        """Permissions named by ``x.can(...)`` in ``test`` (comprehensions over constants too)."""
        codes: list[str] = []
        loops: dict[str, ast.expr] = {}
        for node in ast.walk(test):
            if isinstance(node, ast.comprehension) and isinstance(node.target, ast.Name):
                loops[node.target.id] = node.iter
        for node in ast.walk(test):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr == "can" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Name) and arg.id in loops:
                    arg = loops[arg.id]
                codes += self._codes(arg)
        return codes

    def _refusals(self, body: list[ast.stmt]) -> list[str] | None:
        """The permissions a guard body requires, or None when it refuses nothing."""
        refuses = False
        codes: list[str] = []
        for stmt in body:
            for node in ast.walk(stmt):
                if isinstance(node, ast.Raise) and node.exc is not None and \
                        DENIED in ast.unparse(node.exc):
                    refuses = True
                elif isinstance(node, ast.Call) and self._target(node) == REQUIRE:
                    refuses = True
                    if len(node.args) > 1:
                        codes += self._codes(node.args[1])
        return codes if refuses else None

    def _clause(self, codes: list[str]) -> None:
        if codes:  # an unreadable argument is in facts.unknown
            self.facts.clauses.add(frozenset(codes))

    def _target(self, call: ast.Call) -> str | None:
        return self.analyser._resolve(self.module, self.local, call.func)

    def visit_If(self, node: ast.If) -> None:
        can = self._can_codes(node.test)
        if can:
            required = self._refusals(node.body)
            if required is not None:
                self._clause(can + required)
                for stmt in node.orelse:
                    self.visit(stmt)
                self.in_guard += 1
                for stmt in node.body:
                    self.visit(stmt)
                self.visit(node.test)
                self.in_guard -= 1
                return
            self.facts.conditional.update(can)
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        # ``raise PermissionDenied(permission="x")`` outside a guard: "x" is required
        if not self.in_guard and isinstance(node.exc, ast.Call) and \
                DENIED in ast.unparse(node.exc.func):
            for keyword in node.exc.keywords:
                if keyword.arg == "permission":
                    self._clause(self._codes(keyword.value))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        target = self._target(node)
        func = node.func
        if target == REQUIRE:
            if not self.in_guard and len(node.args) > 1:
                self._clause(self._codes(node.args[1]))
        elif target == AUDIT:
            self.facts.audited = self.facts.writes = True
        elif target in SQL_WRITES:
            self.facts.writes = True
        elif target is not None and target.startswith(self.analyser.package + "."):
            callee = self.analyser.facts(target)
            self.facts.clauses |= callee.clauses
            self.facts.conditional |= callee.conditional
            self.facts.audited |= callee.audited
            self.facts.writes |= callee.writes
            self.facts.unknown += callee.unknown
        if isinstance(func, ast.Attribute) and func.attr in SESSION_WRITES and \
                isinstance(func.value, ast.Name) and "session" in func.value.id:
            self.facts.writes = True
        elif isinstance(func, ast.Attribute) and func.attr == "can" and node.args and \
                not self.in_guard:
            self.facts.conditional.update(self._can_codes(node))
        self.generic_visit(node)


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
    return sorted((READS | set(STEPS) | set(DECLARED)) - names)


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
    chosen = [s for s in services if s.kind is Kind.WRITE or (reads and s.kind is Kind.READ)]
    head = ["Service (`app.` …)", "Permission", *[f"`{r.value}`" for r in roles], "Audited"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _h in head) + "|"]
    for s in chosen:
        held = set(s.roles())
        name = s.short if s.kind is Kind.WRITE else f"{s.short} (read)"
        audited = ("✓" if s.audited else "") + (" sensitive" if s.name in sensitive else "")
        lines.append("| " + " | ".join([
            f"`{name}`", _permission_cell(s), *["✓" if r in held else "" for r in roles],
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
    return Analyser().services()
