from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "keywork.register"
    label = "register"
    verbose_name = "Dynamic Support Register"

    def ready(self):
        from keywork import personrecord
        from keywork.register import person_record

        personrecord.register(person_record.PART)

        from keywork.accounts.permissions import access_refused
        from keywork.register.access import refused_by_role

        access_refused.connect(refused_by_role, dispatch_uid="register.refused_by_role")
