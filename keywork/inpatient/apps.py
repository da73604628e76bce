from django.apps import AppConfig


class InpatientConfig(AppConfig):
    name = "keywork.inpatient"
    label = "inpatient"
    verbose_name = "Inpatient care"

    def ready(self):
        from keywork.inpatient import person_page
        from keywork.register import sections

        sections.register_person_section(person_page.inpatient_section)
        sections.register_timeline_source(person_page.timeline_events)
