from django.urls import path

from keywork.safeguarding import views

app_name = "safeguarding"
urlpatterns = [
    path("people/<int:person_id>/status/", views.add_status, name="add_status"),
    path("statuses/<int:status_id>/", views.edit_status, name="edit_status"),
    path("people/<int:person_id>/concern/", views.raise_concern, name="raise_concern"),
    path("concerns/<int:concern_id>/outcome/", views.record_outcome, name="record_outcome"),
]
