"""Decision support tool API routes: the service's domains, and a person's assessments under
/api/people/{person_id}/rating-assessments, with the same permissions, rules, operation and audit
as the pages."""

from django.core.exceptions import ValidationError
from ninja import Router, Status

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.decisionsupport import operations
from keywork.decisionsupport.models import Domain, RatingAssessment
from keywork.decisionsupport.schemas import AssessmentIn, AssessmentOut, DomainOut
from keywork.register.access import listed, person_for_request, scoped

router = Router(tags=["Decision support tool"])


@router.get("/decision-support/domains", response=list[DomainOut])
@permission_required(Permission.CHANGE_RATING)
def domains(request):
    return list(scoped(request, Domain))


@router.get("/people/{int:person_id}/rating-assessments", response=list[AssessmentOut])
@permission_required(Permission.VIEW_PEOPLE)
def assessments(request, person_id: int):
    person = person_for_request(request, person_id)
    found = scoped(request, RatingAssessment, person.pk).prefetch_related("answers")
    return listed(request, found, what="decision support tool assessments")


@router.post("/people/{int:person_id}/rating-assessments", response={201: AssessmentOut})
@permission_required(Permission.CHANGE_RATING)
def add_assessment(request, person_id: int, payload: AssessmentIn):
    person = person_for_request(request, person_id)
    known = {domain.pk: domain for domain in scoped(request, Domain).filter(active=True)}
    unknown = [answer.domain_id for answer in payload.answers if answer.domain_id not in known]
    if unknown:
        raise ValidationError({"answers": f"No active domain of this service has the id {unknown[0]}"})
    answers = [operations.Answer(known[a.domain_id], a.level, a.evidence) for a in payload.answers]
    try:
        saved = operations.record_assessment(
            audit.Actor.from_request(request), person, answers, payload.chosen_rating, payload.override_reason
        )
    except ValidationError as error:
        raise _named_by_answer(error, payload) from error
    return Status(201, saved)


def _named_by_answer(error: ValidationError, payload: AssessmentIn) -> ValidationError:
    """The page names a missing evidence by its box (evidence_<domain id>); the API by the answer
    in the body it is about (answers.<index>.evidence)."""
    places = {f"evidence_{answer.domain_id}": f"answers.{i}.evidence" for i, answer in enumerate(payload.answers)}
    return ValidationError({places.get(field, field): messages for field, messages in error.message_dict.items()})
