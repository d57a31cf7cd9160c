"""Training data from UPR Info-format exports, read with the importer's own parser."""

from pathlib import Path

from camket.importers.records import UPR_INFO_ISSUES
from camket.importers.upr_info.parse import parse
from camket.tagging.model import TrainingSet


class UnusableExport(Exception):
    pass


def training_set_from_exports(
    paths: list[str | Path], *, limit_per_file: int | None = None, sessions: set[int] | None = None
) -> TrainingSet:
    """Every recommendation with at least one issue; raises UnusableExport on a bad file."""
    data = TrainingSet(texts=[], issues=[], actions=[], sessions=[], sources=[])
    for path in paths:
        result = parse(path, source_name=Path(path).name)
        if result.errors and not result.records:
            first = result.errors[0]
            raise UnusableExport(f"{path}: {first}")
        records = [r for r in result.records if sessions is None or r.session in sessions]
        for record in records[:limit_per_file]:
            issues = [label for taxonomy, label in record.themes if taxonomy == UPR_INFO_ISSUES]
            if not issues:
                continue
            data.texts.append(record.text)
            data.issues.append(issues)
            data.actions.append(record.action_category)
            data.sessions.append(record.session)
        data.sources.append(Path(path).name)
    return data
