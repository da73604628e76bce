"""What inpatient care adds to a person's record: their admissions, the inpatient alert in their
summary, and events on the timeline."""

from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission
from keywork.inpatient.models import was_in_hospital
from keywork.inpatient.schedule import schedule_for
from keywork.personrecord import Alert
from keywork.register.timeline import Event
from keywork.reviews.rules import had_community_review_before


def inpatient_section(request, person) -> str:
    today = timezone.localdate()
    admissions = list(person.admissions.prefetch_related("legal_status_changes"))
    current = next((a for a in admissions if was_in_hospital(a.admitted_on, a.discharged_on, today)), None)
    context = {
        "person": person,
        "current": current,
        "past": [a for a in admissions if a is not current],
        "schedule": schedule_for(current, person.service, today) if current else None,
        "not_reviewed_before": {a.pk for a in admissions if not had_community_review_before(a)},
        "legal_status": current.legal_status_on(today) if current else None,
        "may_record": has_permission(request.user, Permission.RECORD_ADMISSION),
        "today": today,
    }
    return render_to_string("inpatient/person_section.jinja", context, request)


def alerts(request, person) -> list[Alert]:
    today = timezone.localdate()
    in_hospital = person.admissions.in_hospital_on(today).exists()
    return [Alert("Inpatient", "blue")] if in_hospital else []


ADMISSIONS = "Hospital admissions"


def timeline_events(request, person) -> list[Event]:
    events = []
    for admission in person.admissions.prefetch_related("legal_status_changes__recorded_by"):
        events.append(
            Event(
                admission.admitted_on,
                f"Admitted to {admission.hospital}",
                f"{admission.unit} ({admission.get_unit_type_display()}), {admission.distance_miles} miles from home",
                "",
                kind=ADMISSIONS,
            )
        )
        for change in admission.legal_status_changes.all():
            title = f"Legal status: {change.get_status_display()}"
            events.append(Event(change.effective_on, title, "", "", kind=ADMISSIONS))
        if admission.discharged_on:
            events.append(
                Event(
                    admission.discharged_on,
                    f"Discharged from {admission.hospital}",
                    f"To {admission.discharge_destination}. {admission.delay_reasons}".strip(),
                    "",
                    kind=ADMISSIONS,
                )
            )
    return events
