from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "keywork.imports"
    label = "imports"
    verbose_name = "Spreadsheet import"
