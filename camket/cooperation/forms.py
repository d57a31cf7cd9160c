from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from camket.accounts.models import Agency
from camket.cooperation.models import Agreement, CooperationRequest
from camket.cooperation.services import AGREEMENT_FIELDS, REQUEST_FIELDS
from camket.frameworks.models import State
from camket.frameworks.state_order import label_expression
from camket.plans.forms import VersionedForm
from camket.treaties.models import Instrument


def state_in_language(state: State) -> str:
    return state.label(get_language() or "vi")


def _agencies():
    return Agency.objects.filter(archived=False).order_by("name")


class AgreementForm(VersionedForm):
    class Meta:
        model = Agreement
        fields = list(AGREEMENT_FIELDS)
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = State.objects.order_by(label_expression(), "name")
        self.fields["partner"].label_from_instance = state_in_language
        self.fields["central_authority"].queryset = _agencies()


class RequestForm(VersionedForm):
    handling = forms.ModelMultipleChoiceField(
        label=_("Also handled by"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CooperationRequest
        fields = [*REQUEST_FIELDS, "responsible_agency"]
        widgets = {"subject": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, agreements, picks_agency: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = State.objects.order_by(label_expression(), "name")
        self.fields["partner"].label_from_instance = state_in_language
        self.fields["agreement"].queryset = agreements
        self.fields["instrument"].queryset = Instrument.objects.filter(archived=False)
        self.fields["handling"].queryset = _agencies()
        if self.instance.pk and not self.is_bound:
            self.initial["handling"] = list(self.instance.handling_agencies.all())
        if picks_agency:
            self.fields["responsible_agency"].queryset = _agencies()
            self.fields["responsible_agency"].required = False
            self.fields["responsible_agency"].help_text = _("Empty: your own agency.")
        else:
            del self.fields["responsible_agency"]

    def _post_clean(self):
        """The service validates and saves: the form only reads the input (the instance keeps
        the stored values, so that the service sees what changed)."""


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    file = forms.FileField(label=_("File"))


class LinkForm(forms.Form):
    item = forms.CharField(label=_("Commitment (SLUG:REF)"), max_length=300)
