from django import forms
from django.utils.translation import gettext_lazy as _

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.legislation.models import LegalAct
from camket.legislation.rules import coordinates_register
from camket.treaties.models import Instrument

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FORM_FIELDS = [
    "number",
    "kind",
    "title_vi",
    "title",
    "issuing_body",
    "issuing_body_vi",
    "drafting_agency",
    "status",
    "adopted_on",
    "in_force_on",
    "repealed_on",
    "url",
    "note",
    "instruments",
]


class LegalActForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    url = forms.URLField(
        label=_("official text"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = LegalAct
        fields = FORM_FIELDS
        widgets = {
            "adopted_on": DATE,
            "in_force_on": DATE,
            "repealed_on": DATE,
            "note": forms.Textarea(attrs={"rows": 3}),
            "instruments": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        instruments = Instrument.objects.filter(archived=False)
        if self.instance.pk:
            instruments = instruments | self.instance.instruments.all()
        self.fields["instruments"].queryset = instruments.distinct().order_by("position", "key")
        self.fields["instruments"].label_from_instance = lambda i: f"{i.key} — {i.name}"
        agencies = Agency.objects.filter(archived=False).order_by("name")
        if not coordinates_register(user):  # an agency's member records its own acts
            agency = roles.agency_of(user)
            agencies = agencies.filter(pk=agency.pk if agency else None)
            self.fields["drafting_agency"].required = True
        self.fields["drafting_agency"].queryset = agencies
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in FORM_FIELDS if name != "instruments"}

    def _post_clean(self):
        """The services check the act (dates, number); the form only reads the fields."""


class CommitmentForm(forms.Form):
    item = forms.CharField(
        label=_("Item (SLUG:REF)"),
        max_length=200,
        help_text=_(
            "The framework's short name and the item's reference, e.g. upr-viet-nam-cycle-4:45.1"
        ),
    )


class InstrumentForm(forms.Form):
    instrument = forms.ModelChoiceField(
        label=_("Instrument"), queryset=Instrument.objects.filter(archived=False)
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, act=None, **kwargs):
        super().__init__(*args, **kwargs)
        if act is not None:
            self.fields["instrument"].queryset = (
                Instrument.objects.filter(archived=False)
                .exclude(legal_acts=act)
                .order_by("position", "key")
            )
        self.fields["instrument"].label_from_instance = lambda i: f"{i.key} — {i.name}"
