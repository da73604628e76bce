from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    name = "keywork.subjectaccess"
    label = "subjectaccess"
    verbose_name = "Subject access requests"
