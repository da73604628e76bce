"""Synthetic education records for the demo: every school and story is made up.

Each person has their EHCP recorded (half have a plan, issued up to two years ago, a few with
annual reviews overdue), a current setting and for some an earlier one, and a few have exclusions,
part-time timetables or attendance concerns."""

import datetime
import random

from django.utils import timezone

from keywork.education.choices import Area, EhcpStatus, EventKind, SettingType
from keywork.education.models import EducationEvent, EducationSetting, Ehcp
from keywork.education.rules import annual_review_due_after

SCHOOLS = {
    SettingType.MAINSTREAM: ["Elm Park Academy", "St Anne's CE Primary", "Riverside College"],
    SettingType.SPECIAL: ["Oak Tree School", "Meadow View Special School"],
    SettingType.INDEPENDENT_SPECIAL: ["Harbour House School"],
    SettingType.RESIDENTIAL_38_WEEK: ["Hillside Residential School"],
    SettingType.RESIDENTIAL_52_WEEK: ["Fairfield Residential College"],
    SettingType.ALTERNATIVE_PROVISION: ["The Bridge Learning Centre"],
}
OUT_OF_AREA = {SettingType.INDEPENDENT_SPECIAL, SettingType.RESIDENTIAL_38_WEEK, SettingType.RESIDENTIAL_52_WEEK}


def seed_education(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service's people already have EHCPs recorded, so the demo can run again."""
    if Ehcp.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"education-{service.slug}-{seed}")
    today = timezone.localdate()
    by = users["coordinator"]
    for person in service.people.all():
        Ehcp.objects.create(recorded_by=by, **ehcp_for(person, rng, today))
        for setting in settings_for(person, rng, today):
            EducationSetting.objects.create(person=person, recorded_by=by, **setting)
        if rng.random() < 0.25:
            EducationEvent.objects.create(person=person, recorded_by=by, **event_for(person, rng, today))


def ehcp_for(person, rng, today) -> dict:
    status = rng.choice([EhcpStatus.YES, EhcpStatus.YES, EhcpStatus.NO, EhcpStatus.IN_ASSESSMENT])
    if status != EhcpStatus.YES:
        return {"person": person, "status": status}
    issued = max(
        person.date_of_birth + datetime.timedelta(days=4 * 365), today - datetime.timedelta(rng.randint(60, 700))
    )
    # A few reviews slipped past their date, as in life; most are due in the coming year.
    due = today - datetime.timedelta(rng.randint(1, 60)) if rng.random() < 0.15 else None
    if due is not None and due <= issued:
        due = None
    return {
        "person": person,
        "status": EhcpStatus.YES,
        "issued_on": issued,
        "local_authority": person.local_authority,
        "next_annual_review_due": due or _a_year_on_until_after(issued, today),
    }


def _a_year_on_until_after(issued, today) -> datetime.date:
    due = annual_review_due_after(issued)
    while due <= today:
        due = annual_review_due_after(due)
    return due


def settings_for(person, rng, today) -> list[dict]:
    """The current setting, and for a third of people the one before it."""
    school_age = person.date_of_birth + datetime.timedelta(days=5 * 365)
    started = max(school_age, today - datetime.timedelta(rng.randint(90, 900)))
    if started >= today:
        return []
    kind = rng.choice(list(SCHOOLS) + [SettingType.NOT_IN_EDUCATION])
    settings = [_setting(kind, rng, started, None)]
    before = started - datetime.timedelta(rng.randint(300, 900))
    if rng.random() < 0.33 and before > school_age:
        settings.append(_setting(SettingType.MAINSTREAM, rng, before, started - datetime.timedelta(days=1)))
    return settings


def _setting(kind, rng, starts_on, ends_on) -> dict:
    away = kind in OUT_OF_AREA
    return {
        "setting_type": kind,
        "name": rng.choice(SCHOOLS[kind]) if kind in SCHOOLS else "",
        "area": Area.OUT_OF_AREA if away else Area.IN_AREA,
        "distance_miles": rng.randint(25, 140) if away else rng.randint(1, 12),
        "starts_on": starts_on,
        "ends_on": ends_on,
    }


def event_for(person, rng, today) -> dict:
    kind = rng.choice([EventKind.FIXED_TERM_EXCLUSION, EventKind.PART_TIME_TIMETABLE, EventKind.ATTENDANCE_CONCERN])
    starts = max(
        person.date_of_birth + datetime.timedelta(days=6 * 365), today - datetime.timedelta(rng.randint(10, 200))
    )
    ends = starts + datetime.timedelta(rng.randint(2, 40)) if kind != EventKind.ATTENDANCE_CONCERN else None
    notes = {
        EventKind.FIXED_TERM_EXCLUSION: "Suspended after an incident in the playground; reintegration meeting held",
        EventKind.PART_TIME_TIMETABLE: "Mornings only while sensory support is arranged",
        EventKind.ATTENDANCE_CONCERN: "Attendance below 80% this term; school and family meeting weekly",
    }[kind]
    return {"kind": kind, "starts_on": starts, "ends_on": ends if ends and ends <= today else None, "notes": notes}
