"""Every service already set up gets the default domains (new services get them from a post_save)."""

from django.db import migrations

from keywork.decisionsupport.rules import DEFAULT_DOMAINS


def give_default_domains(apps, schema_editor):
    Domain = apps.get_model("decisionsupport", "Domain")
    Service = apps.get_model("services", "Service")
    for service in Service.objects.all():
        if not Domain.objects.filter(service=service).exists():
            Domain.objects.bulk_create(
                Domain(service=service, name=d.name, guidance=d.guidance, weight=d.weight, position=position)
                for position, d in enumerate(DEFAULT_DOMAINS, start=1)
            )


class Migration(migrations.Migration):
    dependencies = [("decisionsupport", "0001_domains_and_assessments")]

    operations = [migrations.RunPython(give_default_domains, migrations.RunPython.noop)]
