from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from camket.frameworks.models import Framework
from camket.frameworks.scoping import coordinated_frameworks


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "UPR Info export (CSV), OHCHR thematic list (DOCX), or CSV/XLSX with a header row."
        ),
    )
    framework = forms.ModelChoiceField(
        label=_("Framework"),
        queryset=Framework.objects.filter(archived=False),
        to_field_name="slug",
        required=False,
        empty_label=_("Detect from the file"),
    )
    publish = forms.BooleanField(label=_("Publish the new recommendations"), required=False)
    overwrite = forms.BooleanField(
        label=_("Replace what was changed in camket since the last import"),
        required=False,
        help_text=_(
            "Decisions, tags, recommending states and fields people changed in camket "
            "are kept unless you tick this: the preview lists them."
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
            ("mac_roman", _("Mac OS Roman")),
            ("latin-1", _("Latin-1 (ISO-8859-1)")),
            ("utf-16", _("UTF-16")),
        ],
        help_text=_("Choose it only when letters come out wrong; Excel and Word files ignore it."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:  # import into a framework the user coordinates
            self.fields["framework"].queryset = coordinated_frameworks(user).filter(archived=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.CAMKET_MAX_IMPORT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; files over %(limit)s are refused.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload
