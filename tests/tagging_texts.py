"""Test material for tagging: hand-written training texts (the verb gives the action category,
the topic gives the UPR Info issues, so tests know what a tagger trained on them must suggest),
and suggestions on the personas' recommendations."""

from camket.tagging.model import TrainingSet

# Whose suggestions each persona of tests/personas.py may see (those of what it may see).
SUGGESTIONS_SEEN_BY = {
    "coordinator": {"published", "draft", "sent_to_a"},
    "officer_a": {"published", "sent_to_a"},
    "officer_b": {"published"},
    "viewer": {"published"},
}

VERBS = {
    "Share experience on": 1,
    "Continue its efforts on": 2,
    "Consider ratifying": 3,
    "Take measures to promote": 4,
    "Ratify": 5,
}
TOPICS = {
    "the Convention against Torture and prevent torture in detention": [
        "Torture and other CID treatment"
    ],
    "women's rights and gender equality for women and girls": ["Women's rights"],
    "access to schools and education for every child": ["Right to education"],
    "the protocol on trafficking in persons and victims of trafficking": ["Trafficking"],
}
ENDINGS = ["", " in law and in practice", " with the support of civil society"]


def training_texts() -> TrainingSet:
    data = TrainingSet(texts=[], issues=[], actions=[], sessions=[], sources=["hand-written"])
    for verb, action in VERBS.items():
        for topic, issues in TOPICS.items():
            for ending in ENDINGS:
                data.texts.append(f"{verb} {topic}{ending}.")
                data.issues.append(issues)
                data.actions.append(action)
                data.sessions.append(None)
    return data


def suggest_justice(world, *, step: float) -> dict:
    """A "Justice" theme suggestion on each of the world's recommendations, with confidences
    0.5, 0.5 + step and 0.5 + 2 step, and a reason naming the recommendation (in HTML)."""
    from camket.frameworks.models import Category
    from camket.lib.vocabulary import UPR_INFO_ISSUES
    from camket.tagging.models import Suggestion

    justice = Category.objects.get(taxonomy__slug=UPR_INFO_ISSUES, name="Justice")
    return {
        name: Suggestion.objects.create(
            recommendation=getattr(world, name),
            kind="theme",
            category=justice,
            confidence=0.5 + number * step,
            reasons=[f"<b>{name}</b>"],
            key=Suggestion.key_for(category_id=justice.pk),
        )
        for number, name in enumerate(("published", "draft", "sent_to_a"))
    }
