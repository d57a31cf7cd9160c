from django import forms

from camket.glossary.models import GlossaryTerm


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term_vi", "term_en", "variants_en", "domain", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
