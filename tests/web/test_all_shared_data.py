"""Every file in ../shared/data imported into one database, published, beside a Master Plan and
items that lack every optional field: every page and API list answers every persona without a
server error. Sources mixed in one database are what broke the list pages once."""

import io
import json
import re
from collections import Counter
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.test import Client
from openpyxl import Workbook

from camket.cooperation.models import Agreement, CooperationKind, CooperationRequest
from camket.frameworks.models import Framework, Recommendation, State
from camket.importers.service import import_file
from camket.legislation.models import LegalAct
from camket.plans.models import Action, DueDate, Plan

pytestmark = [pytest.mark.shared_data, pytest.mark.django_db]

# Only the columns an item cannot do without: every optional field is missing.
BARE_CSV = "Reference,Text\nB.1,Ensure access to clean water.\nB.2,Protect journalists.\n"
NEVER_FOLLOW = ("/accounts/logout", "/i18n/", "/admin/", "/static/", "/evidence/")
# Open data is the same for every visitor (exports/views.py reads no user): one GET per URL and
# language checks it (the whole UPR Info cycles' files were a third of this test's time).
SAME_FOR_EVERYONE = "/public/data/"
MAX_PAGES_PER_PERSONA = 160


def _generic_xlsx(path):
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Reference",
            "Text",
            "Recommending states",
            "Response",
            "Themes",
            "SDGs",
            "Action category",
        ]
    )
    sheet.append(
        [
            "X.1",
            "Ratify the Optional Protocol to the Convention against Torture.",
            "Denmark; Chile",
            "Noted",
            "Torture",
            "16.3",
            "5",
        ]
    )
    sheet.append(["X.2", "Đảm bảo quyền của người khuyết tật.", "", "", "", "", ""])
    book.save(path)


def _import_everything(shared_data, tmp_path, coordinator):
    files = sorted((shared_data / "upr-info").glob("*.csv"))
    files += sorted((shared_data / "ohchr-thematic-lists").glob("*.docx"))
    assert len(files) >= 7, files
    for path in files:
        summary = import_file(path, publish=True, user=coordinator)
        assert summary.ok, (path.name, summary.errors[:3])
    Framework.objects.create(slug="generic", name="Generic list", kind="other")
    bare = tmp_path / "bare.csv"
    bare.write_text(BARE_CSV, encoding="utf-8")
    xlsx = tmp_path / "generic.xlsx"
    _generic_xlsx(xlsx)
    for path in (bare, xlsx):
        summary = import_file(path, framework_slug="generic", publish=True, user=coordinator)
        assert summary.ok, (path.name, summary.errors[:3])


def _start_pages(plan_world) -> list[str]:
    world = plan_world.world
    samples = [
        Recommendation.objects.filter(framework__slug="generic", reference="B.1").get(),
        Recommendation.objects.filter(action_category__isnull=False).first(),
        Recommendation.objects.filter(action_category__isnull=True)
        .exclude(framework__slug__in=["generic", world.framework.slug])
        .last(),
        world.published,
        world.draft,
        world.sent_to_a,
    ]
    pages = [
        "/",
        "/recommendations/",
        "/recommendations/?q=quyen",
        "/recommendations/?q=torture",
        "/recommendations/?response=none",
        "/recommendations/?response=accepted",
        "/recommendations/?action_category=5",
        "/recommendations/?framework=generic",
        "/recommendations/?sdg=16",
        "/recommendations/?page=2",
        "/dashboard/",
        "/dashboard/?framework=generic",
        "/review/",
        "/review/mine/",
        "/review/duplicates/",
        "/plans/",
        f"/plans/{plan_world.plan.pk}/",
        "/actions/",
        "/actions/export.xlsx",
        f"/actions/{plan_world.action_a.pk}/",
        f"/actions/{plan_world.action_b.pk}/",
        "/reports/",
        "/suggestions/",
        "/imports/",
    ]
    pages += [f"/recommendations/{item.pk}/" for item in samples if item is not None]
    # Every framework is on the portal (see `everything`): its pages, searches and open data,
    # the exports of the mixed list, the documents and consultations pages.
    for slug in Framework.objects.values_list("slug", flat=True):
        pages += [f"/public/{slug}/", f"/public/{slug}/?q=quyen", f"/public/{slug}/actions/"]
    for slug in _small_frameworks():
        pages += [f"/public/data/{slug}.json", f"/public/data/{slug}.csv"]
    ohchr = Framework.objects.filter(recommendations__source_document__startswith="A/HRC")
    pages += [
        "/public/",
        "/public/consultations/",
        "/consultations/",
        "/documents/",
        "/frameworks/",
        "/exports/recommendations.csv?q=torture+quyen",
        "/exports/recommendations.json?q=torture",
        "/exports/actions.json",
        "/exports/recommendations.docx?framework=generic",
        f"/exports/recommendations?format=xlsx&layout=matrix&framework="
        f"{ohchr.first().slug if ohchr.exists() else 'generic'}",
    ]
    pages += [f"/due-dates/{due.pk}/" for due in DueDate.objects.all()[:2]]
    pages += [
        "/treaties/",
        "/treaties/?joined=all",
        "/treaties/?joined=joined&q=quyen",
        "/treaties/OP-CAT/",
        "/treaties/CED/?state=VNM",
        "/treaties/export.csv",
        "/treaties/export.xlsx?joined=all",
        "/treaties/import/",
        "/laws/",
        "/laws/export.xlsx",
        "/cooperation/agreements/",
        "/cooperation/requests/",
        "/cooperation/summary/",
        "/public/cooperation/",
        "/exports/agreements.csv",
        "/exports/cooperation-requests.xlsx",
    ]
    pages += [f"/laws/{act.pk}/" for act in LegalAct.objects.all()]
    pages += [f"/cooperation/agreements/{agreement.pk}/" for agreement in Agreement.objects.all()]
    pages += [
        f"/cooperation/requests/{request.pk}/" for request in CooperationRequest.objects.all()
    ]
    return pages


def _small_frameworks() -> list[str]:
    """All but the UPR Info cycles of thousands of items, whose whole exports take long."""
    return [
        framework.slug
        for framework in Framework.objects.annotate(items=Count("recommendations")).filter(
            items__lt=2000
        )
    ]


def _api_lists(plan_world) -> list[str]:
    one = Recommendation.objects.filter(framework__slug="generic").first()
    return [
        "/api/frameworks",
        "/api/recommendations",
        "/api/recommendations?q=quyen",
        "/api/recommendations?response=none",
        f"/api/recommendations/{one.pk}",
        f"/api/recommendations/{one.pk}/history",
        "/api/review/assessments",
        "/api/review/progress",
        "/api/dashboard",
        "/api/dashboard?framework=generic",
        "/api/plans",
        "/api/actions",
        f"/api/actions/{plan_world.action_a.pk}/history",
        "/api/due-dates",
        "/api/suggestions",
        "/api/public/frameworks",
        "/api/exports/recommendations?format=json&q=torture",
        "/api/treaties/instruments",
        "/api/treaties/status?state=VNM",
        "/api/treaties/status?state=VNM&joined=false",
        "/api/treaties/instruments/OP-CAT/recommendations?state=VNM",
        "/api/laws",
        "/api/cooperation/agreements",
        "/api/cooperation/requests",
        "/api/cooperation/summary",
        "/api/public/cooperation/summary",
        f"/api/recommendations/{one.pk}/register-links",
        *[
            f"/api/public/frameworks/{slug}/items?q=quyen"
            for slug in Framework.objects.values_list("slug", flat=True)
        ],
    ]


LINK = re.compile(r'href="([^"#]+)"')


def _shape(url: str) -> tuple:
    """Links that differ only in ids and values are one kind of page: a few of each suffice."""
    parts = urlsplit(url)
    names = sorted({pair.split("=")[0] for pair in parts.query.split("&") if pair})
    return re.sub(r"\d+", "N", parts.path), tuple(names)


def _crawl(client: Client, pages: list[str], answered: set[tuple[str, str]]) -> list[str]:
    """GET the start pages and the same-site links on them (up to two of each kind), once
    each: the server errors. `answered`: the (URL, language) pairs of pages that are the same
    for everyone and that an earlier persona fetched already."""
    language = client.cookies["django_language"].value
    errors, seen, shapes, queue = [], set(), Counter(), list(pages)
    while queue and len(seen) < MAX_PAGES_PER_PERSONA:
        url = queue.pop(0).replace("&amp;", "&")
        if url in seen or not url.startswith("/") or url.startswith(NEVER_FOLLOW):
            continue
        if url not in pages and shapes[_shape(url)] >= 2:
            continue
        seen.add(url)
        shapes[_shape(url)] += 1
        if url.startswith(SAME_FOR_EVERYONE):
            if (url, language) in answered:
                continue  # a file: no links to follow from it
            answered.add((url, language))
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{url} → {response.status_code}")
            continue
        if url in pages and response.get("Content-Type", "").startswith("text/html"):
            for link in LINK.findall(response.content.decode()):
                if not urlsplit(link).netloc:
                    queue.append(link)
    return errors


@pytest.fixture
def everything(shared_data, tmp_path, plan_world):
    _import_everything(shared_data, tmp_path, plan_world.world.coordinator)
    Framework.objects.update(public=True)
    _bare_register_entries(plan_world.world)
    return plan_world


def _bare_register_entries(world):
    """A legal act, an agreement and a request with nothing but what they cannot do without."""
    state = State.objects.get(iso3="VNM")
    LegalAct.objects.create(kind=LegalAct.Kind.LAW, title_vi="Luật thử", status="drafting")
    Agreement.objects.create(partner=state, kind=CooperationKind.OTHER, status="signed")
    CooperationRequest.objects.create(
        direction="received",
        kind=CooperationKind.EXTRADITION,
        partner=state,
        dated_on=date(2024, 5, 1),
        responsible_agency=world.agency_a,
    )


def test_every_page_api_list_and_export_answers_every_persona_with_all_shared_data(
    everything, tmp_path
):
    world = everything.world
    assert Recommendation.objects.filter(action_category__isnull=True).exists()
    assert Recommendation.objects.filter(action_category__isnull=False).exists()
    pages, api_lists = _start_pages(everything), _api_lists(everything)
    failures, answered = [], set()
    personas = ("coordinator", "officer_a", "officer_b", "viewer", "anonymous")
    for persona, language in zip(personas, ("vi", "en", "vi", "en", "vi"), strict=True):
        client = Client()
        if persona != "anonymous":
            client.force_login(getattr(world, persona))
        client.cookies["django_language"] = language
        failures += [f"{persona} {language} {error}" for error in _crawl(client, pages, answered)]
        for url in api_lists:
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"{persona} API {url} → {response.status_code}")
    assert not failures, "\n".join(failures)
    _check_home_state_default(world.coordinator)
    _check_cli_lists_and_exports(tmp_path)
    _check_exports_and_drafts_of_every_framework(tmp_path)
    _check_treaty_status_of_every_state()


def _check_home_state_default(coordinator):
    """The list opens on Viet Nam (its 172 UPR Info recommendations of cycle 1, and the items
    of frameworks naming no state), not on Afghanistan: the other states are one switch away."""
    client = Client()
    client.force_login(coordinator)
    default = client.get("/recommendations/").context["page"]
    every = client.get("/recommendations/?state=all").context["page"]
    about_viet_nam = Recommendation.objects.filter(state_under_review__iso3="VNM").count()
    assert about_viet_nam == 172
    assert about_viet_nam < default.paginator.count < 1000 < 30000 < every.paginator.count
    assert all(
        item.state_under_review is None or item.state_under_review.iso3 == "VNM"
        for item in default.object_list
    )
    slovenia = client.get("/recommendations/?state=SVN").context["page"]
    assert 0 < slovenia.paginator.count < 1000


def _check_treaty_status_of_every_state():
    """Viet Nam's real recommendations are linked to the instruments they ask to join, on the
    State row the shipped status uses (the importers must not make a second Viet Nam)."""
    assert State.objects.filter(name__icontains="viet").count() == 1
    out = io.StringIO()
    call_command("treaties", "status", "--state", "VNM", "--json", stdout=out)
    rows = {row["treaty"]: row for row in json.loads(out.getvalue().strip().splitlines()[-1])}
    assert rows["ICCPR"]["party"] is True
    asked = {key for key, row in rows.items() if row["recommendations"]}
    assert {"OP-CAT", "CED", "ICRMW", "ROME-STATUTE"} <= asked, asked
    for iso3 in State.objects.exclude(iso3=None).values_list("iso3", flat=True)[:40]:
        out = io.StringIO()
        call_command("treaties", "status", "--state", iso3, "--json", stdout=out)
        assert json.loads(out.getvalue().strip().splitlines()[-1])


def _check_exports_and_drafts_of_every_framework(tmp_path):
    """`camket export` and `camket report` on every framework: UPR Info cycles, OHCHR matrices,
    the bare CSV, the XLSX and the Master Plan's framework."""
    for framework in Framework.objects.filter(slug__in=_small_frameworks()):
        for fmt in ("json", "xlsx"):
            out = tmp_path / f"{framework.slug}.{fmt}"
            call_command(
                "export",
                "--framework",
                framework.slug,
                "--format",
                fmt,
                "--out",
                str(out),
                stdout=io.StringIO(),
            )
            assert out.stat().st_size > 0
    for framework in Framework.objects.filter(
        slug__in=["generic", "spreadsheet"]
    ) | Framework.objects.filter(plans__isnull=False):
        for kind, fmt in (("positions", "pdf"), ("plan", "docx"), ("midterm", "pdf")):
            out = tmp_path / f"{framework.slug}-{kind}.{fmt}"
            call_command(
                "report",
                kind,
                "--framework",
                framework.slug,
                "--format",
                fmt,
                "--lang",
                "vi",
                "--out",
                str(out),
                stdout=io.StringIO(),
            )
            assert out.stat().st_size > 0


def _check_cli_lists_and_exports(tmp_path):
    out = io.StringIO()
    call_command("dashboard", "--json", stdout=out)
    figures = json.loads(out.getvalue().strip().splitlines()[-1])
    assert figures
    out = io.StringIO()
    xlsx = tmp_path / "actions.xlsx"
    call_command("plan", "actions", "--xlsx", str(xlsx), stdout=out)
    assert xlsx.stat().st_size > 0
    assert Plan.objects.exists() and Action.objects.exists()
