"""Staff assurance now belongs to the assurance app (its 0001 takes the model over, table and rows
included); the programme app only forgets it."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("programme", "0001_initial"),
        ("assurance", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Assurance")]),
    ]
