from django import forms

from keywork.accounts.models import Role, User
from keywork.forms import fields


class KeyworkerFilterForm(forms.Form):
    """Whose work a manager sees: everyone's, or one keyworker's of their service."""

    keyworker = fields.ChoiceField(label="Keyworker", required=False, choices=())

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        workers = User.objects.filter(service=service, role=Role.KEYWORKER, is_active=True)
        self.workers = {str(worker.pk): worker for worker in workers.order_by("first_name", "last_name", "username")}
        self.fields["keyworker"].choices = [("", "Everyone")] + [
            (pk, worker.display_name) for pk, worker in self.workers.items()
        ]

    def worker(self) -> User | None:
        """The keyworker chosen, or None for everyone (also when the choice is not one of this service's)."""
        return self.workers.get(self.cleaned_data["keyworker"]) if self.is_valid() else None
