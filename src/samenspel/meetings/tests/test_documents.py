"""Agenda and minutes: as a PDF, and by e-mail to the participants through the outbox."""

import pytest
from django.test import override_settings
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.models import AuditEvent
from samenspel.core.testing import pdf_text
from samenspel.mail.models import MailAttachment, MailKind, OutgoingMail
from samenspel.mail.tests.smtp import MailServer, smtp_settings
from samenspel.meetings import services
from samenspel.meetings.models import AgendaItem
from samenspel.meetings.tests.factories import ActionItemFactory, BodyFactory, MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(coalition, coordinator):
    meeting = MeetingFactory(coalition=coalition, title="Kerngroep mei", minutes="Goed gesprek.")
    AgendaItem.objects.create(meeting=meeting, title="Opening", notes="Eerste regel\nTweede")
    AgendaItem.objects.create(meeting=meeting, title="Wandelgroep")
    partner = PartnerFactory(coalition=coalition, name="Bibliotheek")
    services.set_attendance(
        meeting, acting_user=coordinator.user, partner=partner, status="present"
    )
    services.record_decision(meeting, acting_user=coordinator.user, text="We starten in juni.")
    ActionItemFactory(meeting=meeting, text="Flyers drukken")
    return meeting


def pdf_url(meeting, document):
    return reverse("meetings:document_pdf", args=[meeting.coalition.uuid, meeting.uuid, document])


def send_url(meeting, document):
    return reverse("meetings:document_send", args=[meeting.coalition.uuid, meeting.uuid, document])


@pytest.mark.parametrize(
    ("document", "filename", "expected"),
    [
        ("agenda", "agenda-kerngroep-mei-2027-01-14.pdf", [b"(Agenda: Kerngroep mei)"]),
        (
            "verslag",
            "verslag-kerngroep-mei-2027-01-14.pdf",
            [b"(Verslag: Kerngroep mei)", b"(Besluiten)", b"(Actiepunten)"],
        ),
    ],
)
def test_agenda_and_minutes_are_accessible_pdfs(
    reader_client, meeting, document, filename, expected
):
    response = reader_client.get(pdf_url(meeting, document))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    text = pdf_text(response.content)
    for part in expected:
        assert part in text  # headings become the PDF's bookmarks
    assert b"/StructTreeRoot" in text


def test_an_unknown_document_and_an_outsider_get_404(coordinator_client, meeting):
    assert coordinator_client.get(pdf_url(meeting, "notulen")).status_code == 404
    outsider = client_for(MembershipFactory(coordinator=True).user)
    assert outsider.get(pdf_url(meeting, "agenda")).status_code == 404
    assert outsider.get(send_url(meeting, "agenda")).status_code == 404


def test_the_minutes_go_to_every_member_of_a_meeting_without_a_body(
    coordinator_client,
    coordinator,
    coalition,
    meeting,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    member = MembershipFactory(coalition=coalition, partner_member=True)
    MembershipFactory(coalition=coalition, read_only=True, user__is_active=False)
    confirm = coordinator_client.get(send_url(meeting, "verslag"))
    assert "2 deelnemers krijgen de tekst in de e-mail" in confirm.content.decode()
    assert OutgoingMail.objects.count() == 0  # nothing before the confirmation

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(send_url(meeting, "verslag"))
    assert response.status_code == 302
    rows = OutgoingMail.objects.filter(kind=MailKind.MEETING_DOCUMENT)
    assert sorted(rows.values_list("recipient", flat=True)) == sorted(
        [coordinator.user.email, member.user.email]
    )
    assert len(mailoutbox) == 2  # delivered by the task after the commit
    mail = mailoutbox[0]
    assert mail.subject == "Verslag: Kerngroep mei (14 januari 2027)"
    assert "1. We starten in juni." in mail.body
    assert "- Bibliotheek: aanwezig" in mail.body
    assert "Flyers drukken" in mail.body
    assert f"https://samenspel.test/c/{coalition.uuid}/overleg/{meeting.uuid}/" in mail.body
    event = AuditEvent.objects.get(action="meeting.document_sent")
    assert event.changes["context"] == {"document": "verslag", "recipients": 2}


def test_the_smtp_message_carries_the_pdf_and_the_file_is_let_go_after_delivery(
    coordinator_client, coordinator, meeting, django_capture_on_commit_callbacks
):
    server = MailServer()
    server.start()
    try:
        with (
            override_settings(**smtp_settings(server)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            coordinator_client.post(send_url(meeting, "verslag"))
    finally:
        server.stop()
    [message] = server.inbox.to(coordinator.user.email)
    assert (
        "De PDF om af te drukken zit als bijlage bij deze e-mail."
        in message.get_body(("plain",)).get_content()
    )
    [pdf] = message.iter_attachments()
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == "verslag-kerngroep-mei-2027-01-14.pdf"
    content = pdf.get_content()
    assert content.startswith(b"%PDF")
    assert b"(Verslag: Kerngroep mei)" in pdf_text(content)
    assert not MailAttachment.objects.of_coalition(meeting.coalition).exists()


def test_the_agenda_of_a_body_goes_to_its_partners_and_the_coordinators(
    coordinator_client,
    coordinator,
    coalition,
    meeting,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    at_table, elsewhere = PartnerFactory(coalition=coalition), PartnerFactory(coalition=coalition)
    body = BodyFactory(coalition=coalition)
    body.members.set([at_table])
    meeting.body = body
    meeting.save()
    invited = MembershipFactory(coalition=coalition, partner_member=True, partner=at_table)
    MembershipFactory(coalition=coalition, partner_member=True, partner=elsewhere)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(send_url(meeting, "agenda"))
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [coordinator.user.email, invited.user.email]
    )
    assert "1. Opening\n   Eerste regel\nTweede" in mailoutbox[0].body


def test_readers_may_print_but_not_send(reader_client, meeting):
    assert reader_client.get(send_url(meeting, "agenda")).status_code == 403
    assert reader_client.post(send_url(meeting, "agenda")).status_code == 403
    assert OutgoingMail.objects.count() == 0
