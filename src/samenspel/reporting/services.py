"""Write paths of reporting: the coalition's comment on an indicator and the advisor's note, each
validated and saved with its audit record in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core import audit
from samenspel.reporting.audit_actions import ReportingAction
from samenspel.reporting.models import (
    ALREADY_MEASURED,
    AdvisorNote,
    IndicatorNote,
    OutcomeMeasurement,
    Publication,
    ReportSection,
)

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

NOTE_FIELDS = ("text",)
SAVED_AT_ONCE = _(
    "Iemand anders sloeg deze tekst net tegelijk met u op. Open de pagina opnieuw en voeg uw "
    "tekst toe aan de zijne."
)


def _check(note: IndicatorNote | AdvisorNote | Publication) -> None:
    if not isinstance(note, Publication):
        note.text = (note.text or "").strip()
    note.full_clean(exclude=["coalition", "updated_by"])


def _save(
    note: IndicatorNote | AdvisorNote | Publication,
    fields: dict[str, Any],
    *,
    created: str,
    updated: str,
    acting_user: User,
) -> Any:
    try:
        with transaction.atomic():
            return audit.save(
                note,
                {**fields, "updated_by": acting_user},
                created=created,
                updated=updated,
                acting_user=acting_user,
                coalition=note.coalition,
                check=_check,
            )
    except IntegrityError as error:  # a second person created the same note at the same time
        raise ValidationError({"text": SAVED_AT_ONCE}) from error


def save_indicator_note(
    coalition: Coalition, indicator: str, *, acting_user: User, **fields: Any
) -> IndicatorNote:
    note = IndicatorNote.objects.of_coalition(coalition).filter(indicator=indicator).first()
    note = note or IndicatorNote(coalition=coalition, indicator=indicator)
    return _save(
        note,
        fields,
        created=ReportingAction.INDICATOR_NOTE_SAVED,
        updated=ReportingAction.INDICATOR_NOTE_UPDATED,
        acting_user=acting_user,
    )


def save_advisor_note(coalition: Coalition, *, acting_user: User, **fields: Any) -> AdvisorNote:
    note = AdvisorNote.objects.of_coalition(coalition).first() or AdvisorNote(coalition=coalition)
    return _save(
        note,
        fields,
        created=ReportingAction.ADVISOR_NOTE_SAVED,
        updated=ReportingAction.ADVISOR_NOTE_UPDATED,
        acting_user=acting_user,
    )


OUTCOME_FIELDS = (
    "activity",
    "moment",
    "measured_on",
    "not_lonely",
    "moderately",
    "severely",
    "very_severely",
)


def _check_outcome(measurement: OutcomeMeasurement) -> None:
    measurement.full_clean()
    errors = {}
    if measurement.measured_on > timezone.localdate():
        errors["measured_on"] = _("Een meting ligt niet in de toekomst.")
    if sum(measurement.counts) == 0:
        errors["not_lonely"] = _("Vul het aantal deelnemers per groep in; samen meer dan nul.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_outcome(coalition: Coalition, *, acting_user: User, **fields: Any) -> OutcomeMeasurement:
    """Records the counts per band of one measurement of an activity of this coalition."""
    activity = fields["activity"]
    if activity.coalition_id != coalition.pk:
        raise ValidationError({"activity": _("Kies een activiteit van deze coalitie.")})
    try:
        with transaction.atomic():
            return audit.create(
                OutcomeMeasurement(**fields, recorded_by=acting_user),
                action=ReportingAction.OUTCOME_RECORDED,
                acting_user=acting_user,
                coalition=coalition,
                check=_check_outcome,
            )
    except IntegrityError as error:
        raise ValidationError({"measured_on": ALREADY_MEASURED}) from error


SECTION_FIELDS = ("conclusions", "next_steps")


def _check_section(section: ReportSection) -> None:
    section.conclusions = (section.conclusions or "").strip()
    section.next_steps = (section.next_steps or "").strip()
    section.full_clean(exclude=["coalition", "updated_by"])


def save_report_section(
    coalition: Coalition, year: int, pillar: str, *, acting_user: User, **fields: Any
) -> ReportSection:
    section = ReportSection.objects.of_coalition(coalition).filter(year=year, pillar=pillar).first()
    section = section or ReportSection(coalition=coalition, year=year, pillar=pillar)
    try:
        with transaction.atomic():
            return audit.save(
                section,
                {**fields, "updated_by": acting_user},
                created=ReportingAction.REPORT_SECTION_SAVED,
                updated=ReportingAction.REPORT_SECTION_UPDATED,
                acting_user=acting_user,
                coalition=coalition,
                check=_check_section,
            )
    except IntegrityError as error:
        raise ValidationError({"conclusions": SAVED_AT_ONCE}) from error


def set_publication(coalition: Coalition, *, acting_user: User, publish: bool) -> Publication:
    """Turns the coalition's public figures on or off."""
    publication = Publication.objects.of_coalition(coalition).first() or Publication(
        coalition=coalition
    )
    return _save(
        publication,
        {"publish": publish},
        created=ReportingAction.PUBLICATION_CHANGED,
        updated=ReportingAction.PUBLICATION_CHANGED,
        acting_user=acting_user,
    )
