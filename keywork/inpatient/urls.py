from django.urls import path

from keywork.inpatient import views

app_name = "inpatient"
urlpatterns = [
    path("people/<int:person_id>/admit/", views.record_admission, name="admit"),
    path("admissions/<int:admission_id>/discharge/", views.record_discharge, name="discharge"),
    path("admissions/<int:admission_id>/legal-status/", views.change_legal_status, name="legal_status"),
    path("", views.inpatients, name="list"),
]
