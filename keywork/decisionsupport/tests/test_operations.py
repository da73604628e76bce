"""Recording an assessment: the rating history entry it makes through the register's operation,
with its source; the answers and score kept with it; and what is refused, with nothing saved."""

import pytest
from django.core.exceptions import ValidationError

from keywork.audit.models import AuditEntry
from keywork.decisionsupport.choices import Level
from keywork.decisionsupport.models import RatingAnswer, RatingAssessment
from keywork.decisionsupport.tests.conftest import answers_of
from keywork.register.choices import Rating
from keywork.register.models import RatingChange
from keywork.testing.dates import days_ago

pytestmark = pytest.mark.django_db


def test_confirming_the_suggestion_makes_a_rating_history_entry_labelled_with_the_tool(person, domains, assess):
    # Risk to self, risk to others and placement high: 27 of 54, half, so red.
    answers = answers_of(domains, level_0=Level.HIGH, level_1=Level.HIGH, level_2=Level.HIGH)

    assessment = assess(person, answers, Rating.RED)

    change = assessment.rating_change
    assert (assessment.score, assessment.highest_score, assessment.suggested_rating) == (27, 54, Rating.RED)
    assert change.rating == Rating.RED and change.decided_by == assessment.recorded_by
    assert change.source_label == "decision support tool assessment on 25 November 2026"
    assert change.source_url == assessment.get_absolute_url()
    assert "score 27 of 54, suggesting red; confirmed" in change.reason
    person.refresh_from_db()
    assert person.rating == Rating.RED


def test_the_answers_keep_the_domain_name_and_weight_they_were_answered_with(person, domains, assess):
    assessment = assess(person, answers_of(domains, level_0=Level.MODERATE), Rating.GREEN)
    domains[0].name, domains[0].weight = "Self-harm", 5
    domains[0].save()

    first = assessment.answers.first()
    assert (first.domain_name, first.weight, first.level, first.points) == ("Risk to self", 3, "moderate", 6)
    assert assessment.answers.count() == len(domains)


def test_overriding_the_suggestion_needs_a_reason(person, domains, assess):
    with pytest.raises(ValidationError) as refused:
        assess(person, answers_of(domains), Rating.AMBER, reason="  ")
    assert "override_reason" in refused.value.message_dict
    assert not RatingAssessment.objects.exists() and person.rating_changes.count() == 1


def test_an_override_keeps_its_reason_in_the_assessment_and_the_history(person, domains, assess):
    assessment = assess(person, answers_of(domains), Rating.AMBER, reason="Family in crisis since Friday")
    assert assessment.suggested_rating == Rating.GREEN and assessment.direction == "higher"
    assert "rated amber instead because: Family in crisis since Friday" in assessment.rating_change.reason


def test_an_answer_above_none_without_evidence_is_refused_and_nothing_is_saved(person, domains, assess):
    answers = answers_of(domains)
    answers[3] = answers[3].__class__(domains[3], Level.LOW, "")
    with pytest.raises(ValidationError) as refused:
        assess(person, answers, Rating.GREEN)
    assert refused.value.message_dict == {
        f"evidence_{domains[3].pk}": ["Enter the evidence for mental health, as the answer is above none"]
    }
    assert not RatingAssessment.objects.exists() and not RatingAnswer.objects.exists()


def test_a_missing_domain_is_refused(person, domains, assess):
    with pytest.raises(ValidationError):
        assess(person, answers_of(domains[1:]), Rating.GREEN)
    assert not RatingAssessment.objects.exists()


def test_blue_is_not_chosen_for_someone_in_the_community(person, domains, assess):
    with pytest.raises(ValidationError) as refused:
        assess(person, answers_of(domains), Rating.BLUE, reason="In crisis")
    assert "chosen_rating" in refused.value.message_dict
    assert person.rating_changes.count() == 1


def test_for_someone_in_hospital_the_rating_stays_blue_with_no_suggestion(person, domains, assess, admit):
    admit(person, days_ago(10))
    assessment = assess(person, answers_of(domains, level_0=Level.HIGH), Rating.BLUE)
    assert assessment.suggested_rating == "" and assessment.direction == "" and not assessment.differs
    with pytest.raises(ValidationError):
        assess(person, answers_of(domains), Rating.RED, reason="Ready for discharge")


def test_the_registers_rule_after_discharge_is_shown_against_the_rating(person, domains, assess, admit):
    admit(person, days_ago(30), discharged_on=days_ago(5))
    with pytest.raises(ValidationError) as refused:
        assess(person, answers_of(domains), Rating.GREEN, reason="Settled at home")
    assert list(refused.value.message_dict) == ["chosen_rating"]
    assert "stays red until at least" in refused.value.message_dict["chosen_rating"][0]


def test_the_assessment_is_audited_with_its_answers(person, domains, assess):
    assessment = assess(person, answers_of(domains, level_7=Level.LOW), Rating.GREEN)
    entry = AuditEntry.objects.get(object_id=str(assessment.pk), content_type__model="ratingassessment")
    assert entry.person_id == person.pk and entry.changes["answers"]["Recent crises and use of services"] == "low"
    assert RatingChange.objects.filter(pk=assessment.rating_change_id).exists()
