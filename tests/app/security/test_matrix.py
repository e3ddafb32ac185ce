"""The role × action matrix: every write service checks a permission itself (read from the
code, and at run time: refused before anything is written), every sensitive action writes an
audit entry, and the README's matrix is the code's."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from textwrap import dedent

import pytest
from sqlalchemy import event, func, select

from app.clock import pinned
from app.errors import PermissionDenied
from app.security.matrix import (
    APP_ROOT,
    SENSITIVE,
    STEPS,
    Analyser,
    Kind,
    markdown,
    matrix,
    problems,
    readme_section,
    stale_entries,
    with_section,
)
from app.security.matrix import services as all_services
from app.security.permissions import PERMISSIONS
from db.enums import RoleCode
from db.models import AuditEntry
from main import main
from tests.app.security.service_calls import (
    AUDIT_ACTIONS,
    CALLS,
    NOT_BUILT,
    NOW,
    SENSITIVE_CALLS,
    World,
    call_needing,
    sensitive_call,
)
from tests.conftest import load_actor

ROOT = APP_ROOT.parent
SERVICES = matrix()
WRITES = {s.name: s for s in SERVICES if s.kind is Kind.WRITE}
REGENERATE = "python3 main.py permissions --update-readme"


# --- read from the code ---------------------------------------------------------------------

def test_every_write_service_checks_a_permission_and_every_sensitive_one_audits() -> None:
    assert problems(SERVICES) == []


def test_the_registries_name_functions_that_exist() -> None:
    assert stale_entries(SERVICES) == []
    assert len(WRITES) >= 55  # the walk found the services (not an empty, vacuous pass)


def test_known_permissions_and_roles_of_some_services() -> None:
    assert WRITES["app.vehicles.service.record_mileage"].clauses == (
        frozenset({"orders.edit"}),)
    assert WRITES["app.cashier.invoicing.issue_credit_note"].roles() == (
        RoleCode.SERVICE_MANAGER, RoleCode.ADMIN)
    reserve = WRITES["app.parts.reservations.reserve_for_line"]
    assert reserve.clauses == (frozenset({"parts.issue", "orders.edit"}),)
    assert RoleCode.PARTS_CLERK in reserve.roles() and RoleCode.ADVISOR in reserve.roles()
    assert "orders.discount_any" in WRITES["app.orders.lines.add_labour_line"].conditional


SYNTHETIC = {
    "__init__.py": "",
    "security/__init__.py": "",
    "security/actor.py": """
        class Actor: ...
        class PermissionDenied(Exception): ...
        def require(actor: Actor, permission: str) -> None: ...
    """,
    "audit.py": """
        from app.security.actor import Actor
        def record(session, actor: Actor | None, action: str) -> None:
            session.add(action)
    """,
    "things/__init__.py": "from app.things.base import checked as again\n",
    "things/base.py": """
        from app import audit
        from app.security.actor import Actor, PermissionDenied, require
        EDIT = "things.edit"
        EITHER = ("things.a", "things.b")

        def _check(actor: Actor) -> None:
            require(actor, EDIT)

        def unchecked(session, actor: Actor, x) -> None:
            session.add(x)

        def checked(session, actor: Actor, x) -> None:
            require(actor, "things.edit")
            session.add(x)

        def via_helper(session, actor: Actor, x) -> None:
            _check(actor)
            session.add(x)
            audit.record(session, actor, "thing.save")

        def either(session, actor: Actor) -> None:
            if not any(actor.can(p) for p in EITHER):
                raise PermissionDenied()

        def or_else(session, actor: Actor) -> None:
            if not actor.can("things.a"):
                require(actor, "things.c")
            if actor.can("things.discount"):
                return

        def peek(session, actor: Actor) -> int:
            require(actor, "things.view")
            return 1

        def sneaky(session, actor: Actor, x) -> None:
            audit.record(session, actor, "oops")

        def unknown(session, actor: Actor, permission: str) -> None:
            require(actor, permission)

        def typo(session, actor: Actor) -> None:
            require(actor, "things.edti")
    """,
    "things/calls.py": """
        from app.things import again
        from app.security.actor import Actor

        def through_reexport(session, actor: Actor) -> None:
            again(session, actor, 1)

        def no_actor_annotation(session, actor) -> None:
            session.add(1)

        def renamed(session, manager: "Actor") -> None:
            session.add(1)
    """,
    "things/_private.py": """
        from app.security.actor import Actor
        def write(session, actor: Actor) -> None:
            session.add(1)
    """,
    "devtools/tool.py": """
        from app.security.actor import Actor
        def write(session, actor: Actor) -> None:
            session.add(1)
    """,
}


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    root = tmp_path / "app"
    for name, source in SYNTHETIC.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(source), encoding="utf-8")
    return root


def test_a_write_service_without_a_permission_check_is_flagged(synthetic: Path) -> None:
    reads = frozenset({"app.things.base.peek", "app.things.base.sneaky"})
    services = {s.name: s for s in all_services(Analyser(synthetic), reads=reads, steps={
        "app.audit.record": "the audit entry"})}
    assert set(services) == {
        "app.audit.record", "app.security.actor.require",
        *(f"app.things.base.{n}" for n in ("unchecked", "checked", "via_helper", "either",
                                           "or_else", "peek", "sneaky", "unknown", "typo")),
        "app.things.calls.through_reexport", "app.things.calls.renamed",
    }  # not _private, devtools, nor an actor without its annotation
    assert services["app.things.base.checked"].clauses == (frozenset({"things.edit"}),)
    helper = services["app.things.base.via_helper"]
    assert helper.clauses == (frozenset({"things.edit"}),) and helper.audited
    assert services["app.things.base.either"].clauses == (frozenset({"things.a", "things.b"}),)
    or_else = services["app.things.base.or_else"]
    assert or_else.clauses == (frozenset({"things.a", "things.c"}),)
    assert or_else.conditional == {"things.discount"}
    assert services["app.things.calls.through_reexport"].clauses == (
        frozenset({"things.edit"}),)
    known = {"things.edit", "things.a", "things.b", "things.c", "things.view",
             "things.discount"}
    found = problems(services.values(), known=known, sensitive={
        "app.things.base.checked": "a sensitive thing", "app.things.base.via_helper": "ok"})
    flagged = {line.split(" ")[1].rstrip(":") for line in found}
    assert flagged == {"app.things.base.unchecked", "app.things.calls.renamed",
                       "app.things.base.sneaky",
                       "app.things.base.unknown", "app.things.base.typo",
                       "app.things.base.checked", "app.security.actor.require"}
    assert any("checks no permission" in p and "unchecked" in p for p in found)
    assert any("listed in READS but writes" in p and "sneaky" in p for p in found)
    assert any("unknown permission 'things.edti'" in p for p in found)
    assert any("sensitive (a sensitive thing) but writes no audit entry" in p for p in found)
    # a declaration replaces what the code says, for a permission that depends on the data
    declared = all_services(Analyser(synthetic), declared={
        "app.things.base.unchecked": (frozenset({"things.edit"}),)})
    assert not any("unchecked" in p for p in problems(declared, known=known, sensitive={}))


def _imported_names(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, module, dotted name) of every import in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                yield node.lineno, node.module, f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, alias.name


def test_steps_and_private_modules_are_not_called_from_outside_app() -> None:
    analyser = Analyser()
    offences = []
    for path in [*sorted((ROOT / "ui").rglob("*.py")), ROOT / "main.py"]:
        for line, module, name in _imported_names(path):
            private = module.startswith("app.") and any(
                part.startswith("_") for part in module.split("."))
            if analyser.canonical(name) in STEPS or private:
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert offences == []


# --- at run time ------------------------------------------------------------------------------

def _all_but(permissions: frozenset[str]) -> frozenset[str]:
    return frozenset(PERMISSIONS) - permissions


@contextmanager
def _statements(session) -> Iterator[list[str]]:
    """The INSERT/UPDATE/DELETE statements sent on ``session``'s connection meanwhile."""
    seen: list[str] = []
    engine = session.get_bind()

    def spy(_conn, _cursor, statement, _params, _context, _many) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", spy)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", spy)


# (service, index of the clause the actor lacks); -1: the code shows none, so lack them all
RUNTIME = [(name, i) for name, service in sorted(WRITES.items()) if name in CALLS
           for i in (range(len(service.clauses)) or [-1])]


def _lacking(name: str, clause: int) -> frozenset[str]:
    return WRITES[name].clauses[clause] if clause >= 0 else frozenset(PERMISSIONS)


def test_every_write_service_and_sensitive_action_has_a_runtime_call() -> None:
    missing = sorted(set(WRITES) - set(CALLS) - set(NOT_BUILT))
    assert missing == [], "add a call to tests/app/security/service_calls.py CALLS"
    assert sorted(set(CALLS) - set(WRITES)) == []
    assert sorted(set(NOT_BUILT) & set(CALLS)) == []
    unaudited = sorted(set(SENSITIVE) - set(SENSITIVE_CALLS) - set(AUDIT_ACTIONS))
    assert unaudited == [], "add its audit action to service_calls.py AUDIT_ACTIONS"


@pytest.mark.parametrize(("name", "clause"), RUNTIME, ids=[
    f"{n.removeprefix('app.')}-{'|'.join(sorted(_lacking(n, c))) if c >= 0 else 'all'}"
    for n, c in RUNTIME])
def test_a_write_service_refuses_an_actor_without_its_permission_before_writing(
        session, name: str, clause: int) -> None:
    admin = load_actor(session, RoleCode.ADMIN)
    lacking = _lacking(name, clause)
    denied = replace(admin, permissions=_all_but(lacking))
    with pinned(NOW):
        call = call_needing(name, lacking, World(session, admin))
        session.flush()
    with pinned(call.clock or NOW):
        with _statements(session) as written, pytest.raises(PermissionDenied) as refused:
            call.fn(session, denied, *call.args, **call.kwargs)
        assert written == []
        assert not (session.new or session.dirty or session.deleted)
        assert refused.value.params.get("permission") in lacking
        call.fn(session, admin, *call.args, **call.kwargs)  # the same call is valid
    session.flush()


def _audits(session, action: str) -> int:
    return session.scalar(select(func.count(AuditEntry.id))
                          .where(AuditEntry.action == action)) or 0


@pytest.mark.parametrize("name", sorted(SENSITIVE))
def test_a_sensitive_action_writes_an_audit_entry(session, name: str) -> None:
    admin = load_actor(session, RoleCode.ADMIN)
    advisor = load_actor(session, RoleCode.ADVISOR)
    with pinned(NOW):
        call, action = sensitive_call(name, World(session, admin))
        session.flush()
    before = _audits(session, action)
    actor = admin
    if call.approved:  # e.g. a discount above the advisor's limit, approved by a manager
        actor, call.kwargs["approved_by"] = advisor, admin
    with pinned(call.clock or NOW):
        call.fn(session, actor, *call.args, **call.kwargs)
    session.flush()
    assert _audits(session, action) == before + 1


# --- the printed matrix -----------------------------------------------------------------------

def test_the_readme_shows_the_current_matrix() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_section(readme) == markdown(SERVICES).strip("\n"), (
        f"README.md's role × action matrix is out of date; regenerate it with `{REGENERATE}`")


def test_the_command_prints_the_matrix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["permissions"]) == 0
    out = capsys.readouterr().out
    assert out == markdown(SERVICES)
    assert "| `vehicles.service.record_mileage` | `orders.edit` | ✓ |" in out
    assert main(["permissions", "--reads"]) == 0
    assert "`customers.search.search (read)`" in capsys.readouterr().out


def test_the_command_updates_the_readme_section(tmp_path: Path, monkeypatch) -> None:
    import app.security.matrix as module

    (tmp_path / "README.md").write_text("# x\n<!-- permissions:begin -->\nold\n"
                                        "<!-- permissions:end -->\nrest\n", encoding="utf-8")
    monkeypatch.setattr(module, "APP_ROOT", tmp_path / "app")
    assert main(["permissions", "--update-readme"]) == 0
    text = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert readme_section(text) == markdown(SERVICES).strip("\n")
    assert text.startswith("# x\n") and text.endswith("rest\n") and "old" not in text
    (tmp_path / "README.md").write_text("no markers", encoding="utf-8")
    assert main(["permissions", "--update-readme"]) == 2
    with pytest.raises(ValueError):
        with_section("no markers", "x")
