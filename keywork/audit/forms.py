from django import forms

from keywork.audit.models import Operation
from keywork.forms import fields


class AuditSearchForm(forms.Form):
    username = fields.CharField(label="Username", required=False, max_length=150, width=20)
    person_id = fields.IntegerField(label="Person record number", required=False, min_value=1)
    operation = fields.ChoiceField(label="Action", required=False, choices=[("", "Any action")] + Operation.choices)
    date_from = fields.DateField(label="From", required=False, error_name="the start date")
    date_to = fields.DateField(label="To", required=False, error_name="the end date")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_to"] < cleaned["date_from"]:
            self.add_error("date_to", "The end date must be on or after the start date")
        return cleaned


def search_entries(entries, criteria: dict):
    if criteria.get("username"):
        entries = entries.filter(actor__username=criteria["username"])
    if criteria.get("person_id"):
        entries = entries.about_person(criteria["person_id"])
    if criteria.get("operation"):
        entries = entries.filter(operation=criteria["operation"])
    if criteria.get("date_from"):
        entries = entries.filter(created_at__date__gte=criteria["date_from"])
    if criteria.get("date_to"):
        entries = entries.filter(created_at__date__lte=criteria["date_to"])
    return entries
