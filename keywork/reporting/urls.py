from django.urls import path

from keywork.reporting import views

app_name = "reporting"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("return/", views.quarterly, name="quarterly"),
    path("return/return.xlsx", views.quarterly_file, {"file_format": "xlsx"}, name="quarterly_xlsx"),
    path("return/return.pdf", views.quarterly_file, {"file_format": "pdf"}, name="quarterly_pdf"),
    path("register.csv", views.register_export, {"file_format": "csv"}, name="register_csv"),
    path("register.xlsx", views.register_export, {"file_format": "xlsx"}, name="register_xlsx"),
    path("all-services/", views.regional, name="regional"),
    path("return/narrative/", views.write_narrative, name="narrative"),
]
