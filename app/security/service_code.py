"""Reading the services' source with ``ast``: which functions take an actor, which
permissions they check (followed through every function of the package they call), and
whether they write to the database or an audit entry. Nothing is imported or run.

The checks read: ``require(actor, "perm")`` (a clause {perm}); ``if not actor.can(a) [or
actor.can(b)…]: require(actor, c)`` or ``raise PermissionDenied`` (also ``any(actor.can(p)
for p in CONSTANT)``) — one clause {a, b, c}, any of which will do; ``raise
PermissionDenied(permission="x")`` outside such a guard — {x}. A ``.can(...)`` that guards no
refusal is *conditional* (e.g. a discount above the role's limit). Permission arguments are
literals or module constants; anything else is reported as unreadable.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

APP_ROOT = Path(__file__).resolve().parent.parent
SKIPPED = ("devtools", "demo")  # subpackages of app/ that are not the product's services

REQUIRE = "app.security.actor.require"
AUDIT = "app.audit.record"
DENIED = "PermissionDenied"
SESSION_WRITES = frozenset({"add", "add_all", "delete", "merge", "flush"})
SQL_WRITES = frozenset({"sqlalchemy.insert", "sqlalchemy.update", "sqlalchemy.delete"})

Clause = frozenset[str]


@dataclass
class Module:
    """One module of the package: its top-level functions, imports and constants."""

    name: str
    path: Path
    tree: ast.Module
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    imports: dict[str, str] = field(default_factory=dict)  # local name -> dotted target
    constants: dict[str, ast.expr] = field(default_factory=dict)


@dataclass
class Facts:
    """What a function checks and writes, with everything it calls."""

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
        self.modules: dict[str, Module] = {}
        skip = tuple(skipped)
        for path in sorted(root.rglob("*.py")):
            relative = path.relative_to(root).parts
            if relative and relative[0] in skip:
                continue
            name = _module_name(path, root)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            module = Module(name, path, tree)
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
        self._facts: dict[str, Facts] = {}

    # --- names -------------------------------------------------------------------------------

    def canonical(self, dotted: str, _depth: int = 0) -> str:
        """``dotted`` with re-exports followed to the module that defines it."""
        module, _sep, attr = dotted.rpartition(".")
        found = self.modules.get(module)
        if found is None or attr in found.functions or _depth > 10:
            return dotted
        target = found.imports.get(attr)
        return self.canonical(target, _depth + 1) if target else dotted

    def function(self, dotted: str) -> tuple[Module, ast.FunctionDef] | None:
        """The module and definition of a top-level function of the package, if it is one."""
        module, _sep, attr = self.canonical(dotted).rpartition(".")
        found = self.modules.get(module)
        if found is None or attr not in found.functions:
            return None
        return found, found.functions[attr]

    def _resolve(self, module: Module, local: Mapping[str, str], func: ast.expr) -> str | None:
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

    def acting_functions(self) -> Iterator[tuple[str, Module, ast.FunctionDef]]:
        """Every public function of a public module with a parameter annotated ``Actor``."""
        for module in self.modules.values():
            if any(part.startswith("_") for part in module.name.split(".")):
                continue
            for name, node in module.functions.items():
                if not name.startswith("_") and takes_actor(node):
                    yield f"{module.name}.{name}", module, node

    # --- facts of one function (transitive) ---------------------------------------------------

    def facts(self, dotted: str) -> Facts:
        """What the function checks and writes, with everything it calls in the package."""
        key = self.canonical(dotted)
        if key in self._facts:
            return self._facts[key]
        facts = self._facts[key] = Facts()  # a recursive call sees it (partial) and stops
        found = self.function(key)
        if found is None or key == REQUIRE:  # the check itself is read at its call sites
            return facts
        module, node = found
        is_package = module.path.name == "__init__.py"
        local = dict(_imports(node, module.name, is_package))
        _Reader(self, module, local, facts).read(node)
        return facts

    def permission_of(self, module: Module, local: Mapping[str, str],
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


def takes_actor(node: ast.FunctionDef) -> bool:
    for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
        if arg.annotation is not None and any(
                (isinstance(n, ast.Name) and n.id == "Actor") or
                (isinstance(n, ast.Constant) and "Actor" in str(n.value))
                for n in ast.walk(arg.annotation)):
            return True
    return False


def simplify(clauses: Iterable[Clause]) -> tuple[Clause, ...]:
    """Drop a clause another, smaller one implies (needing a or b is implied by needing a)."""
    unique = set(clauses)
    kept = [c for c in unique if not any(other < c for other in unique)]
    return tuple(sorted(kept, key=lambda c: sorted(c)))


class _Reader(ast.NodeVisitor):
    """Collects the facts of one function body."""

    def __init__(self, analyser: Analyser, module: Module, local: Mapping[str, str],
                 facts: Facts) -> None:
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
