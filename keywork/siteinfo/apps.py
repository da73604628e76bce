from django.apps import AppConfig


class SiteInfoConfig(AppConfig):
    name = "keywork.siteinfo"
    label = "siteinfo"
    verbose_name = "The pages about the service: accessibility, privacy, help"
