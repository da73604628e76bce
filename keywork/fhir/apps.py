from django.apps import AppConfig


class FhirConfig(AppConfig):
    name = "keywork.fhir"
    label = "fhir"
    verbose_name = "FHIR R4 export"

    def ready(self):
        from keywork.fhir import person_page
        from keywork.register import sections

        sections.register_person_section(person_page.fhir_section)
