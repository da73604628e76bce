"""The register's forms. Parsing is here; the rules are on the models, so the API shares them."""

from django import forms
from django.utils import timezone

from keywork.forms import fields, messages
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.register.choices import (
    Condition,
    ConsentBasis,
    EthnicCategory,
    Rating,
    ReferralSource,
    RegisterStatus,
    RiskFactor,
    Sex,
)
from keywork.register.models import Consent, FamilyContact, Person, RatingChange
from keywork.register.operations import DETAIL_FIELDS
from keywork.services.models import ConsentWithdrawnPolicy, Service

# In the 999 range kept for test data, and passing the check digit (rules.validate_nhs_number).
EXAMPLE_NHS_NUMBER = "999 123 4578"

CONSENT_BASES = [c for c in ConsentBasis.choices if c[0] != ConsentBasis.WITHDRAWN]


class PersonDetailsForm(ModelForm):
    nhs_number = fields.CharField(
        label="NHS number",
        width=10,
        hint=f"10 digits, for example {EXAMPLE_NHS_NUMBER}",
        # Checked on the model once spaces are taken out: too long is then too many digits.
        error_messages={"max_length": f"Enter an NHS number of 10 digits, like {EXAMPLE_NHS_NUMBER}"},
    )
    given_name = fields.CharField(label="Given name", max_length=100)
    family_name = fields.CharField(label="Family name", max_length=100)
    preferred_name = fields.CharField(label="Preferred name (optional)", max_length=100, required=False)
    date_of_birth = fields.DateField(label="Date of birth")
    sex = fields.RadioField(label="Sex", choices=Sex.choices)
    gender_identity = fields.CharField(label="Gender identity (optional)", max_length=100, required=False)
    ethnicity = fields.ChoiceField(label="Ethnicity", choices=[("", "Choose ethnicity")] + EthnicCategory.choices)
    postcode = fields.CharField(label="Postcode", width=10, max_length=10)
    local_authority = fields.RadioField(label="Local authority", choices=())
    condition = fields.RadioField(
        label="Learning disability or autism",
        choices=Condition.choices,
        error_name="whether they have a learning disability, autism or both",
    )
    communication_needs = fields.TextareaField(
        label="Communication needs (optional)", required=False, hint="How the person communicates best"
    )
    referral_source = fields.ChoiceField(
        label="Who referred them",
        error_name="who referred them",
        choices=[("", "Choose who referred them")] + ReferralSource.choices,
    )
    referral_date = fields.DateField(label="Referral date")

    class Meta:
        model = Person
        fields = DETAIL_FIELDS

    def __init__(self, *args, service, people=None, **kwargs):
        """`people` are those the user may reach (register.access.people_for): only a record among
        them is linked to from a duplicate NHS number's error."""
        super().__init__(*args, **kwargs)
        self.instance.service = service
        self.people = people
        self.fields["local_authority"].choices = [(name, name) for name in service.local_authorities]

    @property
    def duplicate(self) -> Person | None:
        """The existing record with the same NHS number, if this user may open it. Anyone else is
        told only that the number is already on this service's register (Person.clean)."""
        if "nhs_number" not in self.errors or not self.instance.nhs_number or self.people is None:
            return None
        existing = self.instance.duplicate()
        return existing if existing and self.people.filter(pk=existing.pk).exists() else None


class AddPersonForm(PersonDetailsForm):
    """Adding someone to the DSR records their consent and first rating in the same step."""

    consent_basis = fields.RadioField(
        label="Consent to be on the register", choices=CONSENT_BASES, error_name="how consent was given or decided"
    )
    consent_given_by = fields.CharField(
        label="Consent given or decision made by",
        error_name="who gave consent or made the decision",
        max_length=200,
    )
    consent_date = fields.DateField(label="Date of consent or decision")
    rating = fields.RadioField(label="RAG rating", choices=Rating.choices)
    risk_factors = fields.CheckboxesField(
        label="Risk factors present (optional)", choices=RiskFactor.choices, required=False
    )
    rating_reason = fields.TextareaField(label="Reason for the rating")

    def clean(self):
        cleaned = super().clean()
        self.consent = Consent(
            basis=cleaned.get("consent_basis"),
            given_by=cleaned.get("consent_given_by"),
            decided_on=cleaned.get("consent_date"),
        )
        # The first rating takes effect on the referral date.
        self.rating_change = RatingChange(
            rating=cleaned.get("rating"),
            effective_on=cleaned.get("referral_date") or timezone.localdate(),
            reason=cleaned.get("rating_reason"),
            risk_factors=cleaned.get("risk_factors") or [],
        )
        self.add_record_errors(self.consent, {"decided_on": "consent_date"})
        return cleaned


class EditDetailsForm(VersionedForm, PersonDetailsForm):
    """A person's details, saved only if nobody has changed them since the page was opened."""


class RatingChangeForm(ModelForm):
    rating = fields.RadioField(
        label="RAG rating",
        choices=Rating.choices,
        # Blue follows the admission, the record of the hospital stay (register/rules.py).
        hint="Blue follows an admission: to rate someone blue, record their admission under Inpatients",
    )
    effective_on = fields.DateField(
        label="Date the rating took effect", hint="Today, or an earlier date if catching up from paper records"
    )
    risk_factors = fields.CheckboxesField(
        label="Risk factors present (optional)", choices=RiskFactor.choices, required=False
    )
    reason = fields.TextareaField(label="Reason for the rating", hint="What the DSR meeting decided and why")

    class Meta:
        model = RatingChange
        fields = ["rating", "effective_on", "risk_factors", "reason"]

    def __init__(self, *args, person, prompts=(), **kwargs):
        """`prompts` (personrecord.RiskPrompt) are risk factors the record shows: ticked to start
        with, each saying why under its option, for the practitioner to confirm or untick."""
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.initial.setdefault("risk_factors", list(dict.fromkeys(prompt.factor for prompt in prompts)))
        self.fields["risk_factors"].item_hints = {prompt.factor: prompt.text for prompt in prompts}


class ConsentForm(ModelForm):
    basis = fields.RadioField(
        label="Consent or decision", choices=ConsentBasis.choices, error_name="the consent or decision"
    )
    given_by = fields.CharField(
        label="Given, withdrawn or decided by",
        error_name="who gave, withdrew or decided it",
        max_length=200,
    )
    decided_on = fields.DateField(label="Date", error_name="the date of the consent or decision")
    notes = fields.TextareaField(label="Notes (optional)", required=False)

    class Meta:
        model = Consent
        fields = ["basis", "given_by", "decided_on", "notes"]


class EndRegistrationForm(forms.Form):
    status = fields.RadioField(
        label="Why are they leaving the register?",
        error_name="why they are leaving the register",
        choices=[c for c in RegisterStatus.choices if c[0] != RegisterStatus.ACTIVE],
    )
    reason = fields.TextareaField(label="Reason", hint="This stays on their record")
    version = fields.HiddenIntegerField()


class FamilyContactForm(ModelForm):
    name = fields.CharField(label="Name", max_length=200)
    relationship = fields.CharField(label="Relationship to the person", max_length=100)
    phone = fields.CharField(label="Phone (optional)", max_length=30, required=False, width=20)
    email = fields.CharField(
        label="Email (optional)", max_length=254, required=False, error_messages={"invalid": messages.EMAIL_FORMAT}
    )
    has_parental_responsibility = fields.BooleanField(label="Has parental responsibility", required=False)

    class Meta:
        model = FamilyContact
        fields = ["name", "relationship", "phone", "email", "has_parental_responsibility"]


class ConsentWithdrawnPolicyForm(ModelForm):
    consent_withdrawn_policy = fields.RadioField(
        label="When someone withdraws consent",
        error_name="what happens when someone withdraws consent",
        choices=ConsentWithdrawnPolicy.choices,
    )

    class Meta:
        model = Service
        fields = ["consent_withdrawn_policy"]
