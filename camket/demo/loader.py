"""Loading the demo data through the same services the UI uses."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from camket.accounts.models import Agency, Membership
from camket.demo import data
from camket.demo.consultation import load_demo_consultation
from camket.demo.cooperation import load_demo_cooperation
from camket.demo.crosswalk import load_demo_frameworks
from camket.demo.guard import claim_demo_database
from camket.demo.inbox import load_demo_work
from camket.demo.laws import load_demo_laws
from camket.demo.plan import load_demo_plan
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.states import StateResolver
from camket.frameworks.taxonomies import CategoryResolver, ensure_builtin_taxonomies
from camket.lib.history import attribute_change
from camket.lib.vocabulary import SDG, UPR_INFO_ISSUES
from camket.review import services
from camket.review.models import Assessment
from camket.treaties.linking import link_items


def load_demo(*, today: date) -> list[tuple[str, str, str]]:
    """Raises NotADemoDatabase, changing nothing, unless the database is empty or the demo's."""
    claim_demo_database()
    ensure_builtin_taxonomies()
    agencies = {}
    for code, name, name_en, coordinator in data.AGENCIES:
        agencies[code], _ = Agency.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "is_coordinator": coordinator}
        )
    users = {}
    User = get_user_model()
    for username, password, full_name, role, agency in data.USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": full_name, "email": f"{username}@example.gov.vn"},
        )
        if created:
            user.set_password(password)
            user.is_staff = user.is_superuser = role == "admin"
            user.save()
        Membership.objects.update_or_create(
            user=user, defaults={"role": role, "agency": agencies.get(agency)}
        )
        users[username] = user
    states = StateResolver()
    framework, created = Framework.objects.get_or_create(
        slug=data.FRAMEWORK["slug"],
        defaults={
            **data.FRAMEWORK,
            "state_under_review": states.resolve("Viet Nam"),
            "public": True,
        },
    )  # so that `make demo` shows a lively public portal
    if created:
        _load_recommendations(framework, states, users["coordinator"], today)
    plan_users = load_demo_plan(framework, users["coordinator"], today=today)
    load_demo_frameworks()
    load_demo_consultation(framework, users["coordinator"], today=today)
    load_demo_cooperation(today=today)
    load_demo_laws()
    load_demo_work(framework, users["coordinator"], today=today)
    link_items(Recommendation.objects.all())  # demo items are written directly, not imported
    return [(u, p, r) for u, p, _, r, _ in data.USERS] + plan_users


def _load_recommendations(framework, states, coordinator, today):
    categories = CategoryResolver()
    by_reference = {}
    for reference, text, recommenders, issues, sdgs, action in data.RECOMMENDATIONS:
        recommendation = Recommendation(
            framework=framework,
            reference=reference,
            text=text,
            action_category=action,
            text_vi=data.TEXT_VI.get(reference, ""),
            state_under_review=framework.state_under_review,
            source_document="A/HRC/57/6",
            status=Recommendation.Status.PUBLISHED,
            session=46,
        )
        attribute_change(recommendation, coordinator)
        recommendation.refresh_search_document(recommenders)
        recommendation.save()
        recommendation.recommending_states.set([states.resolve(name) for name in recommenders])
        recommendation.categories.set(
            [categories.resolve(UPR_INFO_ISSUES, issue) for issue in issues]
            + [categories.resolve(SDG, code) for code in sdgs]
        )
        by_reference[reference] = recommendation
    cluster_title, members = data.CLUSTER
    services.make_cluster(coordinator, [by_reference[r] for r in members], cluster_title)
    for code, references in data.REVIEW_REQUESTS.items():
        agency = _agency(code)
        services.send_for_review(
            coordinator,
            [by_reference[r] for r in references],
            [agency],
            due_on=today + timedelta(days=14),
        )
    for (code, reference), (law, response, comment), submit in (
        *((key, value, True) for key, value in data.SUBMITTED.items()),
        *((key, value, False) for key, value in data.DRAFTS.items()),
    ):
        officer = get_user_model().objects.get(username=f"{code}_focal")
        assessment = Assessment.objects.get(
            agency__code=code, recommendation=by_reference[reference]
        )
        services.save_assessment(
            officer,
            assessment,
            {
                "conforms_to_law": law,
                "conforms_to_policy": law,
                "proposed_response": response,
                "comment": comment,
            },
            version=assessment.version,
            submit=submit,
        )
    for reference, (response, reason) in data.DECISIONS.items():
        recommendation = Recommendation.objects.get(pk=by_reference[reference].pk)
        services.decide(
            coordinator,
            recommendation,
            response=response,
            reason=reason,
            decided_on=date(2024, 9, 26),
            version=recommendation.version,
        )


def _agency(code: str) -> Agency:
    return Agency.objects.get(code=code)
