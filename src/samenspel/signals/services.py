"""Write paths of signals: recording, consent, triage and handover, each step of the follow-up.

Every function runs in one transaction with its audit record; a step re-reads the signal under a
lock and checks the status it finds there, so two people acting at once cannot both move it.
Errors are Dutch `ValidationError`s keyed by field and leave nothing half-saved.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core import audit
from samenspel.core.tenancy import check_same_coalition
from samenspel.partners.models import PartnerKind
from samenspel.signals import feedback, workflow
from samenspel.signals.audit_actions import SignalAction
from samenspel.signals.models import (
    PERSONAL,
    Awareness,
    Consent,
    Decision,
    Handover,
    Purpose,
    Signal,
    SignalSettings,
    SourceKind,
    receipt_digest,
)
from samenspel.signals.workdays import add_working_days
from samenspel.signals.workflow import Outcome, Status

if TYPE_CHECKING:
    from samenspel.accounts.models import Membership, User
    from samenspel.activities.models import Activity
    from samenspel.coalitions.models import Coalition
    from samenspel.partners.models import Partner

NO_INTAKE = _(
    "Deze coalitie heeft nog geen intake-organisatie. Vraag de coördinator die te kiezen."
)
NOT_FOR_PARTNER = _("Alleen leden namens een partnerorganisatie leggen signalen vast.")
FOREIGN_PARTNER = _("Deze organisatie hoort niet bij deze coalitie.")
FOREIGN_NEIGHBOURHOOD = _("Deze wijk hoort niet bij deze coalitie.")
FOREIGN_ACTIVITY = _("Deze activiteit hoort niet bij het aanbod van deze coalitie.")
NO_CONSENT = _(
    "Overdragen kan alleen met toestemming van de inwoner voor overdracht, of met een "
    "vastgelegde reden waarom het zonder toestemming moet."
)
PAST_DATE = _("Deze datum ligt in het verleden.")
FUTURE_DATE = _("Deze datum ligt in de toekomst.")
NOT_NOW = _("Deze stap past niet bij de huidige status van het signaal (%(status)s).")
NEED_OUTCOME = _("Kies de uitkomst waarmee het signaal wordt afgesloten.")
NEED_REASON = _("Geef een reden waarom u de overdracht afwijst.")
NO_OPEN_HANDOVER = _("Over deze overdracht is al besloten.")
ALREADY_WITHDRAWN = _("Deze toestemming is al ingetrokken.")
NEED_PURPOSE = _("Kies waarvoor de inwoner toestemming gaf.")
NO_AGREEMENT = _("Toestemming vastleggen kan alleen als de inwoner ervan weet en het goedvindt.")
NEED_METHOD = _("Kies hoe de inwoner toestemming gaf.")
NEED_ACTIVITY = _("Kies de activiteit waarnaar u doorverwijst.")

SOURCE_OF_KIND: dict[str, SourceKind] = {
    PartnerKind.CARE_PROVIDERS: SourceKind.CARE,
    PartnerKind.WELFARE: SourceKind.WELFARE,
    PartnerKind.NEIGHBOURHOOD_TEAM: SourceKind.NEIGHBOURHOOD_TEAM,
    PartnerKind.RESIDENTS: SourceKind.RESIDENT,
}


# --- settings -----------------------------------------------------------------------------


def settings_of(coalition: Coalition) -> SignalSettings | None:
    return SignalSettings.objects.of_coalition(coalition).select_related("intake").first()


@transaction.atomic
def save_settings(coalition: Coalition, *, acting_user: User, **fields: Any) -> SignalSettings:
    check_same_coalition(coalition.pk, fields.get("intake"), "intake", FOREIGN_PARTNER)
    current = settings_of(coalition) or SignalSettings(coalition=coalition)
    return audit.save(
        current,
        fields,
        created=SignalAction.SETTINGS_SAVED,
        updated=SignalAction.SETTINGS_SAVED,
        acting_user=acting_user,
        coalition=coalition,
    )


# --- recording ----------------------------------------------------------------------------


def _stamp(signal: Signal, status: str, today: datetime.date) -> dict[str, Any]:
    """The values that put a signal in `status` from today, with its deadline."""
    return {
        "status": status,
        "status_since": today,
        "deadline": workflow.deadline(status, signal.urgency, today),
    }


def _check_signal(signal: Signal) -> None:
    for name in ("resident_name", "address", "phone", "how_to_reach", "situation"):
        setattr(signal, name, (getattr(signal, name) or "").strip())
    if signal.birth_date and signal.birth_date > timezone.localdate():
        raise ValidationError({"birth_date": FUTURE_DATE})
    signal.full_clean(exclude=["coalition", "holder", "intake"], validate_constraints=False)


@transaction.atomic
def record_signal(
    membership: Membership,
    *,
    acting_user: User,
    signs: Iterable[str] = (),
    consent_purposes: Iterable[str] = (),
    consent_method: str = "",
    **fields: Any,
) -> Signal:
    """A partner member records a worry; it goes to the coalition's intake organisation. When
    the resident agreed, the consent for each chosen purpose is recorded with it."""
    coalition = membership.coalition
    if membership.partner is None:
        raise ValidationError(NOT_FOR_PARTNER)
    setup = settings_of(coalition)
    if setup is None:
        raise ValidationError(NO_INTAKE)
    check_same_coalition(
        coalition.pk, fields.get("neighbourhood"), "neighbourhood", FOREIGN_NEIGHBOURHOOD
    )
    consent_purposes = list(consent_purposes)
    _check_consent_given(fields.get("awareness"), consent_purposes, consent_method)
    today = timezone.localdate()
    signal = Signal(
        coalition=coalition,
        holder=setup.intake,
        intake=setup.intake,
        recorded_by=acting_user,
        source_kind=SOURCE_OF_KIND.get(membership.partner.kind, SourceKind.OTHER_PARTNER),
        signs=",".join(signs),
        **fields,
    )
    for name, value in _stamp(signal, Status.RECEIVED, today).items():
        setattr(signal, name, value)
    audit.create(
        signal,
        action=SignalAction.SIGNAL_RECORDED,
        acting_user=acting_user,
        coalition=coalition,
        check=_check_signal,
    )
    for purpose in consent_purposes:
        record_consent(
            signal, acting_user=acting_user, purpose=purpose, method=consent_method, given_on=today
        )
    return signal


RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to mix up
RECEIPT_LENGTH = 10


def new_receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _n in range(RECEIPT_LENGTH))


@transaction.atomic
def report_via_meldpunt(
    setup: SignalSettings, *, signs: Iterable[str] = (), **fields: Any
) -> tuple[Signal, str]:
    """A resident shares a worry about a neighbour without an account: the signal goes to the
    intake organisation; the reporter gets a receipt code (stored only as its digest) with
    which to see the status."""
    coalition = setup.coalition
    check_same_coalition(
        coalition.pk, fields.get("neighbourhood"), "neighbourhood", FOREIGN_NEIGHBOURHOOD
    )
    code = new_receipt_code()
    signal = Signal(
        coalition=coalition,
        holder=setup.intake,
        intake=setup.intake,
        source_kind=SourceKind.RESIDENT,
        signs=",".join(signs),
        receipt_digest=receipt_digest(code),
        **fields,
    )
    for name, value in _stamp(signal, Status.RECEIVED, timezone.localdate()).items():
        setattr(signal, name, value)
    audit.create(
        signal,
        action=SignalAction.SIGNAL_RECORDED,
        acting_user=None,
        coalition=coalition,
        check=_check_signal,
    )
    return signal, code


# --- consent ------------------------------------------------------------------------------


def _check_consent_given(awareness: str | None, purposes: list[str], method: str) -> None:
    if awareness == Awareness.AGREES and not purposes:
        raise ValidationError({"consent_purposes": NEED_PURPOSE})
    if purposes and awareness != Awareness.AGREES:
        raise ValidationError({"awareness": NO_AGREEMENT})
    if purposes and not method:
        raise ValidationError({"consent_method": NEED_METHOD})


def _check_consent(consent: Consent) -> None:
    if consent.given_on and consent.given_on > timezone.localdate():
        raise ValidationError({"given_on": FUTURE_DATE})
    consent.full_clean(exclude=["signal", "obtained_by"])


@transaction.atomic
def record_consent(signal: Signal, *, acting_user: User, **fields: Any) -> Consent:
    return audit.create(
        Consent(signal=signal, obtained_by=acting_user, **fields),
        action=SignalAction.CONSENT_RECORDED,
        acting_user=acting_user,
        coalition=signal.coalition,
        check=_check_consent,
        subject=signal,
        context={"purpose": fields.get("purpose")},
    )


@transaction.atomic
def withdraw_consent(consent: Consent, *, acting_user: User) -> Consent:
    """Withdrawal stops the follow-up: the signal is closed and erased by the next daily run."""
    if consent.withdrawn_at is not None:
        raise ValidationError(ALREADY_WITHDRAWN)
    audit.update(
        consent,
        {"withdrawn_at": timezone.now()},
        action=SignalAction.CONSENT_WITHDRAWN,
        acting_user=acting_user,
        coalition=consent.signal.coalition,
        subject=consent.signal,
    )
    signal = _locked(consent.signal)
    if signal.status != Status.CLOSED:
        _move(signal, Status.CLOSED, acting_user=acting_user, outcome=Outcome.WITHDRAWN)
    return consent


def has_consent(signal: Signal, purpose: str) -> bool:
    return (
        Consent.objects.correlated()
        .filter(signal=signal, purpose=purpose, withdrawn_at__isnull=True)
        .exists()
    )


# --- the follow-up ------------------------------------------------------------------------


def _locked(signal: Signal) -> Signal:
    # The caller read the signal through `visible_to`; this re-reads that row by its key.
    return (
        Signal.objects.correlated()
        .select_related("coalition", "recorded_by")
        .select_for_update(of=("self",))
        .get(pk=signal.pk)
    )


def _refuse_unless(signal: Signal, allowed: Iterable[str]) -> None:
    if signal.status not in allowed:
        raise ValidationError(NOT_NOW % {"status": signal.get_status_display()})


def _move(signal: Signal, status: str, *, acting_user: User, **values: Any) -> Signal:
    old = signal.status
    now = timezone.now()
    values = {**_stamp(signal, status, timezone.localdate()), **values}
    if status == Status.CONTACT_MADE and signal.first_contact_at is None:
        values["first_contact_at"] = now
    if status == Status.CLOSED:
        values["closed_at"] = now
    audit.update(
        signal,
        values,
        action=SignalAction.SIGNAL_MOVED,
        acting_user=acting_user,
        coalition=signal.coalition,
        check=None,
    )
    feedback.tell_signaller(signal, old)
    return signal


@transaction.atomic
def move(
    signal: Signal, status: str, *, acting_user: User, outcome: str = "", **values: Any
) -> Signal:
    """One step chosen by the organisation that holds the signal (not handover or referral)."""
    current = _locked(signal)
    if status not in workflow.HOLDER_STEPS - {Status.REFERRED}:
        raise ValidationError({"status": NOT_NOW % {"status": current.get_status_display()}})
    if not workflow.can_follow(current.status, status):
        raise ValidationError({"status": NOT_NOW % {"status": current.get_status_display()}})
    if status == Status.CLOSED:
        if outcome not in Outcome.values:
            raise ValidationError({"outcome": NEED_OUTCOME})
        values["outcome"] = outcome
    return _move(current, status, acting_user=acting_user, **values)


@transaction.atomic
def refer(signal: Signal, activity: Activity | None, *, acting_user: User) -> Signal:
    """Refer the resident to an activity of the coalition's offer: the signal links the
    activity (`Activity.referrals`)."""
    current = _locked(signal)
    if activity is None:
        raise ValidationError({"activity": NEED_ACTIVITY})
    check_same_coalition(current.coalition_id, activity, "activity", FOREIGN_ACTIVITY)
    if not workflow.can_follow(current.status, Status.REFERRED):
        raise ValidationError(NOT_NOW % {"status": current.get_status_display()})
    return _move(current, Status.REFERRED, acting_user=acting_user, activity=activity)


@transaction.atomic
def hand_over(
    signal: Signal,
    to: Partner | None,
    *,
    acting_user: User,
    exception_reason: str = "",
    answer_by: datetime.date | None = None,
) -> Handover:
    """The intake organisation hands the signal to one handling organisation, which must answer
    by `answer_by` (default: the handover period in working days). The intake organisation may
    name itself when it makes contact itself (often the welfare organisation)."""
    current = _locked(signal)
    _refuse_unless(current, {Status.RECEIVED, Status.IN_TRIAGE})
    if to is None:
        raise ValidationError({"to": FOREIGN_PARTNER})
    check_same_coalition(current.coalition_id, to, "to", FOREIGN_PARTNER)
    today = timezone.localdate()
    if answer_by is not None and answer_by < today:
        raise ValidationError({"answer_by": PAST_DATE})
    exception_reason = exception_reason.strip()
    if not has_consent(current, Purpose.HANDOVER) and not exception_reason:
        raise ValidationError({"exception_reason": NO_CONSENT})
    if answer_by is None:
        answer_by = add_working_days(today, _handover_days(current))
    handover = audit.create(
        Handover(
            signal=current,
            to=to,
            handed_over_by=acting_user,
            exception_reason=exception_reason,
            answer_by=answer_by,
        ),
        action=SignalAction.SIGNAL_HANDED_OVER,
        acting_user=acting_user,
        coalition=current.coalition,
        subject=current,
    )
    _move(
        current,
        Status.HANDED_OVER,
        acting_user=acting_user,
        holder=to,
        handling=to,
        deadline=handover.answer_by,
    )
    return handover


def _handover_days(signal: Signal) -> int:
    days = workflow.period(Status.HANDED_OVER, signal.urgency)
    assert days is not None
    return days


@transaction.atomic
def decide(handover: Handover, *, accept: bool, acting_user: User, reason: str = "") -> Signal:
    """The handling organisation accepts, or declines with a reason: then the signal goes back
    to the intake organisation's triage."""
    current = _locked(handover.signal)
    open_handover = Handover.objects.correlated().select_for_update().get(pk=handover.pk)
    if open_handover.decision or current.status != Status.HANDED_OVER:
        raise ValidationError(NO_OPEN_HANDOVER)
    reason = reason.strip()
    if not accept and not reason:
        raise ValidationError({"reason": NEED_REASON})
    audit.update(
        open_handover,
        {
            "decision": Decision.ACCEPTED if accept else Decision.DECLINED,
            "decided_at": timezone.now(),
            "decline_reason": reason,
        },
        action=SignalAction.HANDOVER_DECIDED,
        acting_user=acting_user,
        coalition=current.coalition,
        subject=current,
        check=None,
    )
    if accept:
        return _move(current, Status.ACCEPTED, acting_user=acting_user)
    return _move(
        current, Status.IN_TRIAGE, acting_user=acting_user, holder=current.intake, handling=None
    )


# --- retention and rights ----------------------------------------------------------------


@transaction.atomic
def erase(signal: Signal, *, acting_user: User) -> Signal:
    """The resident asks for erasure: the follow-up stops and the data goes at once."""
    current = _locked(signal)
    if current.status != Status.CLOSED:
        _move(current, Status.CLOSED, acting_user=acting_user, outcome=Outcome.WITHDRAWN)
    return anonymise(current, acting_user=acting_user)


def anonymise(signal: Signal, *, acting_user: User | None) -> Signal:
    """Erase the signal's personal data for good; the figures keep what they need."""
    values: dict[str, Any] = dict.fromkeys(PERSONAL, "")
    values.update(birth_date=None, anonymised_at=timezone.now())
    audit.update(
        signal,
        values,
        action=SignalAction.SIGNAL_ANONYMISED,
        acting_user=acting_user,
        coalition=signal.coalition,
        check=None,
    )
    Handover.objects.correlated().filter(signal=signal).update(
        exception_reason="", decline_reason=""
    )
    return signal
