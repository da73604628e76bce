from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "keywork.records"
    label = "records"
    verbose_name = "Records management: backup, restore and retention"

    def ready(self):
        from keywork.records import person_page
        from keywork.register import sections

        sections.register_person_section(person_page.legal_hold_section)
