"""Find, in an item's text, the instruments it asks a state to join or to withdraw reservations to.

A name (full name, short name, abbreviation or common variant, English or Vietnamese) counts only
when a verb of joining ("ratify", "accede", "become a party", "phê chuẩn", "gia nhập"…) or of
withdrawing reservations is the nearest action word before it in the same sentence or clause:
"implement CEDAW's concluding observations" names CEDAW but asks nothing of it.

"Optional Protocol(s) to <instrument>" is resolved to the protocol(s), never to the parent: by
ordinal ("second"), by subject ("…on the sale of children"), by count ("its two Optional
Protocols"), else every protocol when plural, the only one, or the first one. An ordinal or a
subject also overrides a protocol's own name found inside the phrase: "Second Optional Protocol
to the International Covenant…" contains the first protocol's full name but means the second.
"The Optional Protocols to ICCPR, CEDAW and CRC" means each one's protocols.
A plural means the protocols that existed when the text was written (`written_in`, a year); with
no year, those a bare plural usually means (protocols.csv column `plural`).

The words it reads are in `wording.py`. The matcher is pure (no database):
`names.build_detector()` gives it the names once per run.
"""

import re
import string
import unicodedata
from dataclasses import dataclass, field

from camket.treaties.wording import (
    ABBREVIATION_AFTER,
    ABBREVIATION_WORD,
    ASCII_ASKING_WORDS,
    ASKING,
    CLAUSE_END,
    COUNTS,
    ITS,
    JOINED_VERBS,
    LIST_JOINER,
    LISTED_AFTER,
    MARKERS,
    ORDINALS,
    OWN_PROTOCOL_AFTER,
    PROTOCOL,
    SUBJECT_WINDOW,
    THERETO,
    TO_PARENT,
    fold,
)

ASKS_TO_JOIN = "asks_to_join"
ASKS_TO_WITHDRAW_RESERVATIONS = "asks_to_withdraw_reservations"
STOP = "stop"


@dataclass(frozen=True)
class Found:
    key: str
    relation: str
    matched: str


@dataclass
class Protocol:
    key: str
    ordinal: int | None = None
    subjects: list[str] = field(default_factory=list)
    adopted: int | None = None  # year
    in_bare_plural: bool = True  # meant by "the Optional Protocols" of a text of unknown date


@dataclass
class _Mention:
    start: int
    end: int
    keys: tuple[str, ...]


def _matched_words(text: str, start: int, end: int, mention: _Mention) -> str:
    """The verb and the name, with "…" for what lies between when that is long."""
    if mention.start - end > 40:
        words = f"{text[start:end]} … {text[mention.start : mention.end]}"
    else:
        words = text[start : mention.end]
    return " ".join(words.split())[:300]


def _alias_pattern(alias: str) -> str:
    words = [re.escape(word).replace(",", ",?") for word in alias.split()]
    return r"\s+".join(words).replace(r"\-", r"\s*-\s*")


def _union(aliases: list[str], *, abbreviations: bool, flags=re.IGNORECASE) -> re.Pattern | None:
    if not aliases:
        return None
    body = "|".join(_alias_pattern(a) for a in sorted(aliases, key=len, reverse=True))
    if abbreviations:
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def _lowercase_twin(names: list[str]) -> re.Pattern | None:
    """The names' pattern for plain-ASCII text that has been lowercased: four times faster than
    matching without regard to case, and the same matches at the same places (lowercasing ASCII
    keeps every position). None when a non-ASCII name holds a letter that matches an ASCII one
    without regard to case (the long "ſ" matches "s"): such a name could match ASCII text."""
    foreign = {char for name in names for char in name if not char.isascii()}
    if any(re.search(re.escape(char), string.ascii_letters, re.IGNORECASE) for char in foreign):
        return None
    return _union([n.lower() for n in names if n.isascii()], abbreviations=False, flags=0)


def _key_of(matched: str) -> str:
    return re.sub(r"[\s,\-]+", " ", matched).strip().lower()


def may_ask(text: str) -> bool:
    """False when ASKING cannot match `text`; a plain-ASCII text (most of them) is told by a
    few substring searches, far cheaper than the regular expression's scan."""
    if not text.isascii():
        return True  # case folding beyond ASCII: leave it to ASKING
    lowered = text.lower()
    return any(word in lowered for word in ASCII_ASKING_WORDS)


def is_abbreviation(alias: str) -> bool:
    return not any(char.islower() for char in alias)


class Detector:
    """Compiled once (per import or command run); `find` is then cheap per text."""

    def __init__(self, aliases: dict[str, set[str]], protocols: dict[str, list[Protocol]]):
        self.keys_by_alias: dict[str, str] = {}
        for key, names in aliases.items():
            for name in names:
                self.keys_by_alias.setdefault(_key_of(fold(name)), key)
        folded = [fold(name) for names in aliases.values() for name in names]
        self.names = _union([a for a in folded if not is_abbreviation(a)], abbreviations=False)
        self.lowercase_names = _lowercase_twin([a for a in folded if not is_abbreviation(a)])
        self.abbreviations = _union([a for a in folded if is_abbreviation(a)], abbreviations=True)
        self.protocols = protocols
        self.parent_of = {
            protocol.key: parent for parent, children in protocols.items() for protocol in children
        }

    def find(self, text: str, text_vi: str = "", written_in: int | None = None) -> list[Found]:
        """`written_in`: the year the text was written, when known (decides what a plural
        "Optional Protocols" covers)."""
        found: dict[tuple[str, str], Found] = {}
        for part in (text, text_vi):
            if not part or not may_ask(part):
                continue  # most texts: no verb of joining, nothing to fold
            if unicodedata.is_normalized("NFC", part) and not ASKING.search(part):
                continue
            part = fold(part)
            if not ASKING.search(part):
                continue
            for item in self._find_in(part, written_in):
                found.setdefault((item.key, item.relation), item)
        return list(found.values())

    def _find_in(self, text: str, written_in: int | None) -> list[Found]:
        names = self._mentions(text)
        mentions = self._resolve_protocols(text, names, written_in)
        inside = [(m.start, m.end) for m in names + mentions]
        markers = [
            marker
            for marker in self._markers(text)  # "Protection" in a name: no verb
            if not any(start <= marker[0] < end for start, end in inside)
        ]
        markers = [
            marker
            for index, marker in enumerate(markers)
            if not (
                marker[2] == STOP
                and index
                and markers[index - 1][2] == ASKS_TO_JOIN
                and JOINED_VERBS.fullmatch(text, markers[index - 1][1], marker[0])
            )
        ]
        ends = [0] + [m.end() for m in CLAUSE_END.finditer(text)]
        result = []
        for mention in mentions:
            if any(
                other is not mention
                and other.end <= mention.start
                and set(mention.keys) <= self._with_parents(other.keys)
                and (
                    ABBREVIATION_AFTER.fullmatch(text, other.end, mention.start)
                    or ABBREVIATION_WORD.fullmatch(text, other.end, mention.end)
                )
                for other in names + mentions
            ):
                continue  # "(ICCPR)" after a name (its protocol's, too) only abbreviates it
            clause_start = max(end for end in ends if end <= mention.start)
            before = [m for m in markers if clause_start <= m[0] < mention.start]
            if not before or before[-1][2] == STOP:
                continue
            start, end, relation = before[-1]
            matched = _matched_words(text, start, end, mention)
            result += [Found(key, relation, matched) for key in mention.keys]
        return result

    def _with_parents(self, keys: tuple[str, ...]) -> set[str]:
        return set(keys) | {self.parent_of[key] for key in keys if key in self.parent_of}

    def _mentions(self, text: str) -> list[_Mention]:
        spans = []
        searches = [(self.names, text), (self.abbreviations, text)]
        if self.names is not None and self.lowercase_names is not None and text.isascii():
            searches[0] = (self.lowercase_names, text.lower())
        for pattern, searched in searches:
            if pattern is None:
                continue
            for match in pattern.finditer(searched):
                key = self.keys_by_alias.get(_key_of(match.group(0)))
                if key:
                    spans.append(_Mention(match.start(), match.end(), (key,)))
        spans.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[_Mention] = []
        for span in spans:
            if not kept or span.start >= kept[-1].end:
                kept.append(span)
        return kept

    @staticmethod
    def _markers(text: str) -> list[tuple[int, int, str]]:
        markers = []
        for match in MARKERS.finditer(text):
            kind = (
                ASKS_TO_WITHDRAW_RESERVATIONS
                if match.group("withdraw")
                else ASKS_TO_JOIN
                if match.group("join")
                else STOP
            )
            markers.append((match.start(), match.end(), kind))
        return markers

    def _resolve_protocols(
        self, text: str, mentions: list[_Mention], written_in: int | None
    ) -> list[_Mention]:
        """Replace "Optional Protocol(s) to X" (and X's parent mention) by the protocol keys."""
        consumed, added = set(), []
        for phrase in PROTOCOL.finditer(text):
            named = [m for m in mentions if m.start < phrase.end() and phrase.start() < m.end]
            if named:  # a protocol's own name or abbreviation already matched here
                self._correct_named_protocol(text, phrase, named[0], mentions)
                continue
            parent, end = self._parent_of(text, phrase, mentions)
            if parent is None:
                continue
            if parent.start >= phrase.end() or not text[parent.end : phrase.start()].strip():
                consumed.add(id(parent))
            window = self._subject_window(text, phrase, max(end, phrase.end()), mentions)
            keys = self._choose(parent.keys[0], phrase, window, written_in)
            if (
                keys
                and parent.start >= phrase.end()
                and self._is_plural(phrase)
                and not phrase.group("ord")
            ):  # "the two Optional Protocols to the CRC, …"
                for other in self._listed_after(text, parent, mentions):
                    consumed.add(id(other))
                    keys += [p.key for p in _existing(self.protocols[other.keys[0]], written_in)]
                    end = other.end
            if keys:
                added.append(_Mention(phrase.start(), max(end, phrase.end()), tuple(keys)))
        kept = [m for m in mentions if id(m) not in consumed]
        return sorted(kept + added, key=lambda m: m.start)

    def _listed_after(self, text: str, parent: _Mention, mentions) -> list[_Mention]:
        """ "the Optional Protocols to ICESCR and ICCPR": the names listed right after the first
        parent, as long as each has protocols, are parents too."""
        listed, end = [], parent.end
        for mention in (m for m in mentions if m.start >= parent.end):
            if not (
                LIST_JOINER.fullmatch(text, end, mention.start)
                and self.protocols.get(mention.keys[0])
            ) or OWN_PROTOCOL_AFTER.match(text, mention.end):
                break
            listed.append(mention)
            end = mention.end
        return listed

    @staticmethod
    def _is_plural(phrase) -> bool:
        return (
            (phrase.group("word") or "").lower() in ("protocols", "ops")
            or COUNTS.get((phrase.group("ord") or phrase.group("count_vi") or "").lower())
            not in (None, 0)
            or (phrase.group("count_vi") or "").lower() == "các"
        )

    @staticmethod
    def _subject_window(text: str, phrase, end: int, mentions: list[_Mention]) -> str:
        """From the phrase to the next name, the clause's end or SUBJECT_WINDOW after it."""
        later = [
            m.start
            for m in mentions
            if m.start >= end  # "(CRC)" is no later name
            and not ABBREVIATION_AFTER.fullmatch(text, end, m.start)
        ]
        clause = CLAUSE_END.search(text, phrase.end())
        limit = min([end + SUBJECT_WINDOW, *later, clause.start() if clause else len(text)])
        return text[phrase.start() : limit].lower()

    def _correct_named_protocol(self, text: str, phrase, named: _Mention, mentions) -> None:
        """ "Second Optional Protocol to the International Covenant on Civil and Political
        Rights" holds the first protocol's full name: the ordinal (or a subject such as "death
        penalty") in the phrase starting at or before the name decides which protocol."""
        parent = self.parent_of.get(named.keys[0])
        if parent is None or phrase.start() > named.start:
            return
        window = self._subject_window(text, phrase, named.end, mentions)
        by_ordinal, by_subject = self._by_ordinal_or_subject(parent, phrase, window)
        chosen = by_ordinal or by_subject
        if chosen and named.keys[0] not in {p.key for p in chosen}:
            named.keys = tuple(p.key for p in chosen)

    def _parent_of(self, text: str, phrase, mentions) -> tuple[_Mention | None, int]:
        for mention in mentions:
            if mention.start >= phrase.end():
                gap = text[phrase.end() : mention.start]
                if (
                    TO_PARENT.fullmatch(gap)
                    and not LISTED_AFTER.fullmatch(gap)
                    and self.protocols.get(mention.keys[0])
                ):
                    return mention, mention.end
                break
        before = [m for m in mentions if m.end <= phrase.start()]
        if before and not text[before[-1].end : phrase.start()].strip():
            return before[-1], phrase.end()
        thereto = THERETO.match(text, phrase.end())
        if ITS.search(text[max(0, phrase.start() - 8) : phrase.start()]) or thereto:
            earlier = [m for m in mentions if m.end <= phrase.start()]
            clause = [e.end() for e in CLAUSE_END.finditer(text, 0, phrase.start())]
            if earlier and earlier[-1].start >= (clause[-1] if clause else 0):
                return earlier[-1], thereto.end() if thereto else phrase.end()
        return None, phrase.end()

    def _by_ordinal_or_subject(self, parent: str, phrase, window: str):
        candidates = self.protocols.get(parent, [])
        ordinal = ORDINALS.get(
            (phrase.group("ord") or phrase.group("ord_vi") or phrase.group("num") or "").lower()
        )
        return (
            [p for p in candidates if ordinal and p.ordinal == ordinal],
            [p for p in candidates if any(s in window for s in p.subjects)],
        )

    def _choose(self, parent: str, phrase, window: str, written_in: int | None) -> list[str]:
        candidates = self.protocols.get(parent, [])
        if not candidates:
            return []
        count_word = (phrase.group("ord") or phrase.group("count_vi") or "").lower()
        count = COUNTS.get(count_word)
        plural = self._is_plural(phrase) or count is not None
        by_ordinal, by_subject = self._by_ordinal_or_subject(parent, phrase, window)
        if by_ordinal:
            chosen = by_ordinal
        elif by_subject:
            chosen = by_subject
        elif plural:
            chosen = _existing(candidates, written_in)
            chosen = chosen[:count] if count else chosen
        elif len(candidates) == 1:
            chosen = candidates
        else:
            chosen = [p for p in candidates if p.ordinal == 1]
        return [p.key for p in chosen]


def _existing(protocols: list[Protocol], written_in: int | None) -> list[Protocol]:
    """What a plural covers: the protocols adopted in a year before the text was written (the
    CRC's communications protocol of 19 December 2011 is not in a 2011 text); for a text of
    unknown date, those a bare plural usually means."""
    if written_in is None:
        return [p for p in protocols if p.in_bare_plural]
    return [p for p in protocols if p.adopted is None or p.adopted < written_in]
