from django.urls import path

from keywork.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.start, name="start"),
    path("example.xlsx", views.example, name="example"),
    path("<int:run_id>/columns/", views.mapping, name="mapping"),
    path("<int:run_id>/report/", views.report, name="report"),
    path("<int:run_id>/import/", views.run_import, name="import"),
    path("<int:run_id>/refused-rows.csv", views.problems_csv, name="problems_csv"),
]
