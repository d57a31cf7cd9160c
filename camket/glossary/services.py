"""Reading and changing the glossary: every signed-in member reads, coordinators change."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.glossary.models import GlossaryTerm
from camket.lib.folding import fold, search_terms
from camket.lib.history import attribute_change


def may_read(user) -> bool:
    return roles.can_read(user)


def may_edit(user) -> bool:
    return roles.is_coordinator(user)


def check_reader(user) -> None:
    if not may_read(user):
        raise PermissionDenied(_("You are not allowed to do this."))


def check_editor(user) -> None:
    if user is not None and not may_edit(user):
        raise PermissionDenied(_("Only coordinators can change the glossary."))


def find_terms(
    query: str = "", *, domain: str = "", archived: bool | None = False
) -> QuerySet[GlossaryTerm]:
    """Terms whose Vietnamese (diacritics ignored) or English words contain the query."""
    terms = GlossaryTerm.objects.all()
    if archived is not None:
        terms = terms.filter(archived=archived)
    if domain:
        terms = terms.filter(domain=domain)
    folded = " ".join(search_terms(query))
    if folded:
        terms = terms.filter(
            Q(folded_vi__contains=folded)
            | Q(term_en__icontains=query.strip())
            | Q(variants_en__icontains=query.strip())
            | Q(term_en__icontains=fold(query).strip())
        )
    return terms


def save_term(user, term: GlossaryTerm, reason: str = "") -> GlossaryTerm:
    """Save a new or changed term; the history names the person (None: the system)."""
    check_editor(user)
    attribute_change(term, user, reason or None)
    term.full_clean()
    term.save()
    return term


def set_archived(user, term: GlossaryTerm, archived: bool) -> GlossaryTerm:
    term.archived = archived
    return save_term(user, term)
