from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "keywork.records"
    label = "records"
    verbose_name = "Records management: backup, restore and retention"

    def ready(self):
        from keywork import personrecord
        from keywork.records import person_record

        personrecord.register(person_record.PART)
