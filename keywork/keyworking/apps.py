from django.apps import AppConfig


class KeyworkingConfig(AppConfig):
    name = "keywork.keyworking"
    label = "keyworking"
    verbose_name = "Keyworking"

    def ready(self):
        from keywork import personrecord
        from keywork.keyworking import person_record

        personrecord.register(person_record.PART)
