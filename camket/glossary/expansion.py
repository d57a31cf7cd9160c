"""Query understanding: which concepts a (Vietnamese or English) query names.

The query is folded into words; the longest runs of words that spell a glossary term or a
category's name (Vietnamese or English, diacritics ignored) become concepts, each carrying the
English phrases and the categories that mean it. Words no concept covers stay literal words."""

from dataclasses import dataclass, field

from camket.frameworks.models import Category
from camket.glossary.models import GlossaryTerm
from camket.lib.folding import search_terms

# Vietnamese function words ("of", "and", "the (plural)", "about", "in", "for", "with"…): a
# query phrased as a sentence should not require them in English texts. They are dropped only
# when no concept covers them and the query has other words.
FUNCTION_WORDS = frozenset({"cua", "va", "cac", "nhung", "ve", "trong", "cho", "voi", "la",
                            "mot", "doi", "tai", "tu", "den", "duoc", "bi", "hoac"})
# A category name longer than this (an SDG target's sentence) is no phrase anyone types.
MAX_NAME_WORDS = 8


@dataclass
class Concept:
    words: tuple[str, ...]  # the folded words of the query it covers
    phrases: list[tuple[str, ...]] = field(default_factory=list)  # English, folded
    category_ids: set[int] = field(default_factory=set)  # with their children
    at_end: bool = False  # it ends the query: its last word may be unfinished

    def add_phrase(self, words: tuple[str, ...]) -> None:
        if words and words != self.words and words not in self.phrases:
            self.phrases.append(words)


@dataclass
class ParsedQuery:
    concepts: list[Concept] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # literal words no concept covers
    prefix_word: str = ""  # the last word, when literal: the user may still be typing it

    def __bool__(self) -> bool:
        return bool(self.concepts or self.words)


@dataclass
class _Meaning:
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    category_ids: set[int] = field(default_factory=set)


def _words(text: str) -> tuple[str, ...]:
    return tuple(search_terms(text))


def vocabulary() -> dict[tuple[str, ...], _Meaning]:
    """Every phrase a concept can be named by, folded, with what it means."""
    meanings: dict[tuple[str, ...], _Meaning] = {}
    terms = GlossaryTerm.objects.filter(archived=False).only("term_vi", "term_en",
                                                            "variants_en", "folded_vi")
    for term in terms:
        key = tuple(term.folded_vi.split())
        if key:
            meaning = meanings.setdefault(key, _Meaning())
            meaning.phrases += [tuple(phrase.split()) for phrase in term.english_phrases()]
    for pk, name, name_vi in Category.objects.values_list("pk", "name", "name_vi"):
        english = _words(name)
        for key in {english, _words(name_vi)}:
            if key and len(key) <= MAX_NAME_WORDS:
                meaning = meanings.setdefault(key, _Meaning())
                meaning.category_ids.add(pk)
                if len(english) <= MAX_NAME_WORDS:
                    meaning.phrases.append(english)
    return meanings


def _with_descendants(ids: set[int]) -> set[int]:
    if not ids:
        return set()
    below = Category.objects.filter(parent_id__in=ids).values_list("pk", flat=True)
    further = Category.objects.filter(parent__parent_id__in=ids).values_list("pk", flat=True)
    return ids | set(below) | set(further)


def parse_query(query: str) -> ParsedQuery:
    words = search_terms(query)
    parsed = ParsedQuery()
    if not words:
        return parsed
    meanings = vocabulary()
    longest = max((len(key) for key in meanings), default=0)
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            key = tuple(words[position:position + size])
            meaning = meanings.get(key)
            if meaning is not None:
                concept = Concept(words=key, at_end=position + size == len(words),
                                  category_ids=_with_descendants(meaning.category_ids))
                for phrase in meaning.phrases:
                    concept.add_phrase(phrase)
                parsed.concepts.append(concept)
                position += size
                break
        else:
            parsed.words.append(words[position])
            position += 1
    if parsed.words and not (parsed.concepts and parsed.concepts[-1].at_end):
        parsed.prefix_word = parsed.words[-1]
    meaningful = [word for word in parsed.words if word not in FUNCTION_WORDS]
    if parsed.concepts or meaningful:
        parsed.words = meaningful
    if parsed.words[-1:] != [parsed.prefix_word]:
        parsed.prefix_word = ""
    return parsed
