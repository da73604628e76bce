from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    name = "keywork.subjectaccess"
    label = "subjectaccess"
    verbose_name = "Subject access requests"

    def ready(self):
        from keywork import personrecord
        from keywork.subjectaccess import person_record

        personrecord.register(person_record.PART)
