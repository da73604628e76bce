"""Each person's EHCP status moves from the register's Person.ehcp into their Ehcp record, the one
source afterwards (register 0008 then removes the field)."""

from django.db import migrations


def ehcp_records_from_people(apps, schema_editor):
    Person = apps.get_model("register", "Person")
    Ehcp = apps.get_model("education", "Ehcp")
    has_record = set(Ehcp.objects.values_list("person_id", flat=True))
    people = Person.objects.exclude(pk__in=has_record).values_list("pk", "ehcp").iterator(chunk_size=2000)
    Ehcp.objects.bulk_create((Ehcp(person_id=pk, status=status) for pk, status in people), batch_size=2000)


def people_from_ehcp_records(apps, schema_editor):
    Person = apps.get_model("register", "Person")
    Ehcp = apps.get_model("education", "Ehcp")
    for person_id, status in Ehcp.objects.values_list("person_id", "status").iterator(chunk_size=2000):
        Person.objects.filter(pk=person_id).update(ehcp=status)


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0001_initial"),
        ("register", "0007_trimmed_names"),
    ]

    operations = [migrations.RunPython(ehcp_records_from_people, people_from_ehcp_records)]
