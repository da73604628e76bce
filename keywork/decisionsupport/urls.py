from django.urls import path

from keywork.decisionsupport import views

app_name = "decisionsupport"
urlpatterns = [
    path("people/<int:person_id>/rate/", views.rate, name="rate"),
    path("assessments/<int:rating_assessment_id>/", views.assessment, name="assessment"),
    path("report/", views.suggestions_report, name="report"),
    path("domains/", views.domains, name="domains"),
    path("domains/add/", views.add_domain, name="add_domain"),
    path("domains/<int:domain_id>/", views.edit_domain, name="edit_domain"),
]
