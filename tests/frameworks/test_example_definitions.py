"""Every example in docs/examples/frameworks/ loads, and loads again with no change."""

from pathlib import Path

import pytest

from camket.frameworks import definitions
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.taxonomies import ensure_builtin_taxonomies

EXAMPLES = sorted(
    (Path(__file__).resolve().parents[2] / "docs" / "examples" / "frameworks").glob("*.*")
)


def test_there_is_an_example_of_each_kind():
    import yaml

    kinds = {yaml.safe_load(path.read_text("utf-8"))["kind"] for path in EXAMPLES}
    assert {"upr_cycle", "programme", "declaration", "strategy", "convention"} <= kinds


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_example_loads_twice_with_no_change(world, path):
    ensure_builtin_taxonomies()
    first = definitions.load(path, user=world.coordinator)
    assert first.created and first.items.created > 0
    framework = Framework.objects.get(slug=first.slug)
    deepest = max(framework.recommendations.values_list("level", flat=True))
    assert deepest == len(framework.level_list()) - 1  # every level is used
    history = (
        Framework.history.model.objects.count(),
        Recommendation.history.model.objects.count(),
    )
    again = definitions.load(path)
    assert not again.created and again.changed == [] and again.items.created == 0
    assert again.items.updated == 0
    assert (
        Framework.history.model.objects.count(),
        Recommendation.history.model.objects.count(),
    ) == history
