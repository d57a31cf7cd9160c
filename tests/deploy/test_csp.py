"""Every page carries a strict Content-Security-Policy, and no template needs it loosened."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

CAMKET = Path(__file__).resolve().parents[2] / "camket"
# Rendered to PDF by WeasyPrint, never served to a browser: the CSP does not apply to them.
PDF_TEMPLATES = CAMKET / "documents" / "templates" / "documents" / "pdf"
INLINE = re.compile(
    r"""\sstyle\s*=|\son[a-z]+\s*=\s*["']|<style[\s>]|<script(?![^>]*\bsrc=)[^>]*>(?!\s*</script>)"""
)


def _assert_strict_policy(response):
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_every_kind_of_page_carries_the_policy(client, plan_world, admin_user):
    world = plan_world.world
    anonymous_pages = [
        reverse("login"),
        reverse("public-home"),
        "/admin/login/",
        "/health/",
        "/no-such-page/",
    ]
    for url in anonymous_pages:
        _assert_strict_policy(client.get(url))
    client.force_login(world.coordinator)
    signed_in_pages = [
        reverse("recommendation-list"),
        reverse("recommendation-detail", args=[world.published.pk]),
        reverse("plan-detail", args=[plan_world.plan.pk]),
        reverse("dashboard"),
        reverse("inbox"),
    ]
    for url in signed_in_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_strict_policy(response)
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    _assert_strict_policy(response)


def test_no_served_template_holds_inline_script_style_or_handler():
    offenders = []
    for template in CAMKET.glob("**/templates/**/*.html"):
        if PDF_TEMPLATES in template.parents:
            continue
        for number, line in enumerate(template.read_text().splitlines(), 1):
            if INLINE.search(line):
                offenders.append(f"{template.relative_to(CAMKET)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_inline_pattern_catches_what_the_policy_would_block():
    for line in [
        '<select onchange="this.form.submit()">',
        '<col style="width: 7%">',
        "<style>p { color: red }</style>",
        "<script>alert(1)</script>",
    ]:
        assert INLINE.search(line), line
    for line in ['<script src="/static/site.js" defer></script>', '<p class="onward">']:
        assert not INLINE.search(line), line
