"""Set up the demo: idempotent, so running it again adds nothing that is already there."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from keywork.accounts.models import Role, User, WorkerType
from keywork.assessments.synthetic import seed_assessments
from keywork.behavioursupport.synthetic import seed_behaviour_support
from keywork.coproduction.synthetic import seed_coproduction
from keywork.decisionsupport.synthetic import seed_decision_support
from keywork.demo.hospital import seed_hospital_history
from keywork.demo.ratings import review_ratings
from keywork.demo.referred import most_at_risk
from keywork.demo.register import seed_register
from keywork.demo.withdrawals import seed_withdrawals
from keywork.education.synthetic import seed_education
from keywork.keyworking.synthetic import seed_keywork
from keywork.meetings.synthetic import seed_meetings
from keywork.outcomes.synthetic import seed_outcomes
from keywork.placements.synthetic import seed_placements
from keywork.programme.synthetic import seed_programme
from keywork.safeguarding.synthetic import seed_safeguarding
from keywork.services.models import ConsentWithdrawnPolicy, Service
from keywork.signposting.synthetic import seed_signposting
from keywork.subjectaccess.synthetic import seed_subject_access
from keywork.supervision.synthetic import seed_supervision
from keywork.transition.synthetic import seed_transition

# Published in the README and printed at start: usable only while KEYWORK_DEMO is on.
DEMO_PASSWORD = "keywork-demo"  # noqa: S105

SERVICES = [
    dict(
        slug="kent-medway",
        name="Kent and Medway Keyworker Service",
        icb="NHS Kent and Medway ICB",
        host_organisation="Kent County Council",
        local_authorities=["Kent", "Medway"],
        people=150,
        keywork=40,
        # The two services answer 'When consent is withdrawn' differently, so the demo shows both.
        consent_withdrawn_policy=ConsentWithdrawnPolicy.KEEP_MINIMAL,
    ),
    dict(
        slug="cambs-peterborough",
        name="Cambridgeshire and Peterborough Keyworker Service",
        icb="NHS Cambridgeshire and Peterborough ICB",
        host_organisation="A partner charity for the ICB",
        local_authorities=["Cambridgeshire", "Peterborough"],
        people=60,
        keywork=24,
        consent_withdrawn_policy=ConsentWithdrawnPolicy.REMOVE,
    ),
]

USERS = [
    ("keyworker", Role.KEYWORKER, WorkerType.PRACTICE_CONSULTANT, "Sam", "Keyworker"),
    ("alex", Role.KEYWORKER, WorkerType.PRACTICE_CONSULTANT, "Alex", "Practice"),
    ("jordan", Role.KEYWORKER, WorkerType.PRACTICE_CONSULTANT, "Jordan", "Practice"),
    ("behaviour", Role.KEYWORKER, WorkerType.BEHAVIOUR_TEAM, "Bea", "Behaviour"),
    ("peer", Role.KEYWORKER, WorkerType.PEER_ASSOCIATE, "Pat", "Peer"),
    ("manager", Role.MANAGER, "", "Morgan", "Manager"),
    ("lead", Role.LEAD, "", "Lee", "Lead"),
    ("coordinator", Role.COORDINATOR, "", "Cory", "Coordinator"),
    ("commissioner", Role.COMMISSIONER, "", "Cam", "Commissioner"),
    ("admin", Role.ADMIN, "", "Ada", "Admin"),
    ("regional", Role.REGIONAL, "", "Rae", "Regional"),
]


class Command(BaseCommand):
    help = "Create the demo services, users and synthetic people (demo mode only)."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("The demo can only be set up with KEYWORK_DEMO=true")
        services = [self._service(spec) for spec in SERVICES]
        for index, service in enumerate(services):
            prefix = "" if index == 0 else f"{service.slug.split('-')[0]}-"
            users = {spec[0]: self._user(service, prefix, *spec) for spec in USERS}
            missing = SERVICES[index]["people"] - service.people.count()
            if missing > 0:
                seed_register(service, missing, users["coordinator"], seed=index, published_trend=index == 0)
            # Before the admissions: a C(E)TR of someone with an EHCP includes education.
            seed_education(service, users, seed=index)
            seed_placements(service, users, seed=index)
            # Admissions first, so that keywork goes to the people in hospital first.
            seed_hospital_history(service, users, seed=index, published_trend=index == 0)
            seed_keywork(service, users, most_at_risk(service, SERVICES[index]["keywork"]), seed=index)
            seed_assessments(service, users, seed=index)
            seed_safeguarding(service, users, seed=index)
            seed_transition(service, users, seed=index)
            seed_programme(service, users, users["lead"], seed=index)
            seed_supervision(service, users, seed=index)
            seed_coproduction(service, users, seed=index)
            seed_signposting(service, users, seed=index)
            seed_outcomes(service, users, seed=index)
            seed_behaviour_support(service, users, seed=index)
            seed_subject_access(service, users)
            review_ratings(service, users)
            seed_decision_support(service, users, seed=index)
            seed_meetings(service, users, seed=index)
            seed_withdrawals(service, users, seed=index)
        User.objects.get(username="admin").other_services.set(services[1:])
        self.stdout.write(self.style.SUCCESS("Demo ready. Log in at http://127.0.0.1:8000/ as one of:"))
        self.stdout.write("  " + ", ".join(spec[0] for spec in USERS))
        self.stdout.write(f"  (the second service's users: {', '.join('cambs-' + spec[0] for spec in USERS)})")
        self.stdout.write(f"password: {DEMO_PASSWORD}")

    def _service(self, spec: dict) -> Service:
        values = {key: value for key, value in spec.items() if key not in ("slug", "people", "keywork")}
        service, _ = Service.objects.get_or_create(slug=spec["slug"], defaults=values)
        return service

    def _user(self, service, prefix, username, role, worker_type, first_name, last_name) -> User:
        user, created = User.objects.get_or_create(
            username=prefix + username,
            defaults=dict(
                service=service,
                role=role,
                worker_type=worker_type,
                first_name=first_name,
                last_name=last_name,
                is_demo=True,
                email=f"{prefix}{username}@example.org",
            ),
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        return user
