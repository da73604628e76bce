"""What behaviour support holds about a person: every version of their Positive Behaviour Support
plan and the incidents recorded, with the restrictive practices used; in the subject access pack,
and as FHIR:

- the latest PBS plan as a UK Core CarePlan (category "Positive Behaviour Support plan"), its
  period from the date agreed to the next review, each part of the plan a note;
- each incident as a UK Core Observation (code "Incident of behaviour of concern", its time the
  incident's, its value the severity from 1 to 5), the ABC account, setting and injuries as
  components, and each restrictive practice a component whose value is its duration in minutes.
  UK Core has no AdverseEvent profile, and an incident of behaviour is an observation of the
  person rather than an event caused by their care."""

from django.utils import timezone

from keywork.behavioursupport import person_page
from keywork.behavioursupport.models import PbsPlan
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section

PLAN_PARTS = (
    ("Settings where the behaviour happens", "behaviour_settings"),
    ("Triggers", "triggers"),
    ("Functions of the behaviour", "functions"),
    ("Proactive strategies", "proactive_strategies"),
    ("Early warning signs", "early_warning_signs"),
    ("Reactive strategies", "reactive_strategies"),
    ("Support after an incident", "post_incident_support"),
)
UCUM = "http://unitsofmeasure.org"


def practices_text(incident) -> str:
    return ", ".join(f"{p.get_practice_display()} ({p.minutes} minutes)" for p in incident.practices.all())


def pack(person) -> list[Section]:
    return [
        section(
            "Positive Behaviour Support plans (every version)",
            person.pbs_plans.select_related("saved_by").order_by("version"),
            [
                Column("Version", "version"),
                Column("Saved", "saved_at"),
                *[Column(label, name) for label, name in PLAN_PARTS],
                Column("Written by", "written_by", about_others=True),
                Column("Agreed with", "agreed_with", about_others=True),
                Column("Agreed", "agreed_on"),
                Column("Next review", "review_on"),
                Column("Saved by", "saved_by", about_others=True),
            ],
        ),
        section(
            "Incidents of behaviour of concern",
            person.incidents.prefetch_related("practices").order_by("occurred_at", "id"),
            [
                Column("Date and time", "occurred_at"),
                Column("Where", "setting"),
                Column("Before (antecedent)", "antecedent", about_others=True),
                Column("Behaviour", "behaviour"),
                Column("After (consequence)", "consequence", about_others=True),
                Column("Severity (1 to 5)", "severity"),
                Column("Injuries", "injury"),
                Column("Injury details", "injury_details", about_others=True),
                Column("PRN medication given", "prn_given"),
                Column(
                    "Restrictive practices used",
                    practices_text,
                    covers=tuple(f"behavioursupport.RestrictivePractice.{name}" for name in ("practice", "minutes")),
                ),
            ],
        ),
    ]


def fhir(record: FhirRecord) -> None:
    plan = PbsPlan.objects.filter(person=record.person).order_by("-version").first()
    if plan is not None:
        record.add(care_plan(plan, record.subject))
    incidents = record.person.incidents.prefetch_related("practices")
    record.add(*[observation(incident, record.subject) for incident in incidents])


def care_plan(plan, subject: dict) -> dict:
    return without_empty(
        {
            "resourceType": "CarePlan",
            "id": resource_id("CarePlan/pbs", plan.pk),
            "meta": {"profile": [UK_CORE + "UKCore-CarePlan"]},
            "status": "active",
            "intent": "plan",
            "category": [{"text": "Positive Behaviour Support plan"}],
            "title": f"Positive Behaviour Support plan, version {plan.version}",
            "subject": reference(subject),
            "period": {"start": date(plan.agreed_on), "end": date(plan.review_on)},
            "author": {"display": plan.written_by},
            "contributor": [{"display": plan.agreed_with}],
            "note": [{"text": f"{label}: {getattr(plan, name)}"} for label, name in PLAN_PARTS],
        }
    )


def observation(incident, subject: dict) -> dict:
    def part(text: str, value: str) -> dict:
        return {"code": {"text": text}, "valueString": value}

    components = [
        part("Setting", incident.get_setting_display()),
        part("Antecedent", incident.antecedent),
        part("Behaviour", incident.behaviour),
        part("Consequence", incident.consequence),
        part("Injuries", ": ".join(filter(None, [incident.get_injury_display(), incident.injury_details]))),
    ]
    components += [
        {
            "code": {"text": f"Restrictive practice: {practice.get_practice_display()}"},
            "valueQuantity": {"value": practice.minutes, "unit": "minutes", "system": UCUM, "code": "min"},
        }
        for practice in incident.practices.all()
    ]
    return {
        "resourceType": "Observation",
        "id": resource_id("Observation/incident", incident.pk),
        "meta": {"profile": [UK_CORE + "UKCore-Observation"]},
        "status": "final",
        "code": {"text": "Incident of behaviour of concern"},
        "subject": reference(subject),
        "effectiveDateTime": timezone.localtime(incident.occurred_at).isoformat(),
        "valueInteger": incident.severity,
        "note": [{"text": "The value is the severity, from 1 (mild) to 5 (severe)"}],
        "component": components,
    }


PART = Part(
    "behavioursupport",
    page_sections=(PageSection("plans", person_page.behaviour_support_section),),
    alerts=(person_page.alerts,),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    left_out={"behavioursupport.RestrictivePractice.incident": "the incident's own row of the pack, which lists it"},
)
