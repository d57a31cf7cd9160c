"""The coordinator's page of imported themes that matched no category of the taxonomy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts.permissions import require
from camket.frameworks import theme_mapping
from camket.frameworks.models import Category


@login_required
def unmapped_list(request):
    require(request.user, theme_mapping.MAP_PERMISSION)
    language = get_language() or "vi"
    rows = []
    for category in theme_mapping.unmapped_categories(request.user):
        targets = [
            (target.pk, f"{target.code} {target.label(language)}".strip())
            for target in theme_mapping.mapping_targets(category)
        ]
        rows.append(
            {
                "category": category,
                "targets": targets,
                "taxonomy": category.taxonomy.name_vi
                if language == "vi" and category.taxonomy.name_vi
                else category.taxonomy.name,
            }
        )
    return render(request, "frameworks/unmapped.html", {"rows": rows})


@login_required
@require_POST
def unmapped_resolve(request, pk):
    require(request.user, theme_mapping.MAP_PERMISSION)
    try:
        category = theme_mapping.get_unmapped_for_user(request.user, pk)
    except Category.DoesNotExist as missing:
        raise Http404 from missing
    try:
        if request.POST.get("do") == "map":
            target = get_object_or_404(Category, pk=request.POST.get("target") or 0)
            result = theme_mapping.map_category(request.user, category, target)
            messages.success(
                request,
                _("“%(name)s” is now “%(target)s” on %(count)d items.")
                % {
                    "name": category.name,
                    "target": target.label(get_language() or "vi"),
                    "count": result.retagged,
                },
            )
            if result.left_elsewhere:
                messages.info(
                    request,
                    _(
                        "%(count)d items of frameworks you do not coordinate still use “%(name)s”;"
                        " it stays for their coordinators to map."
                    )
                    % {"count": result.left_elsewhere, "name": category.name},
                )
        else:
            theme_mapping.keep_category(request.user, category, request.POST.get("name_vi", ""))
            messages.success(
                request, _("“%(name)s” is kept as a category.") % {"name": category.name}
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("taxonomy-unmapped")
