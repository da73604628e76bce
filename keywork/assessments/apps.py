from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "keywork.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self):
        from keywork import personrecord
        from keywork.assessments import person_record

        personrecord.register(person_record.PART)
