from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "keywork.meetings"
    label = "meetings"
    verbose_name = "DSR review meetings"

    def ready(self):
        from keywork import personrecord
        from keywork.meetings import person_record

        personrecord.register(person_record.PART)
