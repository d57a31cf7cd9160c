"""`camket classify train PATH...` and `camket classify predict INPUT.csv --out OUT.csv`."""

import csv
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.tagging.model import NoTrainedModel, TaggingModel, load_model
from camket.tagging.training import UnusableExport, training_set_from_exports

INPUT_COLUMNS = ("id", "text")
OUTPUT_COLUMNS = ("id", "issues", "action_category", "sdgs",
                  "issues_confidence", "action_category_confidence")


class Command(BaseCommand):
    help = ("Automatic tagging: train the issue/action-category classifier from UPR Info "
            "exports, or tag the recommendations of a CSV file (columns id,text).")

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        train = subcommands.add_parser("train", help="train from UPR Info-format exports")
        train.add_argument("paths", nargs="+", metavar="PATH", help="UPR Info CSV export(s)")
        predict = subcommands.add_parser("predict", help="tag the rows of a CSV file")
        predict.add_argument("input", metavar="INPUT.csv", help="CSV with columns id,text")
        predict.add_argument("--out", required=True, metavar="OUT.csv",
                             help="where to write id,issues,action_category,sdgs")
        predict.add_argument("--model-version", help="use this saved version, not the newest")

    def handle(self, *args, **options):
        if options["subcommand"] == "train":
            self.train(options["paths"])
        else:
            self.predict(Path(options["input"]), Path(options["out"]), options["model_version"])

    def train(self, paths: list[str]) -> None:
        for path in paths:
            if not Path(path).is_file():
                raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            data = training_set_from_exports(paths)
        except UnusableExport as error:
            raise CommandError(str(error)) from error
        if len(data) < 50:
            raise CommandError(_("Only %(count)d labelled recommendations: too few to train.")
                               % {"count": len(data)})
        self.stdout.write(_("Training on %(count)d recommendations…") % {"count": len(data)})
        model = TaggingModel().fit(data)
        folder = model.save()
        self.stdout.write(_("Model %(version)s saved in %(folder)s (%(seconds)s s).") % {
            "version": model.metadata["version"], "folder": folder,
            "seconds": model.metadata["training_seconds"]})

    def predict(self, input_path: Path, out_path: Path, version: str | None) -> None:
        try:
            model = load_model(version=version)
        except NoTrainedModel as error:
            raise CommandError(_("No trained tagging model in %(folder)s: run "
                                 "“camket classify train PATH...” first.")
                               % {"folder": error}) from error
        ids, texts = read_input(input_path)
        started = time.perf_counter()
        predictions = model.predict(texts)
        with out_path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(OUTPUT_COLUMNS)
            for row_id, prediction in zip(ids, predictions, strict=True):
                writer.writerow([
                    row_id,
                    ";".join(prediction.issues),
                    prediction.action_category or "",
                    ";".join(str(goal) for goal in prediction.sdgs),
                    ";".join(f"{c:.3f}" for c in prediction.issue_confidences),
                    f"{prediction.action_confidence:.3f}",
                ])
        self.stdout.write(_("%(count)d recommendation(s) tagged in %(seconds).1f s with model "
                            "%(version)s → %(out)s") % {
            "count": len(ids), "seconds": time.perf_counter() - started,
            "version": model.metadata.get("version", "?"), "out": out_path})


def read_input(path: Path) -> tuple[list[str], list[str]]:
    if not path.is_file():
        raise CommandError(_("No such file: %(path)s") % {"path": path})
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        headers = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [column for column in INPUT_COLUMNS if column not in headers]
        if missing:
            raise CommandError(_("%(path)s has no “%(column)s” column (expected columns: "
                                 "id,text).") % {"path": path, "column": missing[0]})
        reader.fieldnames = headers
        rows = list(reader)
    return [row["id"] or "" for row in rows], [row["text"] or "" for row in rows]
