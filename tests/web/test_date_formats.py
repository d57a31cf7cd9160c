"""One date format per language: Vietnamese pages write 30/11/2026, English ones 2026-11-30;
forms take dd/mm/yyyy in both; the API and exports keep ISO dates whatever the language."""

from datetime import date, datetime

import pytest
from django import forms
from django.urls import reverse
from django.utils import formats, translation

from camket.accounts.models import ApiToken
from camket.review.forms import SendForReviewForm

START = {"vi": "01/01/2025", "en": "2025-01-01"}  # the plan world's actions start then
APPROVED = {"vi": "01/12/2024", "en": "2024-12-01"}  # and its plan was approved then


@pytest.mark.parametrize(
    ("lang", "day", "moment"),
    [
        ("vi", "30/11/2026", "30/11/2026 14:05"),
        ("en", "2026-11-30", "2026-11-30 14:05"),
    ],
)
def test_each_language_has_one_date_format(lang, day, moment):
    with translation.override(lang):
        for name in ("DATE_FORMAT", "SHORT_DATE_FORMAT"):
            assert formats.date_format(date(2026, 11, 30), name) == day
        for name in ("DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"):
            assert formats.date_format(datetime(2026, 11, 30, 14, 5), name) == moment


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_forms_read_day_before_month_and_iso(lang):
    field = forms.DateField()
    with translation.override(lang):
        assert field.clean("03/04/2026") == date(2026, 4, 3)
        assert field.clean("2026-04-03") == date(2026, 4, 3)
        with pytest.raises(forms.ValidationError):
            field.clean("04/31/2026")  # month/day order is not read


def test_a_date_picker_gets_an_iso_value_in_vietnamese():
    """<input type=date> shows nothing unless its value is yyyy-mm-dd."""
    form = SendForReviewForm(initial={"due_on": date(2026, 11, 30)})
    with translation.override("vi"):
        html = str(form["due_on"])
    assert 'type="date"' in html and 'value="2026-11-30"' in html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pages_write_dates_in_the_reader_s_language(client, plan_world, lang):
    client.force_login(plan_world.world.coordinator)
    other = "en" if lang == "vi" else "vi"
    action = client.get(
        reverse("action-detail", args=[plan_world.action_a.pk]), HTTP_ACCEPT_LANGUAGE=lang
    )
    plans = client.get(reverse("plan-list"), HTTP_ACCEPT_LANGUAGE=lang)
    assert action.status_code == plans.status_code == 200
    action_html, plans_html = action.content.decode(), plans.content.decode()
    assert f'lang="{lang}"' in action_html
    assert START[lang] in action_html and START[other] not in action_html
    assert APPROVED[lang] in plans_html and APPROVED[other] not in plans_html


def test_the_api_keeps_iso_dates_in_vietnamese(client, plan_world):
    _, secret = ApiToken.issue(plan_world.world.coordinator, "date format test")
    response = client.get(
        f"/api/actions/{plan_world.action_a.pk}",
        headers={"Authorization": f"Bearer {secret}"},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200
    assert response.json()["target_on"] == "2026-12-31"


def test_exports_keep_iso_dates_in_vietnamese(client, plan_world):
    client.force_login(plan_world.world.coordinator)
    response = client.get(reverse("actions-export", args=["csv"]), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    text = b"".join(
        response.streaming_content if response.streaming else [response.content]
    ).decode("utf-8-sig")
    assert "2026-12-31" in text and "31/12/2026" not in text
