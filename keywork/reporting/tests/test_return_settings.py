"""The quarterly return's settings page: the lead sets the ODS code and whether the return's files
hide small numbers; each change is audited."""

from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation

URL = reverse("reporting:return_settings")


def test_the_lead_sets_the_ods_code_upper_cased_and_hides_small_numbers_in_the_files(service, as_role):
    response = as_role(Role.LEAD).http.post(URL, {"ods_code": " qks ", "return_files_suppressed": "yes"}, follow=True)
    service.refresh_from_db()
    assert (service.ods_code, service.return_files_suppressed) == ("QKS", True)
    assert "Return settings saved" in response.text and "files hide small numbers" in response.text


def test_a_change_is_audited_and_saving_it_unchanged_is_not(service, as_role):
    lead = as_role(Role.LEAD)
    lead.http.post(URL, {"ods_code": "QKS", "return_files_suppressed": "no"})
    lead.http.post(URL, {"ods_code": "QKS", "return_files_suppressed": "no"})
    (entry,) = AuditEntry.objects.filter(operation=Operation.UPDATE, actor=lead.user)
    assert entry.changes == {"ods_code": "QKS"}


def test_an_ods_code_with_other_characters_or_too_short_is_refused_in_words(service, as_role):
    lead = as_role(Role.LEAD)
    for code in ("Q-K", "QK", "ABCDEFGHIJK"):
        response = lead.http.post(URL, {"ods_code": code, "return_files_suppressed": "no"})
        assert response.status_code == 200
        assert response.context["form"].errors["ods_code"] == [
            "Enter an ODS code of 3 to 10 letters and numbers, like QKS"
        ]
    service.refresh_from_db()
    assert service.ods_code == ""


def test_the_choice_about_the_files_must_be_made(as_role):
    response = as_role(Role.LEAD).http.post(URL, {"ods_code": ""})
    (message,) = response.context["form"].errors["return_files_suppressed"]
    assert message.startswith("Choose") and "hide small numbers" in message


def test_the_page_shows_the_current_settings(service, as_role):
    service.ods_code, service.return_files_suppressed = "QKS", True
    service.save()
    page = as_role(Role.LEAD).http.get(URL).text
    assert 'value="QKS"' in page and 'value="yes" checked' in page
