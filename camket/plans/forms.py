from django import forms
from django.utils.translation import gettext_lazy as _

from camket.accounts.models import Agency
from camket.frameworks.models import Framework, Implementation
from camket.frameworks.scoping import coordinated_frameworks
from camket.lib import bilingual
from camket.plans.items import find_items, item_reference, items_by_framework, split_references
from camket.plans.models import Action, Indicator, Plan
from camket.review.models import Cluster


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _agencies():
    """Agencies that may lead, co-lead or report on an action: the coordinating ministry
    too, which leads actions of its own."""
    return Agency.objects.filter(archived=False).order_by("name")


class VersionedForm(forms.ModelForm):
    """A model form carrying the version the user started from (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].required = True  # an edit says which version it is based on
            if not self.is_bound:
                self.initial["version"] = self.instance.version
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = date_input()
        for name, language in (("title", "vi"), ("title_en", "en")):
            if name in self.fields:  # spell-checkers and screen readers follow `lang`
                self.fields[name].widget.attrs["lang"] = language
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset.model is Agency:
                field.label_from_instance = bilingual.text

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k in self.Meta.fields}


class PlanForm(VersionedForm):
    framework = forms.ModelChoiceField(
        label=_("Framework"), required=False, queryset=Framework.objects.filter(archived=False)
    )

    class Meta:
        model = Plan
        fields = ["title", "title_en", "decision_number", "approved_on", "archived"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["framework"]
        else:
            self.fields["framework"].required = True
            if user is not None:  # a plan is made for a framework its maker coordinates
                self.fields["framework"].queryset = coordinated_frameworks(user).filter(
                    archived=False
                )
            del self.fields["archived"]


class ActionForm(VersionedForm):
    co_agencies = forms.ModelMultipleChoiceField(
        label=_("Co-agencies"),
        required=False,
        queryset=_agencies(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    recommendation_references = forms.CharField(
        label=_("Items it implements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "References separated by commas or spaces: the plan's framework's as they "
            "are (45.1, 45.7), another framework's after its short name and a colon "
            "(drug-programme-2021:1.2.3)."
        ),
    )

    class Meta:
        model = Action
        fields = [
            "reference",
            "title",
            "title_en",
            "description",
            "expected_output",
            "lead_agency",
            "start_on",
            "target_on",
            "budget_source",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "expected_output": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan: Plan, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.user = user
        self.fields["lead_agency"].queryset = _agencies()
        self.fields["co_agencies"].queryset = _agencies()
        self.fields["reference"].required = False
        self.fields["reference"].help_text = _("Left empty: the next number.")
        if self.instance.pk and not self.is_bound:
            self.initial["co_agencies"] = list(self.instance.co_agencies.all())
            self.initial["recommendation_references"] = ", ".join(
                item_reference(item, plan.framework_id)
                for _framework, group in items_by_framework(user, self.instance)
                for item in group
            )

    def clean_recommendation_references(self):
        found = find_items(
            self.user,
            split_references(self.cleaned_data["recommendation_references"]),
            default_framework=self.plan.framework,
        )
        if found.unknown:
            raise forms.ValidationError(found.error())
        return found.items


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Implementation status"), choices=Implementation.choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class PublicationForm(forms.Form):
    publication = forms.ChoiceField(label=_("Publication"), choices=Action.Publication.choices)


class FromClustersForm(forms.Form):
    clusters = forms.ModelMultipleChoiceField(
        label=_("Clusters"), queryset=Cluster.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    lead_agency = forms.ModelChoiceField(label=_("Lead agency"), queryset=_agencies())
    start_on = forms.DateField(label=_("Start date"), required=False, widget=date_input())
    target_on = forms.DateField(label=_("Target date"), required=False, widget=date_input())

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_agency"].label_from_instance = bilingual.text
        self.fields["clusters"].queryset = Cluster.objects.filter(
            framework_id=plan.framework_id, archived=False
        ).exclude(actions__plan=plan)


class IndicatorForm(VersionedForm):
    agency = forms.ModelChoiceField(
        label=_("Reporting agency"), queryset=_agencies(), required=False
    )

    class Meta:
        model = Indicator
        fields = [
            "title",
            "title_en",
            "unit",
            "baseline",
            "target",
            "frequency_months",
            "starts_on",
            "ends_on",
            "archived",
        ]

    def __init__(self, *args, for_recommendation: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not for_recommendation or self.instance.pk:
            del self.fields["agency"]
        else:
            self.fields["agency"].required = True
        if not self.instance.pk:
            del self.fields["archived"]
            for name in ("starts_on", "ends_on"):
                self.fields[name].required = for_recommendation
                self.fields[name].help_text = (
                    ""
                    if for_recommendation
                    else _("Left empty: the action's start or target date.")
                )
