from django.apps import AppConfig


class BehaviourSupportConfig(AppConfig):
    name = "keywork.behavioursupport"
    label = "behavioursupport"
    verbose_name = "Behaviour support"

    def ready(self):
        from keywork import personrecord
        from keywork.behavioursupport import person_record

        personrecord.register(person_record.PART)
