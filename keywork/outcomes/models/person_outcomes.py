"""Outcomes held about a person: personal goals, behaviours of concern, family measures and the
outcome recorded when keywork closes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from keywork.datebounds import about_person
from keywork.locking import VersionedModel
from keywork.outcomes.choices import Answer, BehaviourType, MeasurePoint
from keywork.outcomes.models._checks import not_before, not_in_future, within
from keywork.outcomes.rules import BEHAVIOUR_SEVERITY_RANGE, FAMILY_SCORE_RANGE, GOAL_SCORE_RANGE


class Goal(models.Model):
    """A personal goal co-created with the young person and family, scored by goal attainment scaling."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="goals")
    description = models.TextField()
    set_on = models.DateField()
    set_with = models.CharField(max_length=200, help_text="For example, young person and mum")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["set_on", "id"]

    def __str__(self) -> str:
        return self.description[:60]

    def clean(self) -> None:
        errors = {}
        not_in_future(errors, "set_on", self.set_on, "The date the goal was set")
        person = self.person if self.person_id else None
        about_person(errors, "set_on", self.set_on, person, "The date the goal was set")
        if not (self.description or "").strip():
            errors["description"] = "Describe the goal"
        if errors:
            raise ValidationError(errors)

    def ratings_in_order(self) -> list["GoalRating"]:
        # Sorted in Python so a prefetched list serves every goal on a page without more queries.
        return sorted(self.ratings.all(), key=lambda rating: (rating.rated_on, rating.pk or 0))

    @property
    def baseline(self) -> "GoalRating | None":
        """The first rating is the baseline every later rating is compared with."""
        ratings = self.ratings_in_order()
        return ratings[0] if ratings else None

    @property
    def latest(self) -> "GoalRating | None":
        ratings = self.ratings_in_order()
        return ratings[-1] if ratings else None

    @property
    def change(self) -> int | None:
        ratings = self.ratings_in_order()
        return ratings[-1].score - ratings[0].score if ratings else None


class GoalRating(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="ratings")
    rated_on = models.DateField()
    score = models.SmallIntegerField(help_text="Goal attainment scaling, from -2 to +2")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rated_on", "id"]

    def __str__(self) -> str:
        return f"{self.score:+d} on {self.rated_on}"

    @property
    def person_id(self) -> int | None:
        return self.goal.person_id if self.goal_id else None

    def clean(self) -> None:
        errors = {}
        within(errors, "score", self.score, GOAL_SCORE_RANGE, "The score")
        not_in_future(errors, "rated_on", self.rated_on, "The date of the rating")
        person = self.goal.person if self.goal_id else None
        about_person(errors, "rated_on", self.rated_on, person, "The date of the rating")
        if self.goal_id:
            set_on = self.goal.set_on
            message = f"A goal cannot be rated before it was set ({set_on:%d %b %Y})" if set_on else ""
            not_before(errors, "rated_on", self.rated_on, set_on, message)
        if errors:
            raise ValidationError(errors)


class BehaviourRecord(models.Model):
    """How often a behaviour of concern happened in a week, and how severe it was at worst."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="behaviour_records")
    behaviour_type = models.CharField(max_length=30, choices=BehaviourType.choices)
    week_starting = models.DateField()
    frequency_per_week = models.IntegerField("Times in the week")
    severity = models.SmallIntegerField(help_text="From 1 (mild) to 5 (severe)")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["week_starting", "id"]

    def __str__(self) -> str:
        return f"{self.get_behaviour_type_display()}, week of {self.week_starting}"

    def clean(self) -> None:
        errors = {}
        not_in_future(errors, "week_starting", self.week_starting, "The week")
        about_person(errors, "week_starting", self.week_starting, self.person if self.person_id else None, "The week")
        if self.frequency_per_week is not None and self.frequency_per_week < 0:
            errors["frequency_per_week"] = "The number of times in the week must be 0 or more"
        within(errors, "severity", self.severity, BEHAVIOUR_SEVERITY_RANGE, "Severity")
        if self.person_id and self.week_starting and self.behaviour_type:
            # One figure per behaviour a week, so the weekly totals on the chart are not counted twice.
            same = BehaviourRecord.objects.filter(
                person_id=self.person_id, behaviour_type=self.behaviour_type, week_starting=self.week_starting
            ).exclude(pk=self.pk)
            if same.exists():
                errors.setdefault("week_starting", "This behaviour is already recorded for that week")
        if errors:
            raise ValidationError(errors)


class FamilyMeasure(models.Model):
    """The family's own scores, 1 to 10, at the start of keywork, every three months and at closing."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="family_measures")
    taken_on = models.DateField()
    point = models.CharField(max_length=20, choices=MeasurePoint.choices)
    quality_of_life = models.SmallIntegerField()
    confidence_managing = models.SmallIntegerField("Confidence managing")
    feeling_listened_to = models.SmallIntegerField("Feeling listened to")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    SCORES = ("quality_of_life", "confidence_managing", "feeling_listened_to")

    class Meta:
        ordering = ["taken_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_point_display()} measure of {self.taken_on}"

    def clean(self) -> None:
        errors = {}
        not_in_future(errors, "taken_on", self.taken_on, "The date the measure was taken")
        person = self.person if self.person_id else None
        about_person(errors, "taken_on", self.taken_on, person, "The date the measure was taken")
        within(errors, "quality_of_life", self.quality_of_life, FAMILY_SCORE_RANGE, "Quality of life")
        within(errors, "confidence_managing", self.confidence_managing, FAMILY_SCORE_RANGE, "Confidence managing")
        within(errors, "feeling_listened_to", self.feeling_listened_to, FAMILY_SCORE_RANGE, "Feeling listened to")
        if self.person_id and self.point == MeasurePoint.START:
            # Change is measured from one start: a second would make "change since the start" ambiguous.
            starts = FamilyMeasure.objects.filter(person_id=self.person_id, point=MeasurePoint.START)
            if starts.exclude(pk=self.pk).exists():
                errors["point"] = "This family already has a start measure: choose three-monthly or closing"
        if errors:
            raise ValidationError(errors)


class ClosingOutcome(VersionedModel):
    """What keywork achieved, recorded against the accepted referral when it closes."""

    referral = models.OneToOneField("keyworking.Referral", on_delete=models.PROTECT, related_name="closing_outcome")
    admission_avoided = models.CharField(max_length=20, choices=Answer.choices)
    admission_rationale = models.TextField("Why", blank=True)
    breakdown_prevented = models.CharField(
        "Family or placement breakdown prevented", max_length=20, choices=Answer.choices
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Closing outcome of {self.referral}"

    @property
    def person_id(self) -> int | None:
        return self.referral.person_id if self.referral_id else None

    def clean(self) -> None:
        errors = {}
        if self.referral_id and self.referral.decision != "accepted":
            errors["referral"] = "A closing outcome is recorded only for an accepted referral"
        if self.admission_avoided in (Answer.YES, Answer.NO) and not (self.admission_rationale or "").strip():
            # The claim "admission avoided" is evidence for NHS England: it needs its reasoning either way.
            errors["admission_rationale"] = "Give the reason an admission was or was not avoided"
        if errors:
            raise ValidationError(errors)
