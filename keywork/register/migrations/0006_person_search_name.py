from django.db import migrations, models

# The function the model folds with: pure text handling, so safe to import into a migration.
from keywork.register.models import NAME_FIELDS, fold_for_search


def fold_existing_names(apps, schema_editor):
    Person = apps.get_model("register", "Person")
    batch = []
    for person in Person.objects.only("pk", *NAME_FIELDS).iterator(chunk_size=2000):
        person.search_name = fold_for_search(" ".join(getattr(person, name) for name in NAME_FIELDS))
        batch.append(person)
        if len(batch) == 2000:
            Person.objects.bulk_update(batch, ["search_name"])
            batch = []
    Person.objects.bulk_update(batch, ["search_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0005_legal_hold_reason"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_name",
            field=models.CharField(blank=True, editable=False, max_length=310),
        ),
        migrations.RunPython(fold_existing_names, migrations.RunPython.noop),
    ]
