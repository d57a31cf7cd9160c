"""The portal's page of yearly request counts: year × direction × type, nothing else."""

from django.shortcuts import render

from camket.cooperation import summary
from camket.cooperation.models import CooperationKind
from camket.public.cache import cached_page
from camket.public.views import portal_view


@portal_view
@cached_page
def public_summary(request):
    return render(
        request,
        "cooperation/public_summary.html",
        {
            "tables": summary.year_tables(summary.public_cells()),
            "kinds": CooperationKind.choices,
            "minimum": summary.public_minimum(),
        },
    )
