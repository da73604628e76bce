from django.urls import path

from keywork.placements import views

app_name = "placements"
urlpatterns = [
    path("people/<int:person_id>/add/", views.add_placement, name="add_placement"),
    path("<int:placement_id>/", views.edit_placement, name="edit_placement"),
    path("people/<int:person_id>/breakdowns/add/", views.add_breakdown, name="add_breakdown"),
    path("breakdowns/<int:breakdown_id>/", views.edit_breakdown, name="edit_breakdown"),
]
