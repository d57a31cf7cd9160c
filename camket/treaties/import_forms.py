from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class StatusImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV or XLSX with a header row. An Excel workbook may hold the status table "
            "and a reservations table on a second sheet."
        ),
    )
    encoding = forms.ChoiceField(
        label=_("Encoding (CSV files)"),
        required=False,
        choices=[
            ("", _("Detect from the file")),
            ("utf-8", _("UTF-8")),
            ("cp1258", _("Windows-1258 (Vietnamese)")),
            ("cp1252", _("Windows-1252 (Western European)")),
        ],
        help_text=_("Choose it only when letters come out wrong; Excel files ignore it."),
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
