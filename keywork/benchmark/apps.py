from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    name = "keywork.benchmark"
    label = "benchmark"
    verbose_name = "Benchmark"
