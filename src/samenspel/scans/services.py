"""Write paths of scan rounds: create, open (invite), remind, answer, close."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from samenspel.core import audit
from samenspel.mail.models import MailKind
from samenspel.mail.outbox import queue_mail, site_link
from samenspel.scans.instruments import get_instrument, validate_answers
from samenspel.scans.models import (
    Respondent,
    Response,
    ResponseStatus,
    Round,
    RoundStatus,
    draft_key,
)

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition
    from samenspel.partners.models import ContactPerson

audit.register_actions(
    {
        "scan_round.created": _lazy("Scanronde aangemaakt"),
        "scan_round.opened": _lazy("Scanronde geopend en uitnodigingen verstuurd"),
        "scan_round.closed": _lazy("Scanronde gesloten"),
        "scan_round.reminded": _lazy("Herinneringen verstuurd"),
    }
)

REMIND_AFTER_DAYS = 5
REMIND_BEFORE_CLOSING_DAYS = 2


@transaction.atomic
def create_round(
    coalition: Coalition,
    *,
    acting_user: User,
    instrument_key: str,
    title: str,
    anonymous: bool,
    closes_on: datetime.date,
    contacts: Sequence[ContactPerson],
) -> Round:
    errors: dict[str, str] = {}
    try:
        instrument = get_instrument(instrument_key)
    except KeyError:
        errors["instrument_key"] = _("Deze vragenlijst bestaat niet.")
    if closes_on <= timezone.localdate():
        errors["closes_on"] = _("Kies een sluitdatum na vandaag.")
    reachable = [c for c in contacts if c.email and c.partner.coalition_id == coalition.pk]
    if not reachable:
        errors["contacts"] = _("Kies ten minste één contactpersoon met een e-mailadres.")
    if errors:
        raise ValidationError(errors)
    scan_round = Round.objects.create(
        coalition=coalition,
        instrument_key=instrument.key,
        instrument_version=instrument.version,
        title=title,
        anonymous=anonymous,
        closes_on=closes_on,
        created_by=acting_user,
    )
    unique = {contact.email.lower(): contact for contact in reachable}
    Respondent.objects.bulk_create(
        Respondent(round=scan_round, partner=c.partner, contact=c, name=c.name, email=email)
        for email, c in unique.items()
    )
    audit.record(
        "scan_round.created",
        scan_round,
        acting_user=acting_user,
        coalition=coalition,
        changes={"instrument": instrument.key, "anonymous": anonymous, "respondents": len(unique)},
    )
    return scan_round


def respondent_url(respondent: Respondent) -> str:
    return site_link(reverse("scans:answer", args=[respondent.link_token]))


def _queue_mail(respondent: Respondent, *, reminder: bool) -> None:
    """The personal link to the questionnaire, in the outbox of the caller's transaction."""
    instrument = get_instrument(
        respondent.round.instrument_key, respondent.round.instrument_version
    )
    context = {
        "respondent": respondent,
        "round": respondent.round,
        "coalition": respondent.round.coalition,
        "instrument": instrument,
        "url": respondent_url(respondent),
        "reminder": reminder,
    }
    queue_mail(
        to=respondent.email,
        subject=render_to_string("scans/email/invitation_subject.txt", context),
        body=render_to_string("scans/email/invitation_body.txt", context),
        kind=MailKind.SCAN_REMINDER if reminder else MailKind.SCAN_INVITATION,
        coalition=respondent.round.coalition,
    )


@transaction.atomic
def open_round(scan_round: Round, *, acting_user: User) -> Round:
    # Lock the row: two clicks on "open" must not send every invitation twice.
    current = (
        Round.objects.of_coalition(scan_round.coalition_id)
        .select_for_update()
        .only("status")
        .get(pk=scan_round.pk)
    )
    if current.status != RoundStatus.DRAFT or scan_round.status != RoundStatus.DRAFT:
        raise ValidationError(_("Deze ronde is al geopend."))
    if scan_round.closes_on <= timezone.localdate():
        raise ValidationError(
            {"closes_on": _("De sluitdatum is al voorbij; kies een latere datum.")}
        )
    now = timezone.now()
    scan_round.status, scan_round.opened_at = RoundStatus.OPEN, now
    scan_round.save(update_fields=["status", "opened_at"])
    respondents = list(scan_round.respondents.select_related("round__coalition"))
    scan_round.respondents.update(invited_at=now)
    for respondent in respondents:
        _queue_mail(respondent, reminder=False)
    audit.record(
        "scan_round.opened",
        scan_round,
        acting_user=acting_user,
        coalition=scan_round.coalition,
        changes={"invited": len(respondents)},
    )
    return scan_round


@transaction.atomic
def close_round(scan_round: Round, *, acting_user: User | None) -> Round:
    current = Round.objects.select_for_update().only("status").get(pk=scan_round.pk)
    if current.status == RoundStatus.CLOSED:
        raise ValidationError(_("Deze ronde is al gesloten."))
    scan_round.status, scan_round.closed_at = RoundStatus.CLOSED, timezone.now()
    scan_round.save(update_fields=["status", "closed_at"])
    # Unfinished drafts are not counted and their keys are useless from now on.
    scan_round.responses.filter(status=ResponseStatus.DRAFT).delete()
    audit.record(
        "scan_round.closed", scan_round, acting_user=acting_user, coalition=scan_round.coalition
    )
    return scan_round


def close_expired_rounds(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    expired = list(
        Round.objects.filter(status=RoundStatus.OPEN, closes_on__lt=today).select_related(
            "coalition"
        )
    )
    closed = 0
    for scan_round in expired:
        try:
            close_round(scan_round, acting_user=None)
        except ValidationError:  # closed by hand in the meantime
            continue
        closed += 1
    return closed


@transaction.atomic
def send_reminders(*, today: datetime.date | None = None) -> int:
    """One reminder per respondent who has not answered: after a few days, or just before closing."""
    today = today or timezone.localdate()
    due = (
        Respondent.objects.across_coalitions()
        .select_related("round__coalition")
        .filter(
            round__status=RoundStatus.OPEN,
            round__closes_on__gte=today,
            responded=False,
            reminded_at__isnull=True,
            invited_at__isnull=False,
        )
        .select_for_update(of=("self",))
    )
    sent = 0
    now = timezone.now()
    for respondent in due:
        days_open = (today - timezone.localdate(respondent.invited_at)).days
        closing_soon = (respondent.round.closes_on - today).days <= REMIND_BEFORE_CLOSING_DAYS
        # Never on the day of the invitation itself, even when the round closes soon.
        if days_open >= 1 and (days_open >= REMIND_AFTER_DAYS or closing_soon):
            respondent.reminded_at = now
            respondent.save(update_fields=["reminded_at"])
            _queue_mail(respondent, reminder=True)
            sent += 1
    return sent


def answer_problem(respondent: Respondent) -> str | None:
    """Why this link can no longer be used, in Dutch; None when it can."""
    if respondent.responded:
        return _("U heeft deze vragenlijst al ingevuld. Dank u wel!")
    if not respondent.round.is_accepting_answers:
        return _("Deze ronde is gesloten; antwoorden kan niet meer.")
    return None


def find_response(respondent: Respondent, link: str) -> Response | None:
    if respondent.round.anonymous:
        return Response.objects.filter(draft_key=draft_key(link), round=respondent.round).first()
    return Response.objects.filter(respondent=respondent).first()


@transaction.atomic
def save_answers(
    respondent: Respondent,
    link: str,
    *,
    answers: Mapping[str, Any],
    instrument_version: int,
    submit: bool,
) -> Response:
    """Keep a draft, or submit. Only a complete, valid questionnaire counts."""
    respondent = (
        Respondent.objects.select_for_update()
        .select_related("round", "partner")
        .get(pk=respondent.pk)
    )
    problem = answer_problem(respondent)
    if problem:
        raise ValidationError(problem)
    scan_round = respondent.round
    if instrument_version != scan_round.instrument_version:
        raise ValidationError(
            _(
                "Deze vragenlijst is intussen gewijzigd. Open de link opnieuw om de juiste versie te zien."
            )
        )
    instrument = get_instrument(scan_round.instrument_key, scan_round.instrument_version)
    errors = validate_answers(instrument, answers, complete=submit)
    if errors:
        raise ValidationError(errors)
    response = find_response(respondent, link) or _new_response(respondent, link)
    response.answers = dict(answers)
    if submit:
        response.status, response.submitted_on, response.draft_key = (
            ResponseStatus.SUBMITTED,
            timezone.localdate(),
            None,
        )
        respondent.responded = True
        respondent.save(update_fields=["responded"])
    response.save()
    return response


def _new_response(respondent: Respondent, link: str) -> Response:
    scan_round = respondent.round
    named = not scan_round.anonymous
    return Response(
        round=scan_round,
        instrument_version=scan_round.instrument_version,
        respondent=respondent if named else None,
        partner=respondent.partner if named else None,
        partner_kind=respondent.partner.kind,
        circle=respondent.partner.circle,
        draft_key=None if named else draft_key(link),
    )
