from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from camket.consultations import guard
from camket.consultations.models import Comment, Consultation
from camket.frameworks.models import Recommendation

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ConsultationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    file = forms.FileField(
        label=_("Draft document"),
        required=False,
        help_text=_("PDF, Word (.docx), Excel (.xlsx), PNG or JPEG; replaces the one attached."),
    )

    class Meta:
        model = Consultation
        fields = ["subject", "title", "description", "opens_at", "closes_at", "draft_text", "items"]
        widgets = {
            "opens_at": DATETIME,
            "closes_at": DATETIME,
            "description": forms.Textarea(attrs={"rows": 3}),
            "draft_text": forms.Textarea(attrs={"rows": 10}),
            "items": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = framework.recommendations.exclude(
            status=Recommendation.Status.ARCHIVED
        ).order_by("id")
        self.fields["items"].label_from_instance = lambda item: (
            f"{item.reference}: {item.text[:100]}"
        )
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "items"}


class CommentForm(forms.Form):
    """The public's comment. `website` is the honeypot (hidden from people, filled by robots);
    `token` the signed time the form was shown, accepted once."""

    item = forms.ModelChoiceField(
        label=_("On"),
        queryset=Recommendation.objects.none(),
        required=False,
        empty_label=_("The whole draft"),
    )
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 6}))
    name = forms.CharField(label=_("Name (optional)"), max_length=120, required=False)
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=200, required=False
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, consultation, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.fields["item"].queryset = items
        self.fields["item"].label_from_instance = lambda item: item.reference
        self.fields["text"].max_length = settings.CAMKET_COMMENT_MAX_CHARS
        self.fields["text"].widget.attrs["maxlength"] = settings.CAMKET_COMMENT_MAX_CHARS
        if not self.is_bound:
            self.initial["token"] = guard.issue_token(consultation.pk)

    def renew_token(self) -> None:
        """A fresh token for the form shown again after a refusal: the one sent is spent."""
        self.data = self.data.copy()
        self.data["token"] = guard.issue_token(self.consultation.pk)

    def clean_text(self):
        # The service counts and refuses too; here the message sits beside the field.
        text = self.cleaned_data["text"]
        guard.check_content(text)
        return text

    def clean(self):
        cleaned = super().clean()
        guard.check_honeypot(cleaned.get("website", ""))
        guard.check_token(cleaned.get("token", ""), self.consultation.pk)
        return cleaned


class ModerationForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    state = forms.ChoiceField(label=_("Moderation"), choices=Comment.State.choices)
    response = forms.CharField(
        label=_("Response"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class SummaryForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    summary = forms.CharField(
        label=_("Summary of comments and responses"), widget=forms.Textarea(attrs={"rows": 8})
    )
