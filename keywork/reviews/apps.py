from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "keywork.reviews"
    label = "reviews"
    verbose_name = "Care (Education) and Treatment Reviews"

    def ready(self):
        from keywork import personrecord
        from keywork.reviews import person_record

        personrecord.register(person_record.PART)
