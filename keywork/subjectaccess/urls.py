from django.urls import path

from keywork.subjectaccess import views

app_name = "subjectaccess"
urlpatterns = [
    path("", views.request_list, name="list"),
    path("people/<int:person_id>/add/", views.add_request, name="add"),
    path("<int:subject_access_request_id>/", views.request_detail, name="request"),
    path("<int:subject_access_request_id>/identity/", views.record_identity_check, name="identity"),
    path("<int:subject_access_request_id>/extend/", views.extend, name="extend"),
    path("<int:subject_access_request_id>/response/", views.record_response, name="response"),
    path("<int:subject_access_request_id>/pack.pdf", views.download_pack, {"file_format": "pdf"}, name="pack_pdf"),
    path("<int:subject_access_request_id>/pack.zip", views.download_pack, {"file_format": "zip"}, name="pack_zip"),
]
