from django import forms
from django.utils.translation import gettext_lazy as _

from camket.programme_reviews.models import FrameworkReview


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ReviewForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    files = MultipleFileField(
        label=_("Attachments"),
        required=False,
        widget=MultipleFileInput(),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), PNG or JPEG."),
    )

    class Meta:
        model = FrameworkReview
        fields = ["held_on", "title", "participants", "findings", "agreed_changes"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "participants": forms.Textarea(attrs={"rows": 3}),
            "findings": forms.Textarea(attrs={"rows": 6}),
            "agreed_changes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
