from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "keywork.register"
    label = "register"
    verbose_name = "Dynamic Support Register"

    def ready(self):
        from keywork import personrecord
        from keywork.register import person_record

        personrecord.register(person_record.PART)
