from django.urls import path

from keywork.reviews import views

app_name = "reviews"
urlpatterns = [
    path("people/<int:person_id>/add/", views.add_review, name="add"),
    path("people/<int:person_id>/laep/", views.add_laep, name="add_laep"),
    path("<int:review_id>/", views.edit_review, name="edit"),
    path("<int:review_id>/report/", views.download_report, name="report"),
    path("<int:review_id>/actions/add/", views.add_action, name="add_action"),
    path("actions/<int:action_id>/", views.update_action, name="update_action"),
    path("actions/", views.open_actions, name="actions"),
]
