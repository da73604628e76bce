"""The subject access pack's audit trail names the lists that showed the person, not only the
entries about their own records: who saw them on the register is part of who saw their record."""

from django.urls import reverse

from keywork.subjectaccess.contents import audit_trail_section


def test_the_packs_audit_trail_holds_a_list_that_showed_the_person(service, coordinator, add_person):
    person = add_person(service, coordinator.user)
    before = len(audit_trail_section(person).rows)

    coordinator.http.get(reverse("register:list"))

    rows = audit_trail_section(person).rows
    assert len(rows) == before + 1
    assert rows[-1][2:] == ["Listed", "person"]
