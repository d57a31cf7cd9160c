from django import forms
from django.utils.translation import gettext_lazy as _

from camket.frameworks.models import Implementation
from camket.reports.models import ProgressReport


class ReportForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ProgressReport
        fields = ["status", "narrative", "indicator_value"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "—"), *Implementation.choices]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word (.docx), Excel (.xlsx), PNG or JPEG."),
    )
    is_public = forms.BooleanField(
        label=_("Public (may be shown outside the government)"), required=False
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
