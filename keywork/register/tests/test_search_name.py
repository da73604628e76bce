"""The folded name the header search matches stays right however a person is written."""

import pytest

from keywork import audit
from keywork.imports import columns, importing, synthetic
from keywork.imports.files import read_table
from keywork.register import operations
from keywork.register.models import Person, fold_for_search
from keywork.register.seeding import seed_people
from keywork.register.synthetic import build_person


def test_folding_drops_case_accents_apostrophes_and_hyphens():
    assert fold_for_search("  Zoë O’Brien-SMITH ") == "zoe obrien smith"


def test_adding_a_person_stores_their_names_folded(service, coordinator, add_person):
    person = add_person(service, coordinator.user, given_name="Élodie", family_name="Núñez", preferred_name="Lo")
    assert Person.objects.get(pk=person.pk).search_name == "elodie nunez lo"


def test_changing_a_name_from_the_details_form_folds_it_again(service, coordinator, add_person):
    person = add_person(service, coordinator.user, given_name="Amy")
    person.given_name = "Anaïs"
    operations.update_details(audit.Actor(coordinator.user, service), person, person.version, {"given_name": "Anaïs"})
    assert Person.objects.get(pk=person.pk).search_name.startswith("anais ")


def test_a_bulk_update_of_names_folds_them_too(service, coordinator, add_person):
    person = add_person(service, coordinator.user)
    person.family_name = "Ørsted-Dahl"
    Person.objects.bulk_update([person], ["family_name"])
    assert "ørsted dahl" in Person.objects.get(pk=person.pk).search_name


def test_an_sql_update_of_a_name_without_its_folded_form_is_refused(service, coordinator, add_person):
    person = add_person(service, coordinator.user)
    with pytest.raises(ValueError, match="search_name"):
        Person.objects.filter(pk=person.pk).update(family_name="Other")


def test_seeded_people_have_their_names_folded(service, coordinator):
    seed_people(service, 5, coordinator.user)
    assert all(
        person.search_name == fold_for_search(f"{person.given_name} {person.family_name} {person.preferred_name}")
        for person in Person.objects.all()
    )


def test_imported_people_and_names_an_import_changes_are_folded(service, coordinator, add_person, rng):
    actor = audit.Actor(coordinator.user, service)
    known = add_person(service, coordinator.user, given_name="Sam")
    newcomer = build_person(service, rng)
    headings = ["NHS number", "Given name", "Family name", "Date of birth", "Local authority", "LD or autism", "RAG"]
    rows = [
        [p.nhs_number, given, p.family_name, p.date_of_birth, p.local_authority, p.condition, "Amber"]
        for p, given in ((known, "Sámuel"), (newcomer, "Chloé"))
    ]
    data = synthetic.as_csv(rows, headings)
    run = importing.upload(actor, "dsr.csv", data)
    importing.check_run(actor, run, columns.guess(read_table(data).headings))
    run.refresh_from_db()
    importing.import_run(actor, run)
    assert Person.objects.get(pk=known.pk).search_name.startswith("samuel ")
    assert Person.objects.get(nhs_number=newcomer.nhs_number).search_name.startswith("chloe ")
