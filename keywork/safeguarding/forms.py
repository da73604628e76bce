from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.safeguarding.choices import ConcernCategory, LegalBasis, ReferredTo, StatusKind
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus


class StatusForm(VersionedForm, ModelForm):
    kind = fields.RadioField(label="Status", choices=StatusKind.choices)
    legal_basis = fields.ChoiceField(
        label="Legal basis (if looked after)",
        choices=[("", "Choose if looked after")] + LegalBasis.choices,
        required=False,
    )
    starts_on = fields.DateField(label="Start date", error_name="the date the status started")
    ends_on = fields.DateField(label="End date (optional)", required=False, hint="Leave blank while it continues")
    local_authority = fields.CharField(label="Local authority", max_length=100)
    social_worker = fields.CharField(label="Social worker's name (optional)", max_length=200, required=False)
    social_worker_contact = fields.CharField(
        label="Social worker's phone or email (optional)", max_length=200, required=False
    )

    class Meta:
        model = SafeguardingStatus
        fields = [
            "kind",
            "legal_basis",
            "starts_on",
            "ends_on",
            "local_authority",
            "social_worker",
            "social_worker_contact",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.legal_basis != LegalBasis.NOT_RECORDED:
            # "Not recorded" is only for statuses moved from the register's old yes/no.
            field = self.fields["legal_basis"]
            field.choices = [choice for choice in field.choices if choice[0] != LegalBasis.NOT_RECORDED]


class ConcernForm(ModelForm):
    raised_on = fields.DateField(label="Date raised", error_name="the date the concern was raised")
    category = fields.RadioField(label="Category", choices=ConcernCategory.choices)
    what_happened = fields.TextareaField(
        label="What happened", hint="What you saw or were told, by whom and when, in their words where you can"
    )
    referred_to = fields.RadioField(label="Referred to", choices=ReferredTo.choices, error_name="where it was referred")
    not_referred_reason = fields.TextareaField(label="Why it was not referred (if not referred)", required=False)

    class Meta:
        model = SafeguardingConcern
        fields = ["raised_on", "category", "what_happened", "referred_to", "not_referred_reason"]


class OutcomeForm(VersionedForm, ModelForm):
    outcome = fields.TextareaField(label="Outcome", required=False, hint="What the local authority or police decided")
    outcome_on = fields.DateField(label="Date of the outcome", required=False)
    follow_up = fields.TextareaField(label="Follow-up agreed (optional)", required=False)
    follow_up_due_on = fields.DateField(label="Follow-up due (optional)", required=False)
    follow_up_done_on = fields.DateField(label="Follow-up done (optional)", required=False)

    class Meta:
        model = SafeguardingConcern
        fields = ["outcome", "outcome_on", "follow_up", "follow_up_due_on", "follow_up_done_on"]
