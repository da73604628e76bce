from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "keywork.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes and system learning"

    def ready(self):
        from keywork.outcomes import person_page
        from keywork.register import sections

        sections.register_person_section(person_page.outcomes_section)
        sections.register_timeline_source(person_page.timeline_events)
