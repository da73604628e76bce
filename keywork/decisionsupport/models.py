"""The decision support tool: the domains a service rates people on, and each assessment of a
person — the answers with their evidence, the weighted score, the rating suggested and the rating
chosen — kept with the rating history entry it made. The rules are in rules.py."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from keywork.decisionsupport import rules
from keywork.decisionsupport.choices import Level
from keywork.locking import VersionedModel
from keywork.register.choices import Rating
from keywork.register.models import Person, RatingChange

LIGHTEST, HEAVIEST = 1, 5


class Domain(VersionedModel):
    """One thing the tool asks about. Services change the defaults (rules.DEFAULT_DOMAINS) on their
    settings page; a domain no longer asked about is made inactive, never deleted, so past answers
    keep the domain they answered."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="rating_domains")
    name = models.CharField(max_length=100)
    guidance = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(LIGHTEST), MaxValueValidator(HEAVIEST)]
    )
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    AUDITED = ("name", "guidance", "weight", "position", "active")

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["service", "name"], name="one_domain_of_a_name_per_service")]

    def __str__(self) -> str:
        return self.name


def default_domains(service) -> list[Domain]:
    return [
        Domain(service=service, name=domain.name, guidance=domain.guidance, weight=domain.weight, position=position)
        for position, domain in enumerate(rules.DEFAULT_DOMAINS, start=1)
    ]


def give_new_service_the_default_domains(sender, instance, created, raw=False, **kwargs):
    """Every new service starts with the default domains (a post_save of Service, apps.py)."""
    if created and not raw:
        Domain.objects.bulk_create(default_domains(instance))


class RatingAssessment(models.Model):
    """One use of the tool for one person. Named apart from the clinical assessments of other apps."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="rating_assessments")
    assessed_on = models.DateField()
    score = models.PositiveIntegerField()
    highest_score = models.PositiveIntegerField()
    # "" when the tool suggests nothing (someone in hospital: rules.suggested_rating).
    suggested_rating = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    chosen_rating = models.CharField(max_length=10, choices=Rating.choices)
    override_reason = models.TextField(blank=True)
    rating_change = models.OneToOneField(RatingChange, on_delete=models.PROTECT, related_name="rating_assessment")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"Decision support tool on {self.assessed_on}"

    def get_absolute_url(self) -> str:
        return reverse("decisionsupport:assessment", args=[self.pk])

    @property
    def direction(self) -> str:
        return rules.direction(self.suggested_rating, self.chosen_rating)

    @property
    def differs(self) -> bool:
        return self.direction in ("higher", "lower")


class RatingAnswer(models.Model):
    """One domain's answer, with the domain's name and weight as they were when answered."""

    assessment = models.ForeignKey(RatingAssessment, on_delete=models.CASCADE, related_name="answers")
    domain = models.ForeignKey(Domain, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    domain_name = models.CharField(max_length=100)
    weight = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=10, choices=Level.choices)
    evidence = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.domain_name}: {self.get_level_display()}"

    @property
    def points(self) -> int:
        return self.weight * rules.LEVEL_POINTS[Level(self.level)]
