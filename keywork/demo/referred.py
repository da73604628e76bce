"""Who the demo gives keywork to: the people most at risk, as a service would."""

from keywork.inpatient.models import Admission
from keywork.register.choices import RATING_URGENCY, Rating, RegisterStatus


def most_at_risk(service, count: int) -> list:
    """`count` people: those in hospital, the latest admitted first (so the first keyworker, the
    demo's `keyworker`, has the newest admission), then red and amber people, latest rated first."""
    admissions = Admission.objects.current().filter(person__service=service).select_related("person")
    inpatients = [admission.person for admission in admissions.order_by("-admitted_on", "id")]
    community = service.people.filter(status=RegisterStatus.ACTIVE, rating__in=[Rating.RED, Rating.AMBER])
    community = community.exclude(pk__in=[person.pk for person in inpatients])
    ranked = sorted(community, key=lambda p: (RATING_URGENCY[p.rating], -p.rating_effective_on.toordinal(), p.pk))
    return (inpatients + ranked)[:count]
