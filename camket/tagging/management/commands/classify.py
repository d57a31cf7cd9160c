"""`camket classify train|predict|suggest|duplicates`: the tagging model from the command line."""

import csv
import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.frameworks.models import Framework
from camket.tagging import confirmed, runs
from camket.tagging.models import TaggingRun
from camket.tagging.similarity import NEAR_DUPLICATE, near_duplicate_groups
from camket.tagging.tagger import NoTrainedModel, load_tagger, train
from camket.tagging.training import UnusableExport, training_set_from_exports

INPUT_COLUMNS = ("id", "text")
OUTPUT_COLUMNS = (
    "id",
    "issues",
    "action_category",
    "sdgs",
    "issues_confidence",
    "action_category_confidence",
)


class Command(BaseCommand):
    help = (
        "Automatic tagging: train the issue/action-category classifier from UPR Info "
        "exports, or tag the recommendations of a CSV file (columns id,text)."
    )

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        train = subcommands.add_parser("train", help="train from UPR Info-format exports")
        train.add_argument("paths", nargs="*", metavar="PATH", help="UPR Info CSV export(s)")
        train.add_argument(
            "--from-database",
            action="store_true",
            help="also learn from the tags of the recommendations in camket "
            "(imported and confirmed by people)",
        )
        predict = subcommands.add_parser("predict", help="tag the rows of a CSV file")
        predict.add_argument("input", metavar="INPUT.csv", help="CSV with columns id,text")
        predict.add_argument(
            "--out",
            required=True,
            metavar="OUT.csv",
            help="where to write id,issues,action_category,sdgs",
        )
        predict.add_argument("--model-version", help="use this saved version, not the newest")
        suggest = subcommands.add_parser(
            "suggest",
            help="suggest tags for the recommendations in camket (all frameworks, or one)",
        )
        suggest.add_argument("--framework", metavar="SLUG", help="only this framework")
        suggest.add_argument(
            "--enqueue",
            action="store_true",
            help="leave it to the background worker (camket db_worker)",
        )
        duplicates = subcommands.add_parser(
            "duplicates", help="groups of near-duplicate recommendations in one framework"
        )
        duplicates.add_argument("--framework", metavar="SLUG", required=True)
        duplicates.add_argument(
            "--threshold",
            type=float,
            default=NEAR_DUPLICATE,
            help="cosine similarity from 0 to 1 (default %(default)s)",
        )
        duplicates.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, **options):
        subcommand = options["subcommand"]
        if subcommand == "train":
            self.train(options["paths"], options["from_database"])
        elif subcommand == "predict":
            self.predict(Path(options["input"]), Path(options["out"]), options["model_version"])
        elif subcommand == "suggest":
            self.suggest(options["framework"], options["enqueue"])
        else:
            self.duplicates(options["framework"], options["threshold"], options["json"])

    def train(self, paths: list[str], from_database: bool) -> None:
        if not paths and not from_database:
            raise CommandError(_("Give UPR Info export(s) to train on, or --from-database."))
        for path in paths:
            if not Path(path).is_file():
                raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            data = training_set_from_exports(paths)
        except UnusableExport as error:
            raise CommandError(str(error)) from error
        if from_database:
            data = confirmed.combined(data, confirmed.training_set_from_database())
        if len(data) < runs.MIN_TRAINING_ROWS:
            raise CommandError(
                _("Only %(count)d labelled recommendations: too few to train.")
                % {"count": len(data)}
            )
        self.stdout.write(_("Training on %(count)d recommendations…") % {"count": len(data)})
        tagger = train(data)
        folder = tagger.save()
        self.stdout.write(
            _("Model %(version)s saved in %(folder)s (%(seconds)s s).")
            % {
                "version": tagger.version,
                "folder": folder,
                "seconds": tagger.model.metadata["training_seconds"],
            }
        )

    def predict(self, input_path: Path, out_path: Path, version: str | None) -> None:
        tagger = self.load(version)
        ids, texts = read_input(input_path)
        started = time.perf_counter()
        predictions = [tags.prediction for tags in tagger.tag(texts)]
        with out_path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(OUTPUT_COLUMNS)
            for row_id, prediction in zip(ids, predictions, strict=True):
                writer.writerow(
                    [
                        row_id,
                        ";".join(prediction.issues),
                        prediction.action_category or "",
                        ";".join(str(goal) for goal in prediction.sdgs),
                        ";".join(f"{c:.3f}" for c in prediction.issue_confidences),
                        f"{prediction.action_confidence:.3f}",
                    ]
                )
        self.stdout.write(
            _(
                "%(count)d recommendation(s) tagged in %(seconds).1f s with model "
                "%(version)s → %(out)s"
            )
            % {
                "count": len(ids),
                "seconds": time.perf_counter() - started,
                "version": tagger.version or "?",
                "out": out_path,
            }
        )

    def load(self, version: str | None = None):
        try:
            return load_tagger(version=version)
        except NoTrainedModel as error:
            raise CommandError(str(error)) from error

    def framework(self, slug: str | None):
        if slug is None:
            return None
        try:
            return Framework.objects.get(slug=slug)
        except Framework.DoesNotExist:
            raise CommandError(_("No framework “%(slug)s”.") % {"slug": slug}) from None

    def suggest(self, slug: str | None, enqueue: bool) -> None:
        framework = self.framework(slug)
        if enqueue:
            run = TaggingRun.objects.create(job=TaggingRun.Job.SUGGEST, framework=framework)
            from camket.tagging.tasks import carry_out_run

            carry_out_run.enqueue(run.pk)
            self.stdout.write(_("Queued as run %(id)d.") % {"id": run.pk})
            return
        self.load()
        run = TaggingRun.objects.create(job=TaggingRun.Job.SUGGEST, framework=framework)
        self.stdout.write(runs.carry_out(run).summary)

    def duplicates(self, slug: str, threshold: float, as_json: bool) -> None:
        framework = self.framework(slug)
        groups = near_duplicate_groups(
            runs.recommendations_to_tag(framework)
            .filter(cluster__isnull=True)
            .select_related("framework"),
            threshold=threshold,
        )
        if as_json:
            self.stdout.write(
                json.dumps(
                    [
                        [{"id": r.pk, "reference": r.reference, "text": r.text} for r in group]
                        for group in groups
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        for number, group in enumerate(groups, 1):
            self.stdout.write(f"{number}. " + ", ".join(r.reference for r in group))
            for recommendation in group:
                self.stdout.write(f"   {recommendation.reference}: {recommendation.text[:100]}")


def read_input(path: Path) -> tuple[list[str], list[str]]:
    if not path.is_file():
        raise CommandError(_("No such file: %(path)s") % {"path": path})
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        headers = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [column for column in INPUT_COLUMNS if column not in headers]
        if missing:
            raise CommandError(
                _("%(path)s has no “%(column)s” column (expected columns: id,text).")
                % {"path": path, "column": missing[0]}
            )
        reader.fieldnames = headers
        rows = list(reader)
    return [row["id"] or "" for row in rows], [row["text"] or "" for row in rows]
