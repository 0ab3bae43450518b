"""Tenancy lives in the query layer (see `core/tenancy.py`).

1. Every model that can reach a coalition through its foreign keys declares its `Tenancy`, the
   path resolves to the coalition (and the owner path to a partner), and its manager hands out
   `TenantQuerySet`s.
2. No code outside the query layer reads a tenant model's manager unscoped: outside `models.py`,
   a tenant manager is only opened through a door (`visible_to`, `of_coalition`, ...), and
   `across_coalitions()` only in the modules listed below, each a system process that serves
   every coalition.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models

from samenspel.coalitions.models import Coalition
from samenspel.core.tenancy import Tenancy, TenantQuerySet
from samenspel.partners.models import Partner

SOURCE = Path(__file__).resolve().parents[2]

DOORS = {"visible_to", "visible_across", "of_coalition", "across_coalitions", "none"}
WRITES = {"create", "bulk_create"}

# Modules that serve every coalition at once, with why.
ACROSS_COALITIONS = {
    "activities/public_selectors.py": "the public finder finds a coalition by its public address",
    "activities/finder_addresses.py": "a finder's public address is unique over all coalitions",
    "core/reminders.py": "the daily reminder run looks at every coalition",
    "monitoring/national.py": "national figures are announced to every coalition they cover",
    "scans/daily.py": "the daily run closes and reminds in every coalition's scan rounds",
    "bench": "national-scale synthetic data",
    "demo": "builds the demo coalitions",
}


def _project_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("samenspel.")]


def _reaches_coalition(model: type[models.Model], seen: frozenset[type] = frozenset()) -> bool:
    if model is Coalition:
        return True
    for field in model._meta.get_fields():
        if field.many_to_one or field.one_to_one:
            if not field.concrete or field.related_model in seen | {model}:
                continue
            if field.related_model is Coalition or _reaches_coalition(
                field.related_model, seen | {model}
            ):
                return True
    return False


def tenant_models() -> list[type[models.Model]]:
    return [m for m in _project_models() if _reaches_coalition(m)]


def _resolve(model: type[models.Model], path: str) -> type[models.Model]:
    for part in path.split("__") if path else []:
        model = model._meta.get_field(part).related_model  # type: ignore[assignment]
    return model


def test_the_list_of_tenant_models_is_complete():
    names = {m.__name__ for m in tenant_models()}
    # Shared, non-tenant models that are *not* on the list: reference data and per-person data.
    assert not names & {"User", "Municipality", "Region", "LonelinessEstimate", "ApiToken"}
    assert {"Partner", "Meeting", "ReachByGroup", "Response", "AuditEvent", "Membership"} <= names


@pytest.mark.parametrize("model", tenant_models(), ids=lambda m: m.__name__)
def test_every_tenant_model_declares_its_path(model):
    tenancy = model.__dict__.get("tenancy")
    assert isinstance(tenancy, Tenancy), f"{model.__name__} must declare tenancy = Tenancy(...)"
    assert _resolve(model, tenancy.coalition) is Coalition
    if tenancy.owner is not None:
        assert _resolve(model, tenancy.owner) is Partner
    assert isinstance(model._default_manager.all(), TenantQuerySet)


def _tenant_names() -> dict[str, type[models.Model]]:
    return {m.__name__: m for m in tenant_models()}


def _exempt(relative: str) -> bool:
    parts = Path(relative).parts
    return (
        "migrations" in parts
        or "tests" in parts
        or parts[-1] == "models.py"
        or "models" in parts[:-1]
        or relative == "core/tenancy.py"
    )


def _may_cross(relative: str) -> bool:
    return any(relative == key or relative.startswith(f"{key}/") for key in ACROSS_COALITIONS)


def unscoped_reads(relative: str, tree: ast.AST, tenants: dict[str, type]) -> list[str]:
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in {"get_object_or_404", "get_list_or_404"} and node.args:
                first = node.args[0]
                if isinstance(first, ast.Name) and first.id in tenants:
                    found.append(f"{relative}:{node.lineno} {node.func.id}({first.id})")
        if not (
            isinstance(node, ast.Attribute)
            and node.attr in {"objects", "_default_manager"}
            and isinstance(node.value, ast.Name)
            and node.value.id in tenants
        ):
            continue
        model = tenants[node.value.id]
        doors = DOORS | set(getattr(model._default_manager._queryset_class, "tenant_doors", ()))
        parent = parents.get(node)
        method = parent.attr if isinstance(parent, ast.Attribute) else None
        if method == "across_coalitions" and not _may_cross(relative):
            found.append(f"{relative}:{node.lineno} {node.value.id}.objects.across_coalitions()")
        elif method not in doors | WRITES:
            found.append(f"{relative}:{node.lineno} {node.value.id}.objects.{method}")
    return found


def test_no_code_reads_a_tenant_model_unscoped():
    tenants = _tenant_names()
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        relative = path.relative_to(SOURCE).as_posix()
        if _exempt(relative):
            continue
        found += unscoped_reads(relative, ast.parse(path.read_text()), tenants)
    assert not found, "Tenant data read without a door:\n" + "\n".join(found)


def test_the_check_catches_an_unscoped_read():
    tenants = _tenant_names()
    code = "Partner.objects.filter(name='x')\nget_object_or_404(Meeting, uuid=u)\n"
    assert len(unscoped_reads("partners/views.py", ast.parse(code), tenants)) == 2
    scoped = "Partner.objects.visible_to(m).filter(name='x')\n"
    assert unscoped_reads("partners/views.py", ast.parse(scoped), tenants) == []
    crossing = "Partner.objects.across_coalitions()\n"
    assert len(unscoped_reads("partners/views.py", ast.parse(crossing), tenants)) == 1
