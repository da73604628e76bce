from django.urls import path

from keywork.records import views

app_name = "records"
urlpatterns = [
    path("people/<int:person_id>/legal-hold/", views.legal_hold, name="legal_hold"),
]
