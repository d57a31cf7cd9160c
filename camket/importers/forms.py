from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from camket.frameworks.models import Framework


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("UPR Info export (CSV), OHCHR thematic list (DOCX), or CSV/XLSX with a "
                    "header row."),
    )
    framework = forms.ModelChoiceField(
        label=_("Framework"), queryset=Framework.objects.filter(archived=False),
        to_field_name="slug", required=False,
        empty_label=_("Detect from the file"),
    )
    publish = forms.BooleanField(label=_("Publish the new recommendations"), required=False)
    overwrite = forms.BooleanField(
        label=_("Replace what was changed in camket since the last import"), required=False,
        help_text=_("Decisions, tags, recommending states and fields people changed in camket "
                    "are kept unless you tick this: the preview lists them."),
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
