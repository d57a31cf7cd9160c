"""The bilingual search glossary, read-only: what a Vietnamese query also looks for."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from camket.api.pagination import BoundedPageNumberPagination
from camket.glossary import services
from camket.glossary.models import split_variants

router = Router(tags=["glossary"])


class GlossaryFilters(Schema):
    q: str = Field("", description="words of the Vietnamese (diacritics optional) or English")
    domain: str = Field("", description="human_rights, drugs, crime or general")
    archived: bool = Field(False, description="true: the archived terms instead")


class GlossaryTermOut(Schema):
    id: int
    term_vi: str
    term_en: str
    variants_en: list[str] = Field(..., description="other English words for it")
    domain: str
    note: str
    archived: bool

    @staticmethod
    def resolve_variants_en(term) -> list[str]:
        return split_variants(term.variants_en)


@router.get("", response=list[GlossaryTermOut])
@paginate(BoundedPageNumberPagination)
def list_terms(request, filters: Query[GlossaryFilters]):
    services.check_reader(request.user)
    return services.find_terms(filters.q[:200], domain=filters.domain, archived=filters.archived)
