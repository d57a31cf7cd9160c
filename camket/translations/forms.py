from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from camket.frameworks.scoping import visible_frameworks
from camket.frameworks.templatetags.camket_labels import framework_label


class ExportForm(forms.Form):
    framework = forms.ModelChoiceField(label=_("Framework"), queryset=None, to_field_name="slug")
    missing = forms.BooleanField(
        label=_("Only the items without a Vietnamese text"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = visible_frameworks(user).order_by("name")
        self.fields["framework"].label_from_instance = framework_label


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Translated workbook (XLSX)"))
    dry_run = forms.BooleanField(
        label=_("Only check the file, write nothing"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.CAMKET_MAX_IMPORT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; files over %(limit)s are refused.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload
