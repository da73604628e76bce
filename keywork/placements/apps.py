from django.apps import AppConfig


class PlacementsConfig(AppConfig):
    name = "keywork.placements"
    label = "placements"
    verbose_name = "Living situation and placements"

    def ready(self):
        from keywork import personrecord
        from keywork.placements import person_record

        personrecord.register(person_record.PART)
