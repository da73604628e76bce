from django.urls import path

from keywork.worklists import views
from keywork.worklists.work import DEFINITIONS

app_name = "worklists"
# Each list's own page, named as the list is: worklists:follow-ups-due at /work/follow-ups-due/.
urlpatterns = [path(f"{name}/", views.work_list_page, {"name": name}, name=name) for name in DEFINITIONS]
