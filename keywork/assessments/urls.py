from django.urls import path

from keywork.assessments import views

app_name = "assessments"
urlpatterns = [
    path("people/<int:person_id>/add/", views.add_assessment, name="add"),
    path("<int:specialist_assessment_id>/", views.assessment, name="assessment"),
    path("<int:specialist_assessment_id>/change/", views.edit_assessment, name="edit"),
    path("<int:specialist_assessment_id>/report/", views.download_report, name="report"),
    path("<int:specialist_assessment_id>/actions/add/", views.add_action, name="add_action"),
]
