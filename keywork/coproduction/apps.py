from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    name = "keywork.coproduction"
    label = "coproduction"
    verbose_name = "Co-production"
