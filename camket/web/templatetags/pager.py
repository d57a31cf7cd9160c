"""The page links of a paginated list (templates/_pager.html)."""

from django import template

register = template.Library()

# Pages shown on each side of the current one, and at each end of the list.
AROUND_CURRENT = 2
AT_ENDS = 1


@register.filter
def page_numbers(page) -> list:
    """The first and last page numbers, a window around the current one, and the paginator's
    ellipsis ("…") where pages are skipped."""
    return list(
        page.paginator.get_elided_page_range(
            page.number, on_each_side=AROUND_CURRENT, on_ends=AT_ENDS
        )
    )
