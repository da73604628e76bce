from django.apps import AppConfig


class SignpostingConfig(AppConfig):
    name = "keywork.signposting"
    label = "signposting"
    verbose_name = "Signposting and community connections"

    def ready(self):
        from keywork import personrecord
        from keywork.signposting import person_record

        personrecord.register(person_record.PART)
