from django.urls import path

from keywork.coproduction import views

app_name = "coproduction"
urlpatterns = [
    path("", views.engagements, name="list"),
    path("add/", views.edit_engagement, name="add"),
    path("<int:engagement_id>/", views.engagement, name="engagement"),
    path("<int:engagement_id>/change/", views.edit_engagement, name="edit"),
]
