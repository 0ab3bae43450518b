"""The findings page, the dismiss and restore forms, and the summary on the dashboard."""

import pytest
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.advice.models import Dismissal
from samenspel.core.models import AuditEvent

pytestmark = pytest.mark.django_db

RULE = "municipality_many_hats"


def findings_url(coalition):
    return reverse("advice:findings", args=[coalition.uuid])


def dismiss_url(coalition, rule=RULE):
    return reverse("advice:dismiss", args=[coalition.uuid, rule])


def restore_url(coalition, rule=RULE):
    return reverse("advice:restore", args=[coalition.uuid, rule])


def test_the_coordinator_sees_findings_with_evidence_guide_link_and_a_dismiss_form(
    coordinator_client, coalition, municipality
):
    response = coordinator_client.get(findings_url(coalition))
    assert response.status_code == 200
    page = response.content.decode()
    assert "De gemeente heeft 2 petten op" in page
    assert "Gemeente Oost heeft 2 rollen tegelijk: opdrachtgever en financier." in page
    assert "Ter informatie" in page  # the severity as text, not colour alone
    assert reverse("guide:item", args=["municipality_roles", "commissioner_funder"]) in page
    assert dismiss_url(coalition) in page
    assert f'value="{municipality.uuid}"' in page


def test_an_advisor_sees_findings_but_cannot_dismiss(coalition, municipality):
    client = client_for(MembershipFactory(coalition=coalition, advisor=True).user)
    response = client.get(findings_url(coalition))
    assert response.status_code == 200
    assert "De gemeente heeft 2 petten op" in response.content.decode()
    assert dismiss_url(coalition) not in response.content.decode()
    assert client.post(dismiss_url(coalition), {"reason": "x"}).status_code == 403


def test_read_only_members_may_not_see_or_dismiss_findings(reader_client, coalition, municipality):
    assert reader_client.get(findings_url(coalition)).status_code == 403
    response = reader_client.post(
        dismiss_url(coalition), {"subject": str(municipality.uuid), "reason": "Mag niet."}
    )
    assert response.status_code == 403
    assert reader_client.post(restore_url(coalition), {"subject": ""}).status_code == 403
    assert not Dismissal.objects.exists()


def test_outsiders_get_404(coalition, municipality):
    outsider = client_for(MembershipFactory(coordinator=True).user)
    assert outsider.get(findings_url(coalition)).status_code == 404
    response = outsider.post(
        dismiss_url(coalition), {"subject": str(municipality.uuid), "reason": "Van buiten."}
    )
    assert response.status_code == 404
    assert outsider.post(restore_url(coalition), {"subject": ""}).status_code == 404
    assert not Dismissal.objects.exists()


def test_dismissing_with_a_reason_redirects_with_a_message_and_lists_it_as_set_aside(
    coordinator_client, coalition, municipality
):
    response = coordinator_client.post(
        dismiss_url(coalition),
        {"subject": str(municipality.uuid), "reason": "Besproken op 12 maart."},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == findings_url(coalition) + "#terzijde"
    page = response.content.decode()
    assert "De bevinding ligt terzijde." in page
    assert "Besproken op 12 maart." in page
    assert "Speelt nog, niet sterker geworden" in page
    assert restore_url(coalition) in page
    assert AuditEvent.objects.filter(action="finding.dismissed").count() == 1


def test_an_empty_reason_is_refused_at_the_field(coordinator_client, coalition, municipality):
    response = coordinator_client.post(
        dismiss_url(coalition), {"subject": str(municipality.uuid), "reason": "  "}
    )
    assert response.status_code == 200
    page = response.content.decode()
    anchor = f"bevinding-{RULE}-{municipality.uuid}"
    assert f'id="id_{anchor}_reason_error"' in page
    assert "Geef een reden op, zodat anderen weten waarom deze bevinding terzijde ligt." in page
    assert 'aria-invalid="true"' in page
    assert " open>" in page  # the form stays unfolded
    assert not Dismissal.objects.exists()


def test_dismissing_a_finding_that_no_longer_occurs_says_so(coordinator_client, coalition):
    response = coordinator_client.post(
        dismiss_url(coalition), {"subject": "weg", "reason": "Te laat."}, follow=True
    )
    assert "speelt op dit moment niet" in response.content.decode()
    assert not Dismissal.objects.exists()


def test_an_unknown_rule_is_404(coordinator_client, coalition):
    response = coordinator_client.post(dismiss_url(coalition, "bestaat_niet"), {"reason": "x"})
    assert response.status_code == 404


def test_restore_puts_the_finding_back(coordinator_client, coalition, municipality):
    coordinator_client.post(
        dismiss_url(coalition), {"subject": str(municipality.uuid), "reason": "Later."}
    )
    response = coordinator_client.post(
        restore_url(coalition), {"subject": str(municipality.uuid)}, follow=True
    )
    page = response.content.decode()
    assert "De bevinding is teruggezet." in page
    assert "Er liggen geen bevindingen terzijde." in page
    assert not Dismissal.objects.exists()
    assert coordinator_client.post(restore_url(coalition), {"subject": "x"}).status_code == 404


def test_the_dashboard_loads_the_findings_card_after_the_page(
    coordinator_client, reader_client, coalition, municipality
):
    url = reverse("coalitions:dashboard", args=[coalition.uuid])
    summary = reverse("advice:summary", args=[coalition.uuid])
    page = coordinator_client.get(url).content.decode()
    assert f'hx-get="{summary}"' in page
    assert findings_url(coalition) in page  # the card works without JavaScript too
    card = coordinator_client.get(summary).content.decode()
    assert 'id="bevindingen-kop"' in card
    assert 1 <= card.count('class="samenspel-badge samenspel-badge--') <= 3
    assert summary not in reader_client.get(url).content.decode()
    assert reader_client.get(summary).status_code == 403
