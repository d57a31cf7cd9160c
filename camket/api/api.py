"""The REST API: same services and scoping as the web UI. Docs at /api/docs."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.http import Http404
from django.utils.translation import gettext
from ninja import Field, File, NinjaAPI, Query, Router, Schema, UploadedFile
from ninja.pagination import paginate
from pydantic import create_model

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.api import consultations as consultations_api
from camket.api import cooperation as cooperation_api
from camket.api import dashboard as dashboard_api
from camket.api import exports as exports_api
from camket.api import glossary as glossary_api
from camket.api import inbox as inbox_api
from camket.api import legislation as legislation_api
from camket.api import links as links_api
from camket.api import plans as plan_api
from camket.api import public as public_api
from camket.api import register_links as register_links_api
from camket.api import reports as report_api
from camket.api import schemas
from camket.api import tagging as tagging_api
from camket.api import translations as translations_api
from camket.api import treaties as treaties_api
from camket.api.auth import AUTH
from camket.api.pagination import BoundedPageNumberPagination
from camket.frameworks import search
from camket.frameworks.results import Results
from camket.frameworks.scoping import (
    get_recommendation_for_user,
    visible_frameworks,
    visible_recommendations,
)
from camket.importers.service import import_file
from camket.lib.concurrency import StaleEdit
from camket.review import history as review_history
from camket.review import services
from camket.review.forms import AssessmentForm
from camket.review.scoping import get_assessment_for_user, visible_assessments
from camket.tagging.suggestions import AlreadyDecided

api = NinjaAPI(
    title="camket API",
    version="1",
    auth=AUTH,
    urls_namespace="api",
    description="Recommendations, reviews and decisions. Authenticate with "
    "`Authorization: Bearer <token>` (create one with "
    "`camket token create USERNAME`).",
)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Forbidden."}, status=403)


@api.exception_handler(StaleEdit)
def _conflict(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=409)


@api.exception_handler(AlreadyDecided)
def _decided(request, exc):
    return api.create_response(
        request, {"detail": gettext("Someone already decided this suggestion.")}, status=409
    )


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(Http404)
def _missing(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


RecommendationFilters = create_model(
    "RecommendationFilters",
    __base__=Schema,
    **{
        name: (str, Field("", description=search.FILTER_DESCRIPTIONS[name]))
        for name in ("q", *search.FILTER_NAMES)
    },
)


recommendations = Router(tags=["recommendations"])
review = Router(tags=["review"])


@api.get("/frameworks", response=list[schemas.FrameworkOut], tags=["frameworks"])
def list_frameworks(request):
    if roles.role_of(request.user) is None:
        raise PermissionDenied
    return visible_frameworks(request.user)


@recommendations.get(
    "",
    response=list[schemas.RecommendationOut],
    summary="List the recommendations the user may see",
    description="By default the home state's items (CAMKET_HOME_STATE), "
    "newest cycle and session first; `state=all` lists every "
    "state under review.",
)
@paginate(BoundedPageNumberPagination)
def list_recommendations(request, filters: Query[RecommendationFilters]):
    params = search.SearchParams.from_mapping(filters.dict())
    return Results(
        request.user,
        params,
        related=("framework", "state_under_review"),
        prefetch=("recommending_states",),
    )


@recommendations.get("/{int:pk}", response=schemas.RecommendationDetailOut)
def get_recommendation(request, pk: int):
    return get_recommendation_for_user(request.user, pk)


@recommendations.get("/{int:pk}/history", response=list[schemas.HistoryOut])
def recommendation_history(request, pk: int):
    recommendation = get_recommendation_for_user(request.user, pk)
    return review_history.recommendation_history(request.user, recommendation)


@recommendations.post("/{int:pk}/decision", response=list[schemas.RecommendationOut])
def decide(request, pk: int, payload: schemas.DecisionIn):
    recommendation = get_recommendation_for_user(request.user, pk)
    return services.decide(
        request.user,
        recommendation,
        response=payload.response,
        reason=payload.reason,
        decided_on=payload.decided_on,
        version=payload.version,
    )


@recommendations.post("/{int:pk}/review-requests", response=list[schemas.AssessmentOut])
def request_review(request, pk: int, payload: schemas.ReviewRequestIn):
    recommendation = get_recommendation_for_user(request.user, pk)
    agencies = list(
        Agency.objects.filter(code__in=payload.agencies, archived=False, is_coordinator=False)
    )
    unknown = set(payload.agencies) - {a.code for a in agencies}
    if unknown:
        raise ValidationError({"agencies": [f"Unknown agency: {code}" for code in sorted(unknown)]})
    services.send_for_review(request.user, [recommendation], agencies, due_on=payload.due_on)
    return visible_assessments(request.user).filter(
        recommendation=recommendation, agency__in=agencies
    )


@review.get("/assessments", response=list[schemas.AssessmentOut])
@paginate(BoundedPageNumberPagination)
def list_assessments(request, state: str = ""):
    queryset = visible_assessments(request.user).select_related("agency").order_by("id")
    return queryset.filter(state=state) if state else queryset


@review.get("/assessments/{int:pk}", response=schemas.AssessmentOut)
def get_assessment(request, pk: int):
    return get_assessment_for_user(request.user, pk)


@review.put("/assessments/{int:pk}", response=schemas.AssessmentOut)
def update_assessment(request, pk: int, payload: schemas.AssessmentIn):
    assessment = get_assessment_for_user(request.user, pk)
    if not request.user.has_perm("review.change_assessment", assessment):
        raise PermissionDenied("You cannot change this opinion.")
    data = {
        **model_to_dict(assessment, fields=AssessmentForm.Meta.fields),
        **payload.dict(exclude_none=True, exclude={"submit"}),
    }
    form = AssessmentForm(data, instance=assessment)
    if not form.is_valid():
        raise ValidationError(form.errors.get_json_data())
    values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
    return services.save_assessment(
        request.user, assessment, values, version=payload.version, submit=payload.submit
    )


@review.get("/progress", response=list[schemas.ProgressOut])
def progress(request):
    if not roles.is_coordinator(request.user) and roles.role_of(request.user) != "viewer":
        raise PermissionDenied
    return [{**row, "agency": row["agency"].code} for row in services.review_progress()]


@review.post("/clusters", response=schemas.ClusterOut)
def create_cluster(request, payload: schemas.ClusterIn):
    members = visible_recommendations(request.user).filter(pk__in=payload.recommendation_ids)
    return services.make_cluster(request.user, members, payload.title)


@api.post("/imports", response=schemas.ImportOut, tags=["imports"])
def upload_import(
    request,
    file: File[UploadedFile],
    framework: str = "",
    dry_run: bool = False,
    publish: bool = False,
    overwrite: bool = False,
):
    if not roles.is_coordinator(request.user):
        raise PermissionDenied("Only the coordinating ministry can import.")
    limit = settings.CAMKET_MAX_IMPORT_BYTES
    if file.size > limit:
        raise ValidationError({"file": [f"The file is {file.size} bytes; the limit is {limit}."]})
    summary = import_file(
        file.name,
        raw=file.read(),
        source_name=file.name,
        framework_slug=framework or None,
        dry_run=dry_run,
        publish=publish,
        overwrite=overwrite,
        user=request.user,
    )
    return {**summary.as_dict(), "dry_run": dry_run, "frameworks": summary.frameworks}


api.add_router("/recommendations", recommendations)
api.add_router("/review", review)
api.add_router("/plans", plan_api.plans)
api.add_router("/actions", plan_api.actions)
api.add_router("/indicators", plan_api.indicators)
api.add_router("/recommendations", plan_api.recommendation_indicators)
api.add_router("/due-dates", report_api.due_dates)
api.add_router("/reports", report_api.reports)
api.add_router("/evidence", report_api.evidence)
api.add_router("/reminders", report_api.reminders)
api.add_router("/dashboard", dashboard_api.router)
api.add_router("/suggestions", tagging_api.suggestion_router)
api.add_router("/tagging/runs", tagging_api.run_router)
api.add_router("/recommendations", tagging_api.similar_router)
api.add_router("/recommendations", links_api.item_link_router)
api.add_router("/links", links_api.link_router)
api.add_router("/exports", exports_api.router)
api.add_router("/consultations", consultations_api.public_router)
api.add_router("/consultations", consultations_api.coordinator_router)
api.add_router("/public", public_api.router)
api.add_router("/treaties", treaties_api.router)
api.add_router("/cooperation", cooperation_api.router)
api.add_router("/public/cooperation", cooperation_api.public_router)
api.add_router("/laws", legislation_api.router)

api.add_router("/recommendations", register_links_api.item_register_router)
api.add_router("/register-links", register_links_api.register_link_router)
api.add_router("/glossary", glossary_api.router)

api.add_router("/inbox", inbox_api.router)
api.add_router("/notifications", inbox_api.notifications)
api.add_router("/recommendations", translations_api.router)
