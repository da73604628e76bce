from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    name = "keywork.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding"

    def ready(self):
        from keywork import personrecord
        from keywork.safeguarding import person_record

        personrecord.register(person_record.PART)
