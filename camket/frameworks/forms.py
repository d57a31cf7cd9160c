from django import forms
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from camket.accounts.models import Agency
from camket.frameworks import kinds
from camket.frameworks.definition_fields import known_level, level_key
from camket.frameworks.models import Framework, Taxonomy


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FrameworkForm(forms.ModelForm):
    """Create or edit a framework. Levels are typed one a line, "English name | Vietnamese
    name", top first; left empty, the kind's levels apply. Which fields apply follow the kind
    when the framework is created, and can be changed when editing it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    level_lines = forms.CharField(
        label=_("Levels"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One a line, top first: English name | Vietnamese name. Empty: the kind's levels."
        ),
    )
    coordinating_agency = forms.ModelChoiceField(
        label=_("Coordinating agency"),
        required=False,
        queryset=Agency.objects.filter(archived=False).order_by("name"),
        help_text=_(
            "Its coordinators decide, plan and review for this framework; empty: the "
            "coordinating ministry."
        ),
    )
    taxonomies = forms.ModelMultipleChoiceField(
        label=_("Taxonomies"),
        required=False,
        queryset=Taxonomy.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Framework
        fields = [
            "slug",
            "name",
            "name_vi",
            "kind",
            "coordinating_agency",
            "taxonomies",
            "cycle",
            "starts_on",
            "ends_on",
            "description",
            "has_response",
            "has_recommending_states",
            "has_indicators",
            "archived",
            "public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": _date_input(),
            "ends_on": _date_input(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        framework = self.instance
        if framework.pk:
            self.fields["version"].required = True
            del self.fields["slug"]
            if not self.is_bound:
                self.initial["version"] = framework.version
                self.initial["level_lines"] = "\n".join(
                    f"{level.name} | {level.name_vi}" if level.name_vi else level.name
                    for level in framework.level_list()
                )
        else:
            for name in ("has_response", "has_recommending_states", "has_indicators", "archived"):
                del self.fields[name]
        if framework.coordinating_agency_id:  # an archived agency still shows as chosen
            self.fields["coordinating_agency"].queryset = Agency.objects.filter(
                archived=False
            ) | Agency.objects.filter(pk=framework.coordinating_agency_id)

    def clean_level_lines(self) -> list[dict]:
        levels, seen = [], set()
        current = {
            level.name.casefold(): level
            for level in (self.instance.level_list() if self.instance.pk else ())
        }
        for number, line in enumerate(self.cleaned_data["level_lines"].splitlines(), 1):
            if not line.strip():
                continue
            name, _bar, name_vi = (part.strip() for part in line.partition("|"))
            if not name:
                raise forms.ValidationError(
                    _gettext("Line %(number)d: the level's English name comes first.")
                    % {"number": number}
                )
            if name.casefold() in seen:
                raise forms.ValidationError(
                    _gettext("Line %(number)d: a level named %(name)s is already above.")
                    % {"number": number, "name": name}
                )
            seen.add(name.casefold())
            known = current.get(name.casefold()) or known_level(name)
            levels.append(
                {
                    "key": known.key if known else "",
                    "name": name[:100],
                    "name_vi": (name_vi or (known.name_vi if known else ""))[:100],
                }
            )
        return levels

    def values(self) -> dict:
        """The framework's fields as the editing service takes them."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("slug", "version", "taxonomies", "level_lines")
        }
        levels = self.cleaned_data["level_lines"]
        kind_levels = [level.as_dict() for level in kinds.defaults_for(data["kind"]).levels]
        stored_default = self.instance.pk and not self.instance.levels
        data["levels"] = (
            []
            if not levels or (stored_default and levels == kind_levels)
            else [{**level, "key": level["key"] or level_key(level["name"])} for level in levels]
        )
        return data
