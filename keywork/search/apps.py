from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "keywork.search"
    verbose_name = "Finding a person"
