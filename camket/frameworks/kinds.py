"""Framework kinds as configuration: the levels of a kind's items, what they are called in both
languages, and which fields apply. A framework starts from its kind's defaults; a definition
file (`camket framework load`) may replace any of them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    key: str
    name: str
    name_vi: str

    def label(self, language: str) -> str:
        return self.name_vi if language == "vi" and self.name_vi else self.name

    def as_dict(self) -> dict:
        return {"key": self.key, "name": self.name, "name_vi": self.name_vi}


@dataclass(frozen=True)
class KindDefaults:
    levels: tuple[Level, ...]
    has_response: bool  # items receive a response (accepted / noted) decided by the state
    has_recommending_states: bool
    has_indicators: bool = True


KINDS: dict[str, KindDefaults] = {
    "upr_cycle": KindDefaults(
        (Level("recommendation", "Recommendation", "Khuyến nghị"),),
        has_response=True,
        has_recommending_states=True,
    ),
    "treaty_body": KindDefaults(
        (Level("observation", "Concluding observation", "Khuyến nghị của Ủy ban"),),
        has_response=True,
        has_recommending_states=False,
    ),
    "programme": KindDefaults(
        (
            Level("subprogramme", "Sub-programme", "Tiểu chương trình"),
            Level("outcome", "Outcome", "Kết quả"),
            Level("output", "Output", "Đầu ra"),
        ),
        has_response=False,
        has_recommending_states=False,
    ),
    "declaration": KindDefaults(
        (Level("commitment", "Commitment", "Cam kết"),),
        has_response=False,
        has_recommending_states=False,
    ),
    "strategy": KindDefaults(
        (Level("objective", "Objective", "Mục tiêu"), Level("task", "Task", "Nhiệm vụ")),
        has_response=False,
        has_recommending_states=False,
    ),
    "convention": KindDefaults(
        (Level("obligation", "Obligation", "Nghĩa vụ"),),
        has_response=False,
        has_recommending_states=False,
    ),
}


def defaults_for(kind: str) -> KindDefaults:
    return KINDS.get(kind, KINDS["declaration"])


def levels_from(data) -> tuple[Level, ...]:
    """Levels as stored on a framework (a list of dicts or of names); empty means none given."""
    levels = []
    for entry in data or []:
        if isinstance(entry, str):
            levels.append(Level(entry, entry, ""))
        elif isinstance(entry, dict) and (entry.get("key") or entry.get("name")):
            name = str(entry.get("name") or entry.get("key"))
            levels.append(Level(str(entry.get("key") or name), name, str(entry.get("name_vi", ""))))
    return tuple(levels)
