"""Suggesting and retraining as recorded runs, done now (CLI) or by the background worker."""

import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.accounts.permissions import require
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import coordinated_frameworks
from camket.tagging import confirmed
from camket.tagging.models import TaggingRun
from camket.tagging.suggestions import suggest
from camket.tagging.tagger import load_tagger, train

logger = logging.getLogger(__name__)

MIN_TRAINING_ROWS = 50
STALE_AFTER = timedelta(hours=2)  # a run still "running" after this is taken as dead


class TooFewLabels(Exception):
    pass


def recommendations_to_tag(framework=None):
    queryset = Recommendation.objects.exclude(status=Recommendation.Status.ARCHIVED)
    if framework is not None:
        queryset = queryset.filter(framework=framework)
    return queryset.order_by("pk")


def suggest_for(framework=None) -> str:
    tagger = load_tagger()
    outcome = suggest(recommendations_to_tag(framework), tagger)
    summary = _(
        "%(count)d recommendation(s) tagged with model %(version)s: %(created)d new "
        "suggestion(s), %(updated)d refreshed, %(removed)d withdrawn."
    ) % {
        "count": outcome.recommendations,
        "version": tagger.version,
        "created": outcome.created,
        "updated": outcome.updated,
        "removed": outcome.removed,
    }
    if outcome.skipped:
        summary += " " + _("%(count)d without words to go on were left out.") % {
            "count": outcome.skipped
        }
    return summary


def retrain_from_database() -> str:
    data = confirmed.training_set_from_database()
    if len(data) < MIN_TRAINING_ROWS:
        raise TooFewLabels(
            _(
                "Only %(count)d recommendations carry UPR Info issues: too few to "
                "train (at least %(needed)d)."
            )
            % {"count": len(data), "needed": MIN_TRAINING_ROWS}
        )
    tagger = train(data)
    folder = tagger.save()
    return _("Model %(version)s trained on %(count)d recommendations, saved in %(folder)s.") % {
        "version": tagger.version,
        "count": len(data),
        "folder": folder,
    }


JOBS = {TaggingRun.Job.SUGGEST: suggest_for, TaggingRun.Job.RETRAIN: retrain_from_database}


def visible_runs(user):
    """The runs a coordinator follows: those for a framework they coordinate, and the runs
    over every framework (retraining, suggesting for all)."""
    if not roles.is_coordinator(user):
        return TaggingRun.objects.none()
    return TaggingRun.objects.filter(
        Q(framework__isnull=True) | Q(framework__in=coordinated_frameworks(user))
    )


def request_run(user, job: str, framework=None) -> TaggingRun:
    """Record a run and queue it for the background worker (`camket db_worker`). Suggesting
    for a framework is for its coordinators; for every framework at once, for whoever
    coordinates them all; retraining (which changes no record) for any coordinator."""
    from camket.tagging.tasks import carry_out_run

    require(user, "tagging.run_tagging")
    if job == TaggingRun.Job.SUGGEST:
        if framework is not None:
            require(user, "tagging.run_tagging", framework)
        elif (
            Framework.objects.filter(archived=False)
            .exclude(pk__in=coordinated_frameworks(user))
            .exists()
        ):
            raise PermissionDenied(_("Choose a framework you coordinate."))
    waiting = TaggingRun.objects.filter(
        job=job,
        state__in=[TaggingRun.State.QUEUED, TaggingRun.State.RUNNING],
        requested_at__gte=timezone.now() - STALE_AFTER,
    )
    if waiting.exists():
        raise ValidationError(
            _("A run of this kind is already queued or running; wait for it to finish.")
        )
    run = TaggingRun.objects.create(job=job, framework=framework, requested_by=user)
    carry_out_run.enqueue(run.pk)
    return run


def carry_out(run: TaggingRun) -> TaggingRun:
    TaggingRun.objects.filter(pk=run.pk).update(state=TaggingRun.State.RUNNING)
    scope = run.framework.slug if run.framework else "all frameworks"
    logger.info("Tagging run %s (%s, %s) started.", run.pk, run.job, scope)
    try:
        arguments = (run.framework,) if run.job == TaggingRun.Job.SUGGEST else ()
        run.summary = JOBS[run.job](*arguments)
        run.state = TaggingRun.State.DONE
        logger.info("Tagging run %s finished: %s", run.pk, run.summary)
    except Exception as error:  # recorded for the person who asked, then re-raised
        run.summary, run.state = str(error), TaggingRun.State.FAILED
        logger.exception("Tagging run %s failed.", run.pk)
        raise
    except BaseException:  # the worker is being stopped (SystemExit, KeyboardInterrupt)
        run.state = TaggingRun.State.INTERRUPTED
        logger.warning("Tagging run %s interrupted (the worker is stopping).", run.pk)
        raise
    finally:
        run.finished_at = timezone.now()
        run.save(update_fields=["summary", "state", "finished_at"])
    return run
