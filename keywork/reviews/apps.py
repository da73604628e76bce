from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "keywork.reviews"
    label = "reviews"
    verbose_name = "Care (Education) and Treatment Reviews"

    def ready(self):
        from keywork.register import sections
        from keywork.reviews import person_page

        sections.register_person_section(person_page.reviews_section)
        sections.register_timeline_source(person_page.timeline_events)
