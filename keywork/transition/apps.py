from django.apps import AppConfig


class TransitionConfig(AppConfig):
    name = "keywork.transition"
    label = "transition"
    verbose_name = "Preparing for adulthood"

    def ready(self):
        from keywork import personrecord
        from keywork.transition import person_record

        personrecord.register(person_record.PART)
