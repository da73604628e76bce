from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    name = "keywork.subjectaccess"
    label = "subjectaccess"
    verbose_name = "Subject access requests"

    def ready(self):
        from keywork.register import sections
        from keywork.subjectaccess import person_page

        sections.register_person_section(person_page.subject_access_section)
