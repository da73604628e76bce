from django.apps import AppConfig


class FhirConfig(AppConfig):
    name = "keywork.fhir"
    label = "fhir"
    verbose_name = "FHIR R4 export"

    def ready(self):
        from keywork import personrecord
        from keywork.fhir import person_record

        personrecord.register(person_record.PART)
