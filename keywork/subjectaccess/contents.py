"""What the service holds on a person, section by section: the one source of the pack's PDF and JSON.

UK GDPR Article 15 gives the person a copy of their data, but not other people's (Data Protection
Act 2018, Schedule 2 paragraph 16). Whatever names or describes someone else (family, professionals,
staff), and restricted notes, is marked FOR REVIEW BEFORE RELEASE so the manager redacts it first.
"""

from keywork.audit.models import AuditEntry
from keywork.presenters import format_nhs_number
from keywork.subjectaccess.tables import Column, Section, field_value, section, staff_name

FOR_REVIEW = "FOR REVIEW BEFORE RELEASE"
OTHER_PEOPLE = "names or describes other people (family, professionals or staff)"


def _person_section(person) -> Section:
    details = [
        ("NHS number", format_nhs_number(person.nhs_number)),
        ("Name", person.full_name),
        ("Preferred name", person.preferred_name),
        ("Date of birth", person.date_of_birth),
        ("Sex", person.get_sex_display()),
        ("Gender identity", person.gender_identity),
        ("Ethnicity", person.get_ethnicity_display()),
        ("Postcode", person.postcode),
        ("Local authority", person.local_authority),
        ("Learning disability or autism", person.get_condition_display()),
        ("Education, Health and Care Plan", person.get_ehcp_display()),
        ("Looked-after child", person.looked_after),
        ("Communication needs", person.communication_needs),
        ("Referred by", person.get_referral_source_display()),
        ("Referral date", person.referral_date),
        ("Register status", person.get_status_display()),
        ("Status reason", person.status_reason),
        ("Register status changed", person.status_changed_on),
        ("Archived", person.archived_on),
        ("Current rating", person.get_rating_display() if person.rating else ""),
        ("Current rating took effect", person.rating_effective_on),
        ("Next review due", person.next_review_due),
        ("Service", person.service.name),
    ]
    return section("The person", details, [Column("Detail", lambda d: d[0]), Column("Recorded", lambda d: d[1])])


def _audit_who(entry: AuditEntry) -> str:
    return staff_name(entry.actor) if entry.actor_id else f"System process: {entry.system_process}"


def person_sections(person) -> list[Section]:
    """Every kind of record held on the person, in the order a reader would follow their story."""
    from keywork.inpatient.models import LegalStatusChange
    from keywork.keyworking.models import FollowUp
    from keywork.outcomes.models import GoalRating

    rated = person.rating_changes.select_related("decided_by").order_by("effective_on", "id")
    sections = [
        _person_section(person),
        section(
            "Dynamic Support Register rating history",
            rated,
            [
                Column("Took effect", "effective_on"),
                Column("Rating", "rating"),
                Column("Why it changed", "cause"),
                Column("Reason", "reason"),
                Column("Risk factors", lambda change: change.risk_factor_labels()),
                Column("Decided by", "decided_by", about_others=True),
            ],
        ),
        section(
            "Consent to be on the register",
            person.consents.select_related("recorded_by").order_by("decided_on", "id"),
            [
                Column("Date", "decided_on"),
                Column("Consent or decision", "basis"),
                Column("Given or decided by", "given_by", about_others=True),
                Column("Notes", "notes"),
                Column("Recorded by", "recorded_by", about_others=True),
            ],
        ),
        section(
            "Family and carers",
            person.family_contacts.all(),
            [
                Column("Name", "name", about_others=True),
                Column("Relationship", "relationship", about_others=True),
                Column("Phone", "phone", about_others=True),
                Column("Email", "email", about_others=True),
                Column("Parental responsibility", "has_parental_responsibility", about_others=True),
            ],
            review_reason="other people's contact details",
        ),
        section(
            "Referrals to the keyworker service",
            person.referrals.select_related("closing_outcome", "decided_by").order_by("received_on", "id"),
            [
                Column("Received", "received_on"),
                Column("Route", "route"),
                Column("Referred by", "referrer_name", about_others=True),
                Column("Organisation", "referrer_organisation", about_others=True),
                Column("Reason", "reason"),
                Column("Decision", "decision"),
                Column("Decision reason", "decision_reason"),
                Column("Decided", "decided_on"),
                Column("Decided by", "decided_by", about_others=True),
                Column("Closed", "closed_on"),
                Column("Closing reason", "closing_reason"),
                Column("Closing notes", "closing_notes"),
                Column("Admission avoided", lambda r: _closing(r, "admission_avoided")),
                Column("Why admission was or was not avoided", lambda r: _closing(r, "admission_rationale")),
                Column("Breakdown prevented", lambda r: _closing(r, "breakdown_prevented")),
                Column("Closing outcome notes", lambda r: _closing(r, "notes")),
            ],
        ),
        section(
            "Keyworkers allocated",
            person.allocations.select_related("worker").order_by("starts_on", "id"),
            [
                Column("From", "starts_on"),
                Column("Until", "ends_on"),
                Column("Worker", "worker", about_others=True),
                Column("Type of worker", "worker_type"),
                Column("Reason", "reason"),
                Column("Reason it ended", "end_reason"),
            ],
        ),
        section(
            "Contacts with or about the person",
            person.contacts.prefetch_related("workers", "professionals").order_by("occurred_at", "id"),
            [
                Column("When", "occurred_at"),
                Column("Type", "contact_type"),
                Column("Minutes", "duration_minutes"),
                Column("Workers", lambda c: [staff_name(w) for w in c.workers.all()], about_others=True),
                Column("Family present", "family_present", about_others=True),
                Column("Professionals", lambda c: [str(p) for p in c.professionals.all()], about_others=True),
                Column("Notes", "notes"),
                Column("Restricted note", _restricted),
            ],
            review_row=lambda contact: contact.restricted,
        ),
        section(
            "Follow-ups agreed at contacts",
            FollowUp.objects.filter(person=person).select_related("owner", "contact").order_by("due_on", "id"),
            [
                Column("Due", "due_on"),
                Column("What", "description"),
                Column("Owner", lambda f: f.owner_display, about_others=True),
                Column("Done", "done_on"),
                Column("From a restricted note", lambda f: _restricted(f.contact)),
            ],
            review_row=lambda follow_up: follow_up.contact.restricted,
        ),
        section(
            "Escalations",
            person.escalations.select_related("raised_by").order_by("escalated_on", "id"),
            [
                Column("Escalated", "escalated_on"),
                Column("Issue", "issue"),
                Column("Escalated to", "escalated_to", about_others=True),
                Column("Level", "level"),
                Column("Response due", "response_due_on"),
                Column("Response", "response"),
                Column("Responded", "responded_on"),
                Column("Resolved", "resolved_on"),
                Column("Raised by", "raised_by", about_others=True),
            ],
        ),
        section(
            "Professionals in the person's network",
            person.involvements.select_related("professional").order_by("id"),
            [
                Column("Name", "professional__name", about_others=True),
                Column("Role", "professional__role", about_others=True),
                Column("Organisation", "professional__organisation", about_others=True),
                Column("Role for the person", "role_for_person"),
                Column("Lead professional", "is_lead"),
                Column("Ended", "ended_on"),
            ],
            review_reason="professionals' names and contact details",
        ),
        section(
            "Support plans (every version)",
            person.support_plans.select_related("saved_by").order_by("version"),
            [
                Column("Version", "version"),
                Column("Saved", "saved_at"),
                Column("What helps", "what_helps"),
                Column("Known triggers", "triggers"),
                Column("Early warning signs", "early_warning_signs"),
                Column("Who to call", "who_to_call", about_others=True),
                Column("Agreed responses", "agreed_responses"),
                Column("Saved by", "saved_by", about_others=True),
            ],
        ),
        *_review_sections(person),
        *_inpatient_sections(person, LegalStatusChange),
        *_outcome_sections(person, GoalRating),
        section(
            "Subject access requests",
            person.subject_access_requests.order_by("received_on", "id"),
            [
                Column("Received", "received_on"),
                Column("Asked by", "requester_name", about_others=True),
                Column("Who is asking", "relationship"),
                Column("Due", "due_on"),
                Column("Responded", "responded_on"),
            ],
        ),
        audit_trail_section(person),
    ]
    return sections


def _restricted(contact) -> str:
    return f"Yes – {FOR_REVIEW}" if contact.restricted else "No"


def _closing(referral, name: str):
    outcome = getattr(referral, "closing_outcome", None)
    return field_value(outcome, name) if outcome else None


def _review_sections(person) -> list[Section]:
    reviews = person.reviews.order_by("requested_on", "id")
    return [
        section(
            "Care (Education) and Treatment Reviews",
            reviews,
            [
                Column("Kind", "kind"),
                Column("C(E)TR (with Education)", "includes_education"),
                Column("Requested", "requested_on"),
                Column("Scheduled", "scheduled_on"),
                Column("Held", "held_on"),
                Column("Chair", "chair", about_others=True),
                Column("Clinical expert", "clinical_expert", about_others=True),
                Column("Expert by experience", "expert_by_experience", about_others=True),
                Column("Other attendees", "other_attendees", about_others=True),
                Column("Outcome", "outcome_summary"),
                Column("Report (in the ZIP)", lambda review: review.report_name or review.report.name),
            ],
        ),
        section(
            "C(E)TR recommendations and actions",
            person.review_actions.select_related("review", "owner_professional").order_by("due_on", "id"),
            [
                Column("Recommendation", "recommendation"),
                Column("Owner", "owner", about_others=True),
                Column("Due", "due_on"),
                Column("Status", "status"),
                Column("Evidence", "evidence"),
                Column("Completed", "completed_on"),
                Column("Reason dropped", "dropped_reason"),
            ],
        ),
    ]


def _inpatient_sections(person, legal_status_change) -> list[Section]:
    return [
        section(
            "Hospital admissions",
            person.admissions.order_by("admitted_on", "id"),
            [
                Column("Hospital", "hospital"),
                Column("Unit", "unit"),
                Column("Type of unit", "unit_type"),
                Column("Miles from home", "distance_miles"),
                Column("Admitted", "admitted_on"),
                Column("Planned discharge", "planned_discharge_on"),
                Column("Discharged", "discharged_on"),
                Column("Discharged to", "discharge_destination"),
                Column("Reasons discharge was delayed", "delay_reasons"),
            ],
        ),
        section(
            "Legal status in hospital",
            legal_status_change.objects.filter(admission__person=person)
            .select_related("admission")
            .order_by("effective_on", "id"),
            [Column("From", "effective_on"), Column("Status", "status"), Column("Hospital", "admission__hospital")],
        ),
    ]


def _outcome_sections(person, goal_rating) -> list[Section]:
    return [
        section(
            "Goals",
            person.goals.order_by("set_on", "id"),
            [Column("Set", "set_on"), Column("Goal", "description"), Column("Set with", "set_with", about_others=True)],
        ),
        section(
            "Progress towards goals",
            goal_rating.objects.filter(goal__person=person).select_related("goal").order_by("rated_on", "id"),
            [
                Column("Goal", "goal__description"),
                Column("Rated", "rated_on"),
                Column("Score (−2 to +2)", "score"),
                Column("Note", "note"),
            ],
        ),
        section(
            "Behaviours of concern",
            person.behaviour_records.order_by("week_starting", "id"),
            [
                Column("Week starting", "week_starting"),
                Column("Behaviour", "behaviour_type"),
                Column("Times in the week", "frequency_per_week"),
                Column("Severity (1 to 5)", "severity"),
            ],
        ),
        section(
            "Family measures",
            person.family_measures.order_by("taken_on", "id"),
            [
                Column("Taken", "taken_on"),
                Column("When in keywork", "point"),
                Column("Quality of life", "quality_of_life"),
                Column("Confidence managing", "confidence_managing"),
                Column("Feeling listened to", "feeling_listened_to"),
            ],
        ),
        section(
            "System blockers met in the person's support",
            person.system_blockers.order_by("raised_on", "id"),
            [
                Column("Raised", "raised_on"),
                Column("Category", "category"),
                Column("Agency responsible", "agency"),
                Column("Description", "description"),
                Column("Resolved", "resolved_on"),
                Column("Resolution", "resolution"),
            ],
            review_reason="shared records: a blocker can describe other people's support too",
        ),
        section(
            "Case studies",
            person.case_studies.order_by("quarter_start", "id"),
            [
                Column("Title", "title"),
                Column("Narrative", "narrative"),
                Column("Consent recorded", "consent_recorded"),
                Column("Consent given by", "consent_given_by", about_others=True),
                Column("Consent date", "consent_on"),
            ],
        ),
    ]


def audit_trail_section(person) -> Section:
    """Who has seen and changed the record, oldest first: the audit log's entries about the person."""
    entries = (
        AuditEntry.objects.filter(person_id=person.pk)
        .select_related("actor", "content_type")
        .order_by("created_at", "id")
    )
    return section(
        "Who has seen and changed this record",
        entries,
        [
            Column("When", "created_at"),
            Column("Who", _audit_who, about_others=True),
            Column("What", "operation"),
            Column("Record", lambda entry: entry.content_type.name),
        ],
    )


def related_models_covered() -> set[str]:
    """The models with a link to a person that the pack reads (checked against the model graph)."""
    return {
        "register.RatingChange",
        "register.Consent",
        "register.FamilyContact",
        "keyworking.Referral",
        "keyworking.Allocation",
        "keyworking.Contact",
        "keyworking.FollowUp",
        "keyworking.Escalation",
        "keyworking.Involvement",
        "keyworking.SupportPlan",
        "reviews.Review",
        "reviews.Action",
        "inpatient.Admission",
        "outcomes.Goal",
        "outcomes.BehaviourRecord",
        "outcomes.FamilyMeasure",
        "outcomes.SystemBlocker",
        "outcomes.CaseStudy",
        "subjectaccess.SubjectAccessRequest",
    }
