"""The public action page draws an indicator's trend from public accepted reports only."""

import re
from decimal import Decimal

from django.urls import reverse

from camket.reports.models import ProgressReport


def test_the_public_chart_plots_only_the_public_accepted_value(client, portal_world):
    # three reports of value 40: public+accepted, accepted not public, submitted marked public
    ProgressReport.objects.exclude(is_public=True, state="accepted").update(
        indicator_value=Decimal(77)
    )
    url = reverse("public-action", args=[portal_world.framework.slug, portal_world.action.pk])
    content = client.get(url).content.decode()
    chart = content.split('<svg class="chart line"')[1].split("</svg>")[0]
    assert len(re.findall(r"<circle class=\"value", chart)) == 1
    assert "77" not in content.split('<figure class="trend"')[1].split("</figure>")[0]
    assert "PUBMARK-INDICATOR" in chart  # the chart's title names the indicator
