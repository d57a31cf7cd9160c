"""What the document says about itself: the state under review, the UPR cycle and session."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from camket.importers.normalise import upr_cycle_for_session
from camket.importers.ohchr_docx.countries import state_name
from camket.importers.records import FrameworkHint

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
}
_CYCLE_PATTERNS = (
    re.compile(r"\b(\d{1,2})\s*(?:st|nd|rd|th)\s+(?:upr\s+)?cycle\b", re.I),
    re.compile(r"\b(" + "|".join(_ORDINALS) + r")\s+(?:upr\s+)?cycle\b", re.I),
    re.compile(r"\bcycle\s*(\d{1,2})\b", re.I),
)
_SESSION_PATTERNS = (
    re.compile(r"\b(\d{1,2})\s*(?:st|nd|rd|th)\s+(?:upr\s+)?session\b", re.I),
    re.compile(r"\bsession\s*(?:no\.?\s*)?(\d{1,2})\b", re.I),
)
_FILE_CYCLE = re.compile(r"(?:^|[^a-z])cycle[\s_-]*(\d{1,2})(?!\d|st|nd|rd|th)", re.I)
_FILE_SESSION = re.compile(r"(?:^|[^a-z])(?:upr|session)[\s_-]*(\d{1,2})(?!\d|st|nd|rd|th)", re.I)
_STATE_PATTERNS = (
    re.compile(r"\bUPR\s+of\s+(?:the\s+)?([^\t\n]+)", re.I),
    re.compile(r"\bUniversal Periodic Review\s*(?:of|:|[-–—])\s*(?:the\s+)?([^\t\n]+)", re.I),
    re.compile(r"\bState under review\s*[:\-–—]\s*([^\t\n]+)", re.I),
)


@dataclass
class Context:
    state: str = ""
    cycle: int | None = None
    session: int | None = None
    conflicts: tuple[str, ...] = ()

    def hint(self) -> FrameworkHint | None:
        if not (self.state and self.cycle):
            return None
        return FrameworkHint(
            slug=f"upr-{slugify(self.state)}-cycle-{self.cycle}",
            name=f"UPR {self.state} — cycle {self.cycle}",
            kind="upr_cycle",
            cycle=self.cycle,
            state_under_review=self.state,
        )


def read_context(texts: list[str], file_name: str) -> Context:
    context = Context()
    conflicts: list[str] = []
    joined = "\n".join(texts)
    context.state = _state_from_text(texts) or _state_from_file_name(file_name)
    cycle_in_text = _first_number(_CYCLE_PATTERNS, joined)
    cycle_in_name = _first_number((_FILE_CYCLE,), file_name)
    session_in_text = _first_number(_SESSION_PATTERNS, joined)
    session_in_name = _first_number((_FILE_SESSION,), file_name)
    context.cycle = cycle_in_text or cycle_in_name
    context.session = session_in_text or session_in_name
    if cycle_in_text and cycle_in_name and cycle_in_text != cycle_in_name:
        conflicts.append(
            _(
                "The document says cycle %(text)d but the file name says cycle %(name)d; cycle "
                "%(text)d was used."
            )
            % {"text": cycle_in_text, "name": cycle_in_name}
        )
    if session_in_text and session_in_name and session_in_text != session_in_name:
        conflicts.append(
            _(
                "The document says session %(text)d but the file name says session %(name)d; "
                "session %(text)d was used."
            )
            % {"text": session_in_text, "name": session_in_name}
        )
    if context.session and not context.cycle:
        context.cycle = upr_cycle_for_session(context.session)
    elif context.session and context.cycle != upr_cycle_for_session(context.session):
        conflicts.append(
            _("Session %(session)d belongs to UPR cycle %(expected)d, not cycle %(cycle)d.")
            % {
                "session": context.session,
                "expected": upr_cycle_for_session(context.session),
                "cycle": context.cycle,
            }
        )
    context.conflicts = tuple(conflicts)
    return context


def _first_number(patterns, text: str) -> int | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            word = match[1].lower()
            number = _ORDINALS.get(word) or int(word)
            if number > 0:
                return number
    return None


def _state_from_text(texts: list[str]) -> str:
    for text in texts:
        for pattern in _STATE_PATTERNS:
            match = pattern.search(text)
            if match:
                name = _clean_state(match[1])
                if name:
                    return name
    return ""


def _clean_state(raw: str) -> str:
    # "Slovenia (2nd Cycle – 20th session)": drop brackets about the review, keep "(… of)"
    name = re.sub(r"\s*\([^()]*(?:cycle|session|review|upr)[^()]*\)", "", raw, flags=re.I)
    name = re.split(r"\s+[-–—:|]\s+|\s{3,}", name.strip())[0]
    name = re.sub(
        r"[\s,;.]*\b(?:\d+\w*|first|second|third|fourth|fifth)\s+cycle\b.*$", "", name, flags=re.I
    )
    name = " ".join(name.split()).strip(" ,;:-–—")
    if state_name(name):
        return name
    words = name.split()
    if not words or len(words) > 8 or not name[0].isupper() or re.search(r"\d", name):
        return ""
    return name


def _state_from_file_name(file_name: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name.rsplit("/", 1)[-1])
    words = []
    for word in re.split(r"[\s_\-.]+", stem):
        if re.match(r"(?i)^(?:cycle|upr|session|thematic|matrix|list|recommendations?)|\d", word):
            break
        words.append(word)
    for size in range(len(words), 0, -1):  # "viet-nam-cycle4" and "slovenia" alike
        name = state_name(" ".join(words[:size]))
        if name:
            return name
    return ""


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
