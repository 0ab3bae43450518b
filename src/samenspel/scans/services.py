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

from samenspel.core import audit
from samenspel.core.models import note_data_change
from samenspel.mail.models import MailKind
from samenspel.mail.outbox import queue_mail, site_link
from samenspel.scans.audit_actions import ScanAction
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
    unique = {contact.email.lower(): contact for contact in reachable}
    scan_round = audit.create(
        Round(
            coalition=coalition,
            instrument_key=instrument.key,
            instrument_version=instrument.version,
            title=title,
            anonymous=anonymous,
            closes_on=closes_on,
            created_by=acting_user,
        ),
        action=ScanAction.SCAN_ROUND_CREATED,
        acting_user=acting_user,
        coalition=coalition,
        check=None,  # checked above
        context={"respondents": len(unique)},
    )
    Respondent.objects.bulk_create(
        Respondent(round=scan_round, partner=c.partner, contact=c, name=c.name, email=email)
        for email, c in unique.items()
    )
    return scan_round


def _locked_status(scan_round: Round) -> str:
    """The round's status as saved, locked: two clicks on "open" must not invite twice."""
    return (
        Round.objects.of_coalition(scan_round.coalition_id)
        .select_for_update()
        .values_list("status", flat=True)
        .get(pk=scan_round.pk)
    )


def respondent_url(respondent: Respondent) -> str:
    return site_link(reverse("scans:answer", args=[respondent.link_token]))


def queue_invitation(respondent: Respondent, *, reminder: bool) -> None:
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
    current = _locked_status(scan_round)
    if current != RoundStatus.DRAFT or scan_round.status != RoundStatus.DRAFT:
        raise ValidationError(_("Deze ronde is al geopend."))
    if scan_round.closes_on <= timezone.localdate():
        raise ValidationError(
            {"closes_on": _("De sluitdatum is al voorbij; kies een latere datum.")}
        )
    now = timezone.now()
    respondents = list(scan_round.respondents.select_related("round__coalition"))
    audit.update(
        scan_round,
        {"status": RoundStatus.OPEN, "opened_at": now},
        action=ScanAction.SCAN_ROUND_OPENED,
        acting_user=acting_user,
        coalition=scan_round.coalition,
        check=None,
        context={"invited": len(respondents)},
    )
    scan_round.respondents.update(invited_at=now)
    for respondent in respondents:
        queue_invitation(respondent, reminder=False)
    return scan_round


@transaction.atomic
def close_round(scan_round: Round, *, acting_user: User | None) -> Round:
    if _locked_status(scan_round) == RoundStatus.CLOSED:
        raise ValidationError(_("Deze ronde is al gesloten."))
    audit.update(
        scan_round,
        {"status": RoundStatus.CLOSED, "closed_at": timezone.now()},
        action=ScanAction.SCAN_ROUND_CLOSED,
        acting_user=acting_user,
        coalition=scan_round.coalition,
        check=None,
    )
    # Unfinished drafts are not counted and their keys are useless from now on.
    scan_round.responses.filter(status=ResponseStatus.DRAFT).delete()
    return scan_round


def answer_problem(respondent: Respondent) -> str | None:
    """Why this link can no longer be used, in Dutch; None when it can."""
    if respondent.responded:
        return _("U heeft deze vragenlijst al ingevuld. Dank u wel!")
    if not respondent.round.is_accepting_answers:
        return _("Deze ronde is gesloten; antwoorden kan niet meer.")
    return None


def find_response(respondent: Respondent, link: str) -> Response | None:
    if respondent.round.anonymous:
        responses = Response.objects.of_coalition(respondent.round.coalition_id)
        return responses.filter(draft_key=draft_key(link), round=respondent.round).first()
    responses = Response.objects.of_coalition(respondent.round.coalition_id)
    return responses.filter(respondent=respondent).first()


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
        Respondent.objects.of_coalition(respondent.round.coalition_id)
        .select_for_update(of=("self",))
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
        # An answer writes no audit record (it comes through a personal link), yet it changes
        # the coalition's results.
        note_data_change(scan_round.coalition_id)
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
