from django.urls import path

from keywork.supervision import views

app_name = "supervision"
urlpatterns = [
    path("", views.supervision_list, name="list"),
    path("add/", views.add_supervision, name="add"),
    path("appraisals/add/", views.add_appraisal, name="add_appraisal"),
    path("training/add/", views.add_training, name="add_training"),
]
