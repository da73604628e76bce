"""Each person the register marked as looked after (a yes/no, Person.looked_after) gets a
looked-after status: its legal basis "Not recorded" (the register never held it), starting on their
referral date (the earliest date the service knew it), in their local authority, recorded by
whoever put them on the register (their first rating's decider). register's next migration then
removes the yes/no, so the status history is the one source of truth."""

from django.db import migrations


def statuses_from_register(apps, schema_editor):
    Person = apps.get_model("register", "Person")
    RatingChange = apps.get_model("register", "RatingChange")
    SafeguardingStatus = apps.get_model("safeguarding", "SafeguardingStatus")
    statuses = []
    for person in Person.objects.filter(looked_after=True).iterator():
        first = RatingChange.objects.filter(person=person).order_by("effective_on", "id").first()
        if first is None:
            continue  # nobody to name as recorder: cannot happen, every entry starts with a rating
        statuses.append(
            SafeguardingStatus(
                person=person,
                kind="looked_after",
                legal_basis="not_recorded",
                starts_on=person.referral_date,
                local_authority=person.local_authority,
                recorded_by_id=first.decided_by_id,
            )
        )
    SafeguardingStatus.objects.bulk_create(statuses, batch_size=500)


def yes_no_from_statuses(apps, schema_editor):
    Person = apps.get_model("register", "Person")
    SafeguardingStatus = apps.get_model("safeguarding", "SafeguardingStatus")
    looked_after = SafeguardingStatus.objects.filter(kind="looked_after", ends_on__isnull=True).values("person_id")
    Person.objects.filter(pk__in=looked_after).update(looked_after=True)


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0007_trimmed_names"),
        ("safeguarding", "0001_statuses_and_concerns"),
    ]

    operations = [migrations.RunPython(statuses_from_register, yes_no_from_statuses)]
