from django.urls import path

from keywork.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("add/", views.add_meeting, name="add"),
    path("<int:meeting_id>/", views.meeting, name="meeting"),
    path("<int:meeting_id>/add-person/", views.add_person, name="add_person"),
    path("<int:meeting_id>/people/<int:person_id>/", views.decision, name="decision"),
    path("<int:meeting_id>/close/", views.close, name="close"),
    path("<int:meeting_id>/minutes.pdf", views.minutes_full, name="minutes"),
    path("<int:meeting_id>/minutes-initials.pdf", views.minutes_initials, name="minutes_initials"),
    path("<int:meeting_id>/minutes.docx", views.minutes_full_docx, name="minutes_docx"),
    path("<int:meeting_id>/minutes-initials.docx", views.minutes_initials_docx, name="minutes_initials_docx"),
]
