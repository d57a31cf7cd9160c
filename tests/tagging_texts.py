"""A tagger trained in a second on hand-written texts: the verb gives the action category, the
topic gives the UPR Info issues, so tests know what it must suggest."""

from camket.tagging.model import TrainingSet

VERBS = {"Share experience on": 1, "Continue its efforts on": 2, "Consider ratifying": 3,
         "Take measures to promote": 4, "Ratify": 5}
TOPICS = {
    "the Convention against Torture and prevent torture in detention":
        ["Torture and other CID treatment"],
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
