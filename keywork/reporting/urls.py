from django.urls import path

from keywork.reporting import equality_views, hospital_use_views, return_settings_views, views

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
    path("return/settings/", return_settings_views.return_settings, name="return_settings"),
    path("hospital-use/", hospital_use_views.hospital_use, name="hospital_use"),
    path("equality/", equality_views.equality, name="equality"),
    path("equality/equality.csv", equality_views.equality_file, name="equality_csv"),
    path("hospital-use/bed-day-cost/", hospital_use_views.bed_day_cost, name="bed_day_cost"),
]
