from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from camket.accounts.models import Agency
from camket.frameworks.models import Recommendation
from camket.review.models import Assessment


class DecisionForm(forms.Form):
    response = forms.ChoiceField(label=_("Response"), choices=Recommendation.Response.choices)
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    decided_on = forms.DateField(
        label=_("Decision date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, recommendation=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser offers no later day; the service refuses one with a message.
        self.fields["decided_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        if recommendation is not None and not self.is_bound:
            self.initial.update(
                {
                    "response": recommendation.response or Recommendation.Response.SUPPORTED,
                    "reason": recommendation.response_reason,
                    "decided_on": recommendation.decided_on,
                    "version": recommendation.version,
                }
            )


class SendForReviewForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies"),
        queryset=Agency.objects.filter(archived=False, is_coordinator=False),
        widget=forms.CheckboxSelectMultiple,
    )
    due_on = forms.DateField(
        label=_("Answer due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class AssessmentForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Assessment
        fields = [
            "conforms_to_law",
            "conforms_to_policy",
            "resources_available",
            "capacity_available",
            "proposed_response",
            "comment",
        ]
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}


class BulkActionForm(forms.Form):
    ACTIONS = [
        ("send", _("Send to agencies for an opinion")),
        ("cluster", _("Group as one cluster")),
        ("publish", _("Publish")),
        ("draft", _("Return to draft")),
        ("archive", _("Archive")),
    ]
    action = forms.ChoiceField(label=_("With the selected recommendations"), choices=ACTIONS)
    ids = forms.CharField(widget=forms.MultipleHiddenInput, required=False)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies"),
        required=False,
        queryset=Agency.objects.filter(archived=False, is_coordinator=False),
    )
    due_on = forms.DateField(
        label=_("Answer due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    # One line: the cluster service refuses line breaks with a message.
    title = forms.CharField(label=_("Cluster title"), required=False, max_length=250)
