"""Which suggestions a user may see (those of the recommendations they may see), and filters
shared by the web page, the API and the bulk decisions."""

from dataclasses import dataclass, fields

from camket.frameworks.scoping import visible_recommendations
from camket.lib.numbers import positive_int
from camket.tagging.models import Suggestion


def visible_suggestions(user):
    """Suggestions of the recommendations the user may see, archived ones left out."""
    return Suggestion.objects.filter(
        recommendation__in=visible_recommendations(user)
        .exclude(status="archived")
        .exclude(framework__archived=True)
    )


def parse_confidence(value) -> float | None:
    """A confidence from 0 to 1 as typed, or None when it is missing or not one."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if 0 <= number <= 1 else None


@dataclass
class SuggestionFilters:
    framework: str = ""
    kind: str = ""
    state: str = Suggestion.State.PENDING
    min_confidence: float | None = None
    max_confidence: float | None = None
    recommendation: int | None = None

    @classmethod
    def from_mapping(cls, mapping) -> "SuggestionFilters":
        values = {
            f.name: mapping.get(f.name)
            for f in fields(cls)
            if mapping.get(f.name) not in (None, "")
        }
        for name in ("min_confidence", "max_confidence"):
            values[name] = parse_confidence(values.get(name))
        values["recommendation"] = positive_int(values.get("recommendation"))
        if values.get("kind") not in Suggestion.Kind.values:
            values.pop("kind", None)
        if values.get("state") not in [*Suggestion.State.values, "all"]:
            values.pop("state", None)
        return cls(**values)

    def apply(self, queryset):
        if self.framework:
            queryset = queryset.filter(recommendation__framework__slug=self.framework)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.state != "all":
            queryset = queryset.filter(state=self.state)
        if self.min_confidence is not None:
            queryset = queryset.filter(confidence__gte=self.min_confidence)
        if self.max_confidence is not None:
            queryset = queryset.filter(confidence__lt=self.max_confidence)
        if self.recommendation is not None:
            queryset = queryset.filter(recommendation_id=self.recommendation)
        return queryset
