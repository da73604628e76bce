import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.inpatient.models import Admission
from keywork.register.models import Person
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts


def admission_form(**changes) -> dict:
    return {
        "hospital": "Fernbrook Hospital",
        "unit": "Willow",
        "unit_type": "picu",
        "distance_miles": 40,
        "legal_status": "s3",
        **date_parts("admitted_on", TODAY - datetime.timedelta(days=4)),
        **changes,
    }


def test_admitting_through_the_page_rates_blue_and_lists_the_person_as_an_inpatient(as_role, young_person):
    coordinator = as_role(Role.COORDINATOR)
    response = coordinator.http.post(reverse("inpatient:admit", args=[young_person.pk]), admission_form())
    assert response.status_code == 302
    assert Person.objects.get(pk=young_person.pk).rating == "blue"
    rows = coordinator.http.get(reverse("inpatient:list")).context["rows"]
    assert [row.admission.person for row in rows] == [young_person]
    assert rows[0].legal_status.status == "s3" and rows[0].days_in_hospital == 4


def test_a_discharge_before_the_admission_is_refused_on_the_page(as_role, young_person, admit):
    admission = admit(young_person, TODAY - datetime.timedelta(days=4))
    response = as_role(Role.COORDINATOR).http.post(
        reverse("inpatient:discharge", args=[admission.pk]),
        {
            "discharge_destination": "Home",
            **date_parts("discharged_on", TODAY - datetime.timedelta(days=5)),
        },
    )
    assert "on or after the admission date" in response.context["form"].errors["discharged_on"][0]
    assert Admission.objects.get().discharged_on is None


def test_the_inpatient_list_runs_the_same_queries_however_many_are_in_hospital(
    as_role, service, add_person, coordinator_user, admit
):
    manager = as_role(Role.MANAGER)

    def count():
        with CaptureQueriesContext(connection) as queries:
            manager.http.get(reverse("inpatient:list"))
        return len(queries)

    admit(add_person(service, coordinator_user, date_of_birth=datetime.date(2010, 1, 1)), TODAY)
    with_one = count()
    for _ in range(8):
        admit(add_person(service, coordinator_user, date_of_birth=datetime.date(2010, 1, 1)), TODAY)
    assert count() == with_one
