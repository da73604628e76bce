"""Programme forms: parsing here; the rules are on the models."""

from django import forms
from django.core.exceptions import ValidationError

from keywork.assurance.models import Assurance
from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.money import financial_year_label, pence_from_text
from keywork.programme.models import (
    BudgetLine,
    Employer,
    Expenditure,
    Feedback,
    FoiRequest,
    Funding,
    KpiValue,
    Milestone,
    Mitigation,
    Post,
    PostHolding,
    Risk,
    RiskReview,
)

ONE_TO_FIVE = [(str(n), str(n)) for n in range(1, 6)]


class KpiValueForm(ModelForm):
    month = fields.DateField(label="Month", hint="Any day in the month, for example 1 3 2026")
    value = fields.DecimalField(label="Value", max_digits=12, decimal_places=2)

    class Meta:
        model = KpiValue
        fields = ["month", "value"]

    def __init__(self, *args, kpi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kpi = kpi


class MilestoneForm(ModelForm):
    title = fields.CharField(label="Milestone", max_length=200)
    due_on = fields.DateField(label="Due", error_name="the date it is due")
    owner = fields.CharField(label="Owner", max_length=200)
    status = fields.RadioField(label="Status", choices=Milestone.Status.choices)
    evidence = fields.TextareaField(label="Evidence", required=False, hint="Needed once done")

    class Meta:
        model = Milestone
        fields = ["title", "due_on", "owner", "status", "evidence"]


class ExpenditureForm(ModelForm):
    line = fields.ModelChoiceField(label="Budget line", queryset=None, empty_label="Choose a budget line")
    spent_on = fields.DateField(label="Date")
    amount = fields.CharField(label="Amount in pounds", width=10, hint="A refund is a negative amount, like -120.00")
    payee = fields.CharField(label="Supplier or payee", max_length=200)
    reference = fields.CharField(label="Reference (optional)", max_length=100, required=False, width=20)

    class Meta:
        model = Expenditure
        fields = ["line", "spent_on", "payee", "reference"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = BudgetLine.objects.filter(service=service).order_by("-financial_year", "name")
        self.fields["line"].label_from_instance = lambda line: (
            f"{financial_year_label(line.financial_year)}: {line.name}"
        )

    def clean_amount(self):
        self.instance.amount_pence = _pence(self.cleaned_data["amount"], allow_negative=True)
        return self.instance.amount_pence

    model_error_fields = {"amount_pence": "amount"}


class RiskForm(ModelForm):
    title = fields.CharField(label="Risk", max_length=200)
    cause = fields.TextareaField(label="Cause")
    effect = fields.TextareaField(label="Effect")
    owner = fields.CharField(label="Owner", max_length=200)
    likelihood = fields.RadioField(label="Likelihood (1 rare to 5 almost certain)", choices=ONE_TO_FIVE)
    impact = fields.RadioField(label="Impact (1 negligible to 5 catastrophic)", choices=ONE_TO_FIVE)
    target_score = fields.IntegerField(label="Target score (1 to 25)", min_value=1, max_value=25)
    review_due_on = fields.DateField(label="Next review due", error_name="the date the next review is due")

    class Meta:
        model = Risk
        fields = ["title", "cause", "effect", "owner", "likelihood", "impact", "target_score", "review_due_on"]


class RiskReviewForm(ModelForm):
    reviewed_on = fields.DateField(label="Date reviewed")
    likelihood = fields.RadioField(label="Likelihood now", choices=ONE_TO_FIVE)
    impact = fields.RadioField(label="Impact now", choices=ONE_TO_FIVE)
    note = fields.TextareaField(label="What changed (optional)", required=False, error_name="what changed")
    next_review_due_on = fields.DateField(label="Next review due", error_name="the date the next review is due")

    class Meta:
        model = RiskReview
        fields = ["reviewed_on", "likelihood", "impact", "note"]


class MitigationForm(ModelForm):
    action = fields.TextareaField(label="Mitigating action")
    owner = fields.CharField(label="Owner", max_length=200)
    due_on = fields.DateField(label="Due", error_name="the date it is due")

    class Meta:
        model = Mitigation
        fields = ["action", "owner", "due_on"]


class PostForm(ModelForm):
    title = fields.CharField(label="Post title", max_length=200)
    role = fields.CharField(label="Role", max_length=100, hint="For headcount by role, for example Practice Consultant")
    grade = fields.CharField(label="Grade (optional)", max_length=50, required=False, width=10)
    hours_per_week = fields.DecimalField(label="Hours a week", max_digits=4, decimal_places=1)
    funded = fields.BooleanField(label="Funded", required=False)
    employer = fields.CharField(label="Employer", max_length=200)

    class Meta:
        model = Post
        fields = ["title", "role", "grade", "hours_per_week", "funded", "employer"]


class FullTimeWeekForm(forms.Form):
    """One employer's full-time week: its range is the Employer model's rule."""

    employer = fields.ModelChoiceField(label="Employer", queryset=None, empty_label="Choose an employer")
    full_time_hours = fields.DecimalField(
        label="Hours in a full-time week",
        max_digits=3,
        decimal_places=1,
        error_name="the hours in a full-time week",
        hint="A post of this many hours is 1.0 whole-time equivalent, for example 37.5 or 35",
    )

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = Employer.objects.filter(service=service)

    def clean(self):
        cleaned = super().clean()
        employer, hours = cleaned.get("employer"), cleaned.get("full_time_hours")
        if employer and hours is not None:
            checked = Employer(service_id=employer.service_id, name=employer.name, full_time_hours=hours)
            try:
                checked.clean()
            except ValidationError as error:
                for message in error.message_dict["full_time_hours"]:
                    self.add_error("full_time_hours", message)
        return cleaned


class PostHoldingForm(ModelForm):
    worker_name = fields.CharField(label="Name", max_length=200)
    starts_on = fields.DateField(label="Start date")
    ends_on = fields.DateField(label="End date (optional)", required=False)
    wte = fields.DecimalField(
        label="Whole-time equivalent", max_digits=4, decimal_places=2, hint="1.0 is full time; 0.6 is three days"
    )

    class Meta:
        model = PostHolding
        fields = ["worker_name", "starts_on", "ends_on", "wte"]

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.post = post


class AssuranceForm(ModelForm):
    worker = fields.ModelChoiceField(label="Worker", queryset=None, empty_label="Choose a worker")
    kind = fields.RadioField(label="What", choices=Assurance.Kind.choices, error_name="what was checked")
    reference = fields.CharField(label="Register number or reference", max_length=100, required=False, width=20)
    completed_on = fields.DateField(label="Completed or checked on", error_name="the date it was completed or checked")
    expires_on = fields.DateField(label="Expires or next due", error_name="the date it expires or is next due")

    class Meta:
        model = Assurance
        fields = ["worker", "kind", "reference", "completed_on", "expires_on"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = service.users.filter(is_active=True).order_by("last_name")
        self.fields["worker"].label_from_instance = lambda user: user.display_name


class FeedbackForm(ModelForm):
    kind = fields.RadioField(
        label="Complaint or compliment", choices=Feedback.Kind.choices, error_name="complaint or compliment"
    )
    received_on = fields.DateField(label="Date received")
    from_whom = fields.CharField(label="From", max_length=200, error_name="who it is from")
    about = fields.CharField(label="About", max_length=200, error_name="what it is about")
    summary = fields.TextareaField(label="Summary")
    responded_on = fields.DateField(label="Date of response (optional)", required=False)
    outcome = fields.TextareaField(label="Outcome (optional)", required=False)
    lessons_learned = fields.TextareaField(label="Lessons learned (optional)", required=False)

    class Meta:
        model = Feedback
        fields = ["kind", "received_on", "from_whom", "about", "summary", "responded_on", "outcome", "lessons_learned"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.service = service


class FoiForm(ModelForm):
    received_on = fields.DateField(label="Date received")
    requester = fields.CharField(label="Requester", max_length=200)
    subject = fields.CharField(label="Subject", max_length=300)
    responded_on = fields.DateField(label="Date of response (optional)", required=False)
    outcome = fields.TextareaField(label="Outcome (optional)", required=False)

    class Meta:
        model = FoiRequest
        fields = ["received_on", "requester", "subject", "responded_on", "outcome"]


class FundingForm(ModelForm):
    financial_year = fields.IntegerField(
        label="Financial year it starts", min_value=2000, max_value=2100, hint="2026 for 2026/27"
    )
    source = fields.CharField(label="Source", max_length=200, hint="For example, NHS England via the ICB")
    amount = fields.CharField(label="Amount in pounds", width=10)

    class Meta:
        model = Funding
        fields = ["financial_year", "source"]

    def clean_amount(self):
        self.instance.amount_pence = _pence(self.cleaned_data["amount"], allow_negative=False)
        return self.instance.amount_pence


class BudgetLineForm(ModelForm):
    """A budget line with an even monthly profile: the year's amount spread over twelve months."""

    financial_year = fields.IntegerField(label="Financial year it starts", min_value=2000, max_value=2100)
    name = fields.CharField(label="Budget line", max_length=200)
    category = fields.RadioField(label="Category", choices=BudgetLine.Category.choices)
    annual_amount = fields.CharField(label="Budget for the year in pounds", width=10)

    class Meta:
        model = BudgetLine
        fields = ["financial_year", "name", "category"]

    model_error_fields = {"monthly_profile_pence": "annual_amount"}

    def clean_annual_amount(self):
        pence = _pence(self.cleaned_data["annual_amount"], allow_negative=False)
        monthly, remainder = divmod(pence, 12)
        # The odd pence go to the last month, so the profile adds up to the year exactly.
        self.instance.monthly_profile_pence = [monthly] * 11 + [monthly + remainder]
        return pence


def _pence(text: str, allow_negative: bool) -> int:
    try:
        pence = pence_from_text(text)
    except ValidationError as error:
        raise forms.ValidationError(error.messages) from error
    if pence < 0 and not allow_negative:
        raise forms.ValidationError("Enter an amount of 0 or more")
    return pence


class WorkforceDayForm(forms.Form):
    """A GET form: the day the headcount and whole-time equivalent are counted on."""

    on = fields.DateField(label="Date", error_name="the date to count on", required=False)
