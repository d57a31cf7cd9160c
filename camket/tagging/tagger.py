"""The saved tagger: the issue/action-category model and the SDG tagger of the same version."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import joblib
from django.utils.translation import gettext as _

from camket.tagging.model import (
    NoTrainedModel,
    Prediction,
    TaggingModel,
    TrainingSet,
    load_model,
    models_root,
    saved_versions,
)
from camket.tagging.sdgs import Neighbour, SdgTag, SdgTagger

SDG_FILE = "sdg.joblib"


@dataclass
class Tags:
    prediction: Prediction
    sdgs: list[SdgTag]


@dataclass
class Tagger:
    model: TaggingModel
    sdg: SdgTagger

    @property
    def version(self) -> str:
        return self.model.metadata.get("version", "")

    def tag(self, texts: list[str], neighbours: list[list[Neighbour]] | None = None) -> list[Tags]:
        predictions = self.model.predict(texts)
        issues = [list(zip(p.issues, p.issue_confidences, strict=True)) for p in predictions]
        sdgs = self.sdg.tag(texts, issues, neighbours)
        for prediction, goals in zip(predictions, sdgs, strict=True):
            prediction.sdgs = [tag.goal for tag in goals]
        return [Tags(p, goals) for p, goals in zip(predictions, sdgs, strict=True)]

    def save(self, root: Path | None = None) -> Path:
        """Written in a hidden folder first, so no one ever loads half a model."""
        final = models_root(root)
        final.mkdir(parents=True, exist_ok=True)
        incoming = Path(tempfile.mkdtemp(prefix=".incoming-", dir=final))
        try:
            written = self.model.save(incoming)
            joblib.dump(self.sdg, written / SDG_FILE, compress=3)
            return written.rename(final / written.name)
        finally:
            shutil.rmtree(incoming, ignore_errors=True)


def train(data: TrainingSet, *, n_jobs: int = 2) -> Tagger:
    model = TaggingModel(n_jobs=n_jobs).fit(data)
    return Tagger(model, SdgTagger().fit(data.texts))


def load_tagger(root: Path | None = None, version: str | None = None) -> Tagger:
    try:
        model = load_model(root, version)
    except NoTrainedModel as error:
        raise NoTrainedModel(
            _(
                "No trained tagging model in %(folder)s: run “camket classify "
                "train PATH...” (or retrain from camket's tags) first."
            )
            % {"folder": error}
        ) from None
    sdg_file = models_root(root) / model.metadata["version"] / SDG_FILE
    sdg = joblib.load(sdg_file) if sdg_file.is_file() else SdgTagger().fit([])
    return Tagger(model, sdg)


def newest_version(root: Path | None = None) -> str | None:
    versions = saved_versions(root)
    return versions[-1].name if versions else None


__all__ = ["NoTrainedModel", "Tagger", "Tags", "load_tagger", "newest_version", "train"]
