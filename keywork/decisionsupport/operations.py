"""Saving the tool's records, each audited, in one transaction. Pages and the API call these."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from keywork import audit
from keywork.audit.models import Operation
from keywork.decisionsupport import rules
from keywork.decisionsupport.models import Domain, RatingAnswer, RatingAssessment
from keywork.presenters import uk_long_date
from keywork.register import operations as register
from keywork.register.choices import Rating
from keywork.register.models import RatingChange


@dataclass(frozen=True)
class Answer:
    domain: Domain
    level: str
    evidence: str = ""


def scored(person, answers: list[Answer], on=None) -> RatingAssessment:
    """The unsaved assessment the answers make: its score, the highest score, and the suggestion."""
    on = on or timezone.localdate()
    score = rules.weighted_score((answer.domain.weight, answer.level) for answer in answers)
    highest = rules.highest_score(answer.domain.weight for answer in answers)
    suggestion = rules.suggested_rating(person, score, highest, on)
    return RatingAssessment(
        person=person, assessed_on=on, score=score, highest_score=highest, suggested_rating=suggestion
    )


def check_answers(person, answers: list[Answer]) -> None:
    """Refuse answers that miss one of the service's active domains, or lack the evidence needed."""
    active = set(person.service.rating_domains.filter(active=True).values_list("pk", flat=True))
    answered = [answer.domain.pk for answer in answers]
    if set(answered) != active or len(answered) != len(active):
        raise ValidationError({"answers": "Answer every domain of the tool once: the domains are those now active"})
    errors = {
        f"evidence_{answer.domain.pk}": refusal
        for answer in answers
        if (refusal := rules.evidence_refusal(answer.level, answer.evidence, answer.domain.name))
    }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_assessment(
    actor, person, answers: list[Answer], chosen: str, override_reason: str = "", on=None
) -> RatingAssessment:
    """Keep the assessment and make the rating history entry it decides, through the register's own
    operation (its rules apply: blue only with an open admission, red after a discharge). Pages and
    the API rate today; `on` is for the demo's history."""
    check_answers(person, answers)
    assessment = scored(person, answers, on)
    allowed = rules.ratings_to_choose(assessment.suggested_rating)
    if chosen not in allowed:
        raise ValidationError({"chosen_rating": _not_allowed(assessment.suggested_rating)})
    refusal = rules.override_reason_refusal(assessment.suggested_rating, chosen, override_reason)
    if refusal:
        raise ValidationError({"override_reason": refusal})
    assessment.chosen_rating, assessment.override_reason = chosen, override_reason.strip()
    assessment.recorded_by = actor.user
    change = RatingChange(person=person, rating=chosen, effective_on=assessment.assessed_on, reason=_reason(assessment))
    _check_rating_change(change)
    change.source_label = f"decision support tool assessment on {uk_long_date(assessment.assessed_on)}"
    assessment.rating_change = register.change_rating(actor, person, change)
    assessment.save()
    # The history entry links to the assessment, whose address is known only now it is saved.
    change.source_url = assessment.get_absolute_url()
    change.save(update_fields=["source_url"])
    RatingAnswer.objects.bulk_create(
        RatingAnswer(
            assessment=assessment,
            domain=answer.domain,
            domain_name=answer.domain.name,
            weight=answer.domain.weight,
            level=answer.level,
            evidence=answer.evidence.strip(),
            position=position,
        )
        for position, answer in enumerate(answers, start=1)
    )
    changes = {
        "score": assessment.score,
        "highest_score": assessment.highest_score,
        "suggested_rating": assessment.suggested_rating,
        "chosen_rating": chosen,
        "answers": {answer.domain.name: answer.level for answer in answers},
    }
    audit.record(actor, Operation.CREATE, assessment, person_id=person.pk, changes=changes)
    return assessment


def _check_rating_change(change: RatingChange) -> None:
    """The register's own rules for the rating, its refusal shown against the rating chosen."""
    try:
        change.full_clean(exclude=["decided_by"])
    except ValidationError as error:
        raise ValidationError(
            {
                "chosen_rating" if field == "rating" else field: messages
                for field, messages in error.message_dict.items()
            }
        ) from error


def _not_allowed(suggestion: str) -> str:
    if not suggestion:
        return "Blue stays until discharge: the person is in hospital"
    return "Choose red, amber or green: blue follows an admission, recorded under Inpatients"


def _reason(assessment: RatingAssessment) -> str:
    """The rating history entry's reason: what the tool said, and why the practitioner differed."""
    scored_text = f"Decision support tool: score {assessment.score} of {assessment.highest_score}"
    if not assessment.suggested_rating:
        return f"{scored_text}; no suggestion while in hospital, so the rating stays blue."
    suggested = Rating(assessment.suggested_rating).name.lower()
    if assessment.chosen_rating == assessment.suggested_rating:
        return f"{scored_text}, suggesting {suggested}; confirmed."
    chosen = Rating(assessment.chosen_rating).name.lower()
    return f"{scored_text}, suggesting {suggested}; rated {chosen} instead because: {assessment.override_reason}"


@transaction.atomic
def save_domain(actor, domain: Domain, version: int = 0) -> Domain:
    """Add or change a domain, unless someone else saved it since `version` (StaleRecordError)."""
    operation = Operation.UPDATE if domain.pk else Operation.CREATE
    domain.save_if_unchanged_since(version)
    changes = {name: getattr(domain, name) for name in Domain.AUDITED}
    audit.record(actor, operation, domain, changes=changes)
    return domain
