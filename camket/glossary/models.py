"""The bilingual glossary that lets a Vietnamese query find English texts."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from camket.lib.folding import search_terms


def split_variants(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


class GlossaryTerm(models.Model):
    class Domain(models.TextChoices):
        HUMAN_RIGHTS = "human_rights", _("Human rights")
        DRUGS = "drugs", _("Drugs")
        CRIME = "crime", _("Crime")
        GENERAL = "general", _("General")

    term_vi = models.CharField(_("Vietnamese term"), max_length=200)
    term_en = models.CharField(_("English term"), max_length=200)
    variants_en = models.CharField(
        _("English variants"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Other English words for it, separated by semicolons: synonyms, plurals, "
            "other forms (e.g. tortured; torturing)."
        ),
    )
    domain = models.CharField(
        _("domain"), max_length=20, choices=Domain.choices, default=Domain.GENERAL
    )
    note = models.TextField(_("note"), blank=True)
    archived = models.BooleanField(
        _("archived"), default=False, help_text=_("An archived term no longer widens searches.")
    )
    folded_vi = models.CharField(max_length=200, editable=False, db_index=True)
    # "Vietnamese|English" as the shipped file named it: people may edit both terms, and the
    # installer still recognises the row instead of adding the file's version again
    shipped_key = models.CharField(max_length=401, blank=True, editable=False, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["folded_vi", "term_en"]
        constraints = [
            models.UniqueConstraint(fields=["term_vi", "term_en"], name="glossary_unique_pair")
        ]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return f"{self.term_vi} – {self.term_en}"

    def save(self, *args, **kwargs):
        self.folded_vi = " ".join(search_terms(self.term_vi))
        super().save(*args, **kwargs)

    def english_phrases(self) -> list[str]:
        """The English term and its variants, folded and without duplicates."""
        phrases = []
        for text in [self.term_en, *split_variants(self.variants_en)]:
            phrase = " ".join(search_terms(text))
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        return phrases
