"""Staff assurance moves here from the programme app without moving its rows.

The model joins this app's state (programme 0002 drops it from the programme's) over the table the
programme app created, programme_assurance, which the database keeps as it is. Its content type is
renamed rather than replaced, so the audit log's earlier entries about assurance still point to it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def rename_content_type(apps, schema_editor, old, new):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
    # A migrate interrupted after this step may already have made the new one; then leave both be.
    if not content_types.filter(app_label=new, model="assurance").exists():
        content_types.filter(app_label=old, model="assurance").update(app_label=new)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("programme", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Assurance",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("hcpc", "HCPC registration"), ("swe", "Social Work England registration"), ("nmc", "NMC registration"), ("dbs", "DBS check"), ("safeguarding_children", "Safeguarding children training"), ("safeguarding_adults", "Safeguarding adults training"), ("mca", "Mental Capacity Act training"), ("pbs", "Positive behaviour support training"), ("ig", "Information governance training"), ("supervision", "Supervision")], max_length=30)),
                        ("reference", models.CharField(blank=True, max_length=100, verbose_name="Register number or reference")),
                        ("completed_on", models.DateField()),
                        ("expires_on", models.DateField(verbose_name="Expires or next due")),
                        ("worker", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="assurances", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "programme_assurance",
                        "ordering": ["expires_on", "id"],
                    },
                ),
            ],
            database_operations=[
                migrations.RunPython(
                    lambda apps, schema_editor: rename_content_type(apps, schema_editor, "programme", "assurance"),
                    lambda apps, schema_editor: rename_content_type(apps, schema_editor, "assurance", "programme"),
                ),
            ],
        ),
    ]
