"""Forms of the management pages (agencies, accounts, API tokens)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from camket.accounts import people
from camket.accounts.models import Agency, Membership

Role = Membership.Role


class AgencyForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Agency
        fields = ["code", "name", "name_en", "is_coordinator"]
        labels = {"name": _("Vietnamese name")}
        help_texts = {"code": _("Short, lower case, unique: e.g. mps, moj.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].required = True
            if not self.is_bound:
                self.initial["version"] = self.instance.version

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AccountForm(forms.Form):
    """A person's account and membership. Who may make administrators decides whether the
    administrator role and the superuser box are offered at all."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    username = forms.CharField(label=_("Username"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    agency = forms.ModelChoiceField(
        label=_("Agency"), required=False, queryset=Agency.objects.none()
    )
    is_superuser = forms.BooleanField(
        label=_("Superuser (every right, the Django admin too)"), required=False
    )

    def __init__(self, *args, actor, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        membership = people.membership_of(target) if target is not None else None
        agencies = Agency.objects.filter(archived=False)
        if membership is not None and membership.agency_id:  # an archived one stays shown
            agencies = agencies | Agency.objects.filter(pk=membership.agency_id)
        self.fields["agency"].queryset = agencies.order_by("name")
        if not people.may_grant_administrator(actor):
            del self.fields["is_superuser"]
            self.fields["role"].choices = [
                (value, label) for value, label in Role.choices if value != Role.ADMINISTRATOR
            ]
        if target is None:
            del self.fields["version"]
        elif not self.is_bound:
            self.initial.update(
                {
                    name: getattr(target, name)
                    for name in ("username", "first_name", "last_name", "email", "is_superuser")
                }
            )
            self.initial["version"] = people.account_version(target)
            if membership is not None:
                self.initial.update({"role": membership.role, "agency": membership.agency})

    def values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class UserFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    agency = forms.ModelChoiceField(
        label=_("Agency"), required=False, queryset=Agency.objects.order_by("name")
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("Any role")), *Role.choices]
    )
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("yes", _("Active")), ("no", _("Deactivated")), ("", _("All"))],
    )

    def active_value(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("active"))


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("What uses it, e.g. “statistics office sync”.")
    )
