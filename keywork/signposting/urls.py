from django.urls import path

from keywork.signposting import views

app_name = "signposting"
urlpatterns = [
    path("people/<int:person_id>/", views.person_signposting, name="person"),
    path("people/<int:person_id>/add/", views.add_signposting, name="add"),
    path("<int:signposting_id>/", views.edit_signposting, name="edit"),
    path("activity/", views.report, name="report"),
]
