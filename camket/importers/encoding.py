"""Decoding a text (CSV) file, and checking that what came out reads as text.

A file without a byte-order mark that is not valid UTF-8 is one of the single-byte encodings
office programs write. Every such encoding decodes almost any bytes, so "it decoded" proves
nothing: each candidate's reading of the non-ASCII parts is scored for what wrong decodings
produce (control characters, symbols inside words, capitals inside lowercase words, combining
marks left over) and the cleanest wins. A reading whose letters are mostly Vietnamese ones
(ạ, ế, ơ, ư …: Windows-1258 writes their tone marks as separate combining characters, which
the NFC normalisation composes) is preferred among equally clean ones. The UPR Info export
(Mac OS Roman, CR-only lines) reads correctly this way, where Latin-1 would give control
characters and Windows-1252 "Ž" for "é".
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice

from django.utils.translation import gettext as _

from camket.importers.records import RowError

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
CANDIDATES = ("cp1252", "cp1258", "mac_roman", "latin-1")
NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
    "cp1258": "Windows-1258",
    "mac-roman": "Mac OS Roman",
    "latin-1": "Latin-1 (ISO-8859-1)",
    "iso8859-1": "Latin-1 (ISO-8859-1)",
}
_HIGH = re.compile(rb"[\x80-\xff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_VIETNAMESE = re.compile("[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0]")  # ạ…ỹ, Ơ ơ Ư ư
# Symbols that sit next to letters in real text.
_USUAL_SYMBOLS = set("’‘“”«»‹›‚„–—…°€£¥¢§©®™•·‰¿¡\u00a0²³×")
_CONTROL = re.compile("[\x80-\x9f]")
_SAMPLE_CHUNKS, _SAMPLE_HITS, _SAMPLE_MARGIN = 64, 64, 12
MAX_REPORTED = 50


class UndecodableText(Exception):
    """The bytes cannot be decoded as asked; the message says where, for a person."""


@dataclass
class Decoded:
    text: str  # NFC-normalised
    encoding: str  # Python's codec name
    guessed: bool = False  # chosen among single-byte encodings by how plausible it reads

    @property
    def name(self) -> str:
        return NAMES.get(self.encoding, self.encoding)


def decode(raw: bytes, encoding: str | None = None) -> Decoded:
    """Decode a whole text file, as `encoding` when given, else as detected."""
    if encoding:
        return _decode_as(raw, encoding)
    if raw.startswith(UTF8_BOM):
        return _decode_as(raw, "utf-8-sig")
    if raw.startswith(UTF16_BOMS):
        return _decode_as(raw, "utf-16")
    try:
        return Decoded(_nfc(raw.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    for candidate in _ranked_candidates(raw):
        try:
            return Decoded(_nfc(raw.decode(candidate)), codecs.lookup(candidate).name, True)
        except (UnicodeDecodeError, LookupError):
            continue
    return Decoded(_nfc(raw.decode("latin-1")), "iso8859-1", True)  # decodes any bytes


def _decode_as(raw: bytes, encoding: str) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
        if name == "utf-8" and raw.startswith(UTF8_BOM):
            name = "utf-8-sig"
        text = raw.decode(name)
    except LookupError:
        raise UndecodableText(
            _(
                "“%(name)s” is not a known text encoding (for example: utf-8, cp1258, cp1252, "
                "mac_roman, latin-1)."
            )
            % {"name": encoding}
        ) from None
    except UnicodeDecodeError as error:
        line = len(re.findall(rb"\r\n|\r|\n", raw[: error.start])) + 1
        raise UndecodableText(
            _(
                "The file is not in %(encoding)s: byte 0x%(byte)02X on line %(line)d cannot be "
                "read in it. Choose the file's encoding."
            )
            % {"encoding": NAMES.get(name, name), "byte": raw[error.start], "line": line}
        ) from None
    return Decoded(_nfc(text), name)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _ranked_candidates(raw: bytes) -> list[str]:
    sample = _sample(raw)
    scored = []
    names = list(CANDIDATES)
    guess = _charset_normalizer_guess(sample)
    if guess and guess not in names:
        names.append(guess)  # a name Python does not know is skipped below
    for index, name in enumerate(names):
        try:
            text = _nfc(sample.decode(name))
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_badness(text), not _reads_as_vietnamese(text), index, name))
    return [name for *_, name in sorted(scored)]


def _sample(raw: bytes) -> bytes:
    """The bytes around non-ASCII ones, from the whole file (they can all be near its end)."""
    step = max(1, len(raw) // _SAMPLE_CHUNKS)
    spans: list[list[int]] = []
    for start in range(0, len(raw), step):
        for match in islice(_HIGH.finditer(raw, start, start + step), _SAMPLE_HITS):
            begin, end = max(0, match.start() - _SAMPLE_MARGIN), match.end() + _SAMPLE_MARGIN
            if spans and begin <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([begin, end])
    return b"\n".join(raw[begin:end] for begin, end in spans)


def _charset_normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return best.encoding if best else None


def _badness(text: str) -> int:
    """How many non-ASCII characters sit where a wrong decoding puts them."""
    bad = 0
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        char = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        category = unicodedata.category(char)
        if category[0] == "C" or category in ("Mn", "Lm") or char == "\ufffd":
            bad += 1  # control, unassigned, a combining mark NFC could not attach, ˆ ˜ …
        elif category in ("Lu", "Lt"):
            bad += before.islower() or (before.isalpha() and after.islower())
        elif category[0] != "L" and char not in _USUAL_SYMBOLS:
            bad += before.isalpha() or after.isalpha()
    return bad


def _reads_as_vietnamese(text: str) -> bool:
    letters = sum(1 for m in _NON_ASCII.finditer(text) if text[m.start()].isalpha())
    vietnamese = len(_VIETNAMESE.findall(text))
    return vietnamese >= 2 and vietnamese >= 0.4 * letters


def _mojibake_pattern() -> re.Pattern:
    """UTF-8 read as Windows-1252/Latin-1: "Ã©" for "é", "á»‡" for "ệ", "â€™" for "’"."""

    def chars(first: int, last: int) -> str:
        found = set()
        for byte in range(first, last + 1):
            for codec in ("cp1252", "latin-1"):
                try:
                    found.add(bytes([byte]).decode(codec))
                except UnicodeDecodeError:
                    pass
        return re.escape("".join(sorted(found)))

    follow = chars(0x80, 0xBF)
    return re.compile(f"[ÂÃÄÅÆÐÑ][{follow}]|[{chars(0xE0, 0xEF)}][{follow}]{{2}}")


_MOJIBAKE = _mojibake_pattern()


@dataclass
class TextChecker:
    """Collects, per cell, text that cannot be right: errors for lost or control characters,
    warnings for what looks like UTF-8 read in another encoding."""

    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    found: int = 0

    def check(self, text: str, row: int | None, column: str | None) -> None:
        if text.isascii():
            return
        if "\ufffd" in text:
            self._add(
                self.errors,
                row,
                column,
                _(
                    "“%(text)s” holds “\ufffd”, the mark of characters lost in an earlier "
                    "conversion; correct the text or export the file again."
                )
                % {"text": _around(text, text.index("\ufffd"))},
            )
        elif control := _CONTROL.search(text):
            self._add(
                self.errors,
                row,
                column,
                _(
                    "“%(text)s” holds the control character U+%(code)04X, which is not text: the "
                    "file is probably in another encoding; choose it."
                )
                % {"text": _around(text, control.start()), "code": ord(control.group())},
            )
        elif mojibake := _MOJIBAKE.search(text):
            self._add(
                self.warnings,
                row,
                column,
                _(
                    "“%(text)s” looks like text that was decoded with the wrong encoding "
                    "(“%(chars)s”); check the cell."
                )
                % {"text": _around(text, mojibake.start()), "chars": mojibake.group()},
            )

    def _add(self, target: list[RowError], row, column, message: str) -> None:
        self.found += 1
        if self.found <= MAX_REPORTED:
            target.append(RowError(row, column, message))

    def finish(self) -> None:
        if self.found > MAX_REPORTED:
            more = RowError(
                None,
                None,
                _("… and %(count)d more cells like these.") % {"count": self.found - MAX_REPORTED},
            )
            (self.errors if self.errors else self.warnings).append(more)


def _around(text: str, index: int, width: int = 20) -> str:
    start = max(0, index - width)
    snippet = text[start : index + width].replace("\n", " ")
    return ("…" if start else "") + snippet + ("…" if index + width < len(text) else "")
