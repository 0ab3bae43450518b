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
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.http import Http404

from samenspel.accounts.tests.factories import MembershipFactory, UserFactory
from samenspel.coalitions.models import Coalition
from samenspel.core.tenancy import Tenancy, TenantQuerySet, lookup_or_404
from samenspel.partners.models import ContactPerson, Partner
from samenspel.partners.tests.factories import PartnerFactory

SOURCE = Path(__file__).resolve().parents[1]

DOORS = {"visible_to", "visible_across", "of_coalition", "correlated", "across_coalitions", "none"}
WRITES = {"create", "bulk_create"}

# Modules that serve every coalition at once, with why.
ACROSS_COALITIONS = {
    "activities/public_selectors.py": "the public finder finds a coalition by its public address",
    "accounts/recipients.py": "addresses for a day's reminders of every coalition, in one query",
    "activities/finder_addresses.py": "a finder's public address is unique over all coalitions",
    "activities/reminders.py": "the daily reminder run checks the activities of every coalition",
    "agreements/reminders.py": "agreements due for review, in every coalition",
    "core/analysis_cache.py": "after a bulk load (demo, benchmark): the versions of what it loaded",
    "evaluations/reminders.py": "evaluation moments coming up, in every coalition",
    "funding/reminders.py": "funding ending without a plan, in every coalition",
    "mail/delivery.py": "delivery and the sweep for lost tasks serve every coalition's outbox",
    "mail/reminders.py": "the daily reminder run looks at every coalition",
    "meetings/calendar.py": "a calendar feed, found by its secret, spans the person's coalitions",
    "meetings/reminders.py": "the daily reminder run looks at meetings and actions everywhere",
    "monitoring/figures_log.py": "the CBS figures are shared: their import log shows all imports",
    "monitoring/national.py": "national figures are announced to every coalition they cover",
    "signals/public.py": "the meldpunt finds its coalition by the coalition's public uuid",
    "signals/keys.py": "key rotation re-encrypts the residents' data of every coalition",
    "signals/reminders.py": "the daily run escalates overdue signals in every coalition",
    "signals/retention.py": "the daily run anonymises and erases signals in every coalition",
    "scans/daily.py": "the daily run closes and reminds in every coalition's scan rounds",
    "workspace/national.py": "the national programme's figures, summed over all coalitions",
    "workspace/warming.py": "computes every coalition's overview ahead, each kept on its own",
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
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"get_object_or_404", "get_list_or_404"}
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in tenants
        ):
            found.append(f"{relative}:{node.lineno} {node.func.id}({node.args[0].id})")
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


@pytest.mark.django_db
def test_the_doors_scope_to_one_coalition_or_to_a_portfolio():
    advisor = UserFactory()
    first, second = (MembershipFactory(user=advisor, advisor=True) for _ in range(2))
    outside = PartnerFactory(name="Elders")
    mine = [PartnerFactory(coalition=m.coalition) for m in (first, second)]
    assert list(Partner.objects.visible_to(first)) == [mine[0]]
    across = set(Partner.objects.visible_across([first, second]))
    assert across == set(mine)
    assert outside not in across
    with pytest.raises(Http404):
        lookup_or_404(Partner.objects.visible_to(first), outside.uuid)
    with pytest.raises(Http404):
        lookup_or_404(Partner.objects.visible_to(first), "not-a-uuid")
    with pytest.raises(ImproperlyConfigured):
        lookup_or_404(Partner.objects.all(), mine[0].uuid)


@pytest.mark.django_db
def test_confidential_rows_are_seen_only_by_their_own_organisation(monkeypatch):
    # No confidential model exists yet (signals come next): treat contact persons as one.
    monkeypatch.setattr(
        ContactPerson, "tenancy", Tenancy("partner__coalition", owner="partner", confidential=True)
    )
    member = MembershipFactory(partner_member=True)
    coordinator = MembershipFactory(coalition=member.coalition, coordinator=True)
    own = ContactPerson.objects.create(partner=member.partner, name="Eigen")
    other_partner = PartnerFactory(coalition=member.coalition)
    ContactPerson.objects.create(partner=other_partner, name="Ander")
    assert list(ContactPerson.objects.visible_to(member)) == [own]
    assert list(ContactPerson.objects.visible_to(coordinator)) == []
    assert list(ContactPerson.objects.visible_across([member, coordinator])) == [own]
    with pytest.raises(ImproperlyConfigured):
        ContactPerson.objects.of_coalition(member.coalition)


@pytest.mark.django_db
def test_rows_get_the_coalition_without_a_query_also_when_columns_are_narrowed(
    django_assert_num_queries,
):
    membership = MembershipFactory(coordinator=True)
    PartnerFactory.create_batch(3, coalition=membership.coalition)
    coalition = membership.coalition
    with django_assert_num_queries(1):
        rows = list(Partner.objects.of_coalition(coalition))
        assert all(row.coalition is coalition for row in rows)
    with django_assert_num_queries(1):
        assert len(list(Partner.objects.of_coalition(coalition).only("name"))) == 3
    with django_assert_num_queries(1):
        assert len(list(Partner.objects.of_coalition(coalition).defer("coalition"))) == 3
