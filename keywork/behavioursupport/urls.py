from django.urls import path

from keywork.behavioursupport import views

app_name = "behavioursupport"
urlpatterns = [
    path("people/<int:person_id>/plan/", views.plan, name="plan"),
    path("people/<int:person_id>/plan/change/", views.edit_plan, name="edit_plan"),
    path("people/<int:person_id>/incidents/", views.incidents, name="incidents"),
    path("people/<int:person_id>/incidents/add/", views.record_incident, name="record_incident"),
]
