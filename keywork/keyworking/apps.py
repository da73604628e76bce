from django.apps import AppConfig


class KeyworkingConfig(AppConfig):
    name = "keywork.keyworking"
    label = "keyworking"
    verbose_name = "Keyworking"

    def ready(self):
        from keywork.keyworking import person_page
        from keywork.register import sections

        sections.register_person_section(person_page.keywork_section)
        sections.register_timeline_source(person_page.timeline_events)
