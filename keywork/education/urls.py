from django.urls import path

from keywork.education import views

app_name = "education"
urlpatterns = [
    path("people/<int:person_id>/settings/add/", views.add_setting, name="add_setting"),
    path("settings/<int:setting_id>/", views.edit_setting, name="edit_setting"),
    path("people/<int:person_id>/ehcp/", views.ehcp, name="ehcp"),
    path("people/<int:person_id>/events/add/", views.add_event, name="add_event"),
    path("events/<int:event_id>/", views.edit_event, name="edit_event"),
]
