from django.urls import path

from keywork.fhir import views

app_name = "fhir"
urlpatterns = [
    path("people/<int:person_id>/bundle.json", views.person_bundle_json, name="bundle"),
]
