from django.apps import AppConfig


class InpatientConfig(AppConfig):
    name = "keywork.inpatient"
    label = "inpatient"
    verbose_name = "Inpatient care"

    def ready(self):
        from keywork import personrecord
        from keywork.inpatient import person_record

        personrecord.register(person_record.PART)
