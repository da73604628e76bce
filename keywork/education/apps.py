from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "keywork.education"
    label = "education"
    verbose_name = "Education"

    def ready(self):
        from keywork import personrecord
        from keywork.education import person_record

        personrecord.register(person_record.PART)
