from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "keywork.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes and system learning"

    def ready(self):
        from keywork import personrecord
        from keywork.outcomes import person_record

        personrecord.register(person_record.PART)
