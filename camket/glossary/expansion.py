"""Query understanding: which concepts a (Vietnamese or English) query names.

The query is folded into words; the longest runs of words that spell a glossary term or a
category's name (Vietnamese or English, diacritics ignored) become concepts, each carrying the
English phrases and the categories that mean it; function words inside such a run are skipped.
Words no concept covers stay literal words."""

from dataclasses import dataclass, field

from camket.frameworks.models import Category
from camket.glossary.models import GlossaryTerm
from camket.lib.folding import fold, search_terms, typed_terms
from camket.lib.generations import Token

# Vietnamese function words ("of", "and", "the (plural)", "about", "in", "for", "with"…): a
# query phrased as a sentence should not require them in English texts, nor have them break a
# glossary phrase ("quyền của phụ nữ" is the term "quyền phụ nữ"). Matched as typed, with their
# marks: folded, "về" would be "vệ" (bảo vệ), "từ" "tụ", "đến" "đền". Only a query typed
# without any mark is matched on folded words (FOLDED_FUNCTION_WORDS).
FUNCTION_WORDS = frozenset(
    {
        "của",
        "và",
        "các",
        "những",
        "về",
        "trong",
        "cho",
        "với",
        "là",
        "một",
        "đối",
        "tại",
        "từ",
        "đến",
        "được",
        "bị",
        "hoặc",
    }
)
FOLDED_FUNCTION_WORDS = frozenset(fold(word) for word in FUNCTION_WORDS)
# A category name longer than this (an SDG target's sentence) is no phrase anyone types.
MAX_NAME_WORDS = 8


@dataclass
class Concept:
    words: tuple[str, ...]  # the folded words of the query it covers
    phrases: list[tuple[str, ...]] = field(default_factory=list)  # English, folded
    category_ids: set[int] = field(default_factory=set)  # with their children
    at_end: bool = False  # it ends the query: its last word may be unfinished
    typed: str = ""  # the query's words it covers, as typed

    def add_phrase(self, words: tuple[str, ...]) -> None:
        if words and words != self.words and words not in self.phrases:
            self.phrases.append(words)


@dataclass
class ParsedQuery:
    concepts: list[Concept] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # literal words no concept covers
    prefix_word: str = ""  # the last word, when literal: the user may still be typing it
    typed: dict[str, str] = field(default_factory=dict)  # a literal word as typed, by folded

    def __bool__(self) -> bool:
        return bool(self.concepts or self.words)


@dataclass
class _Meaning:
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    category_ids: set[int] = field(default_factory=set)


def _words(text: str) -> tuple[str, ...]:
    return tuple(search_terms(text))


# Every search reads the vocabulary: it is kept in each process until a term or a category
# changes (`watch_vocabulary`, connected in the glossary app's ready()).
VOCABULARY = Token("camket:glossary:vocabulary-token")
_kept: dict[str, dict] = {}


def watch_vocabulary() -> None:
    VOCABULARY.watch([GlossaryTerm, Category], name="glossary-vocabulary")


def vocabulary() -> dict[tuple[str, ...], _Meaning]:
    """Every phrase a concept can be named by, folded, with what it means."""
    token = VOCABULARY.current()
    if token not in _kept:
        _kept.clear()
        _kept[token] = _vocabulary()
    return _kept[token]


def _vocabulary() -> dict[tuple[str, ...], _Meaning]:
    meanings: dict[tuple[str, ...], _Meaning] = {}
    terms = GlossaryTerm.objects.filter(archived=False).only(
        "term_vi", "term_en", "variants_en", "folded_vi"
    )
    for term in terms:
        key = tuple(term.folded_vi.split())
        if key:
            meaning = meanings.setdefault(key, _Meaning())
            meaning.phrases += [tuple(phrase.split()) for phrase in term.english_phrases()]
    children: dict[int, set[int]] = {}
    categories = Category.objects.values_list("pk", "name", "name_vi", "parent_id")
    for pk, name, name_vi, parent in categories:
        if parent is not None:
            children.setdefault(parent, set()).add(pk)
        english = _words(name)
        for key in {english, _words(name_vi)}:
            if key and len(key) <= MAX_NAME_WORDS:
                meaning = meanings.setdefault(key, _Meaning())
                meaning.category_ids.add(pk)
                if len(english) <= MAX_NAME_WORDS:
                    meaning.phrases.append(english)
    for meaning in meanings.values():
        below = {child for pk in meaning.category_ids for child in children.get(pk, ())}
        further = {child for pk in below for child in children.get(pk, ())}
        meaning.category_ids |= below | further  # a theme's subjects and their targets
    return meanings


def function_word_flags(pairs: list[tuple[str, str]]) -> list[bool]:
    """For each (typed, folded) word of a query: is it a function word?"""
    if all(typed == folded for typed, folded in pairs):
        return [folded in FOLDED_FUNCTION_WORDS for _, folded in pairs]
    return [typed in FUNCTION_WORDS for typed, _ in pairs]


def _match_at(
    words: list[str], is_function: list[bool], position: int, meanings: dict, longest: int
) -> tuple[int, tuple[str, ...]] | None:
    """The end of the longest run of words from `position` that names a concept, and the name:
    the words themselves, else the words without the function words inside the run."""
    # Skipped function words make a run longer than the name it spells.
    for end in range(min(len(words), position + 2 * longest), position, -1):
        run = tuple(words[position:end])
        if run in meanings:
            return end, run
        if is_function[position] or is_function[end - 1]:
            continue
        inner = tuple(
            word for word, skip in zip(run, is_function[position:end], strict=True) if not skip
        )
        if inner != run and inner in meanings:
            return end, inner
    return None


def parse_query(query: str) -> ParsedQuery:
    pairs = typed_terms(query)
    parsed = ParsedQuery()
    if not pairs:
        return parsed
    words = [folded for _, folded in pairs]
    is_function = function_word_flags(pairs)
    meanings = vocabulary()
    longest = max((len(key) for key in meanings), default=0)
    literal_flags = []
    position = 0
    while position < len(words):
        match = _match_at(words, is_function, position, meanings, longest)
        if match is None:
            parsed.words.append(words[position])
            parsed.typed.setdefault(words[position], pairs[position][0])
            literal_flags.append(is_function[position])
            position += 1
            continue
        end, name = match
        meaning = meanings[name]
        concept = Concept(
            words=tuple(words[position:end]),
            at_end=end == len(words),
            category_ids=set(meaning.category_ids),
            typed=" ".join(typed for typed, _ in pairs[position:end]),
        )
        for phrase in [name, *meaning.phrases]:
            concept.add_phrase(phrase)
        parsed.concepts.append(concept)
        position = end
    if parsed.words and not (parsed.concepts and parsed.concepts[-1].at_end):
        parsed.prefix_word = parsed.words[-1]
    meaningful = [word for word, skip in zip(parsed.words, literal_flags, strict=True) if not skip]
    if parsed.concepts or meaningful:
        parsed.words = meaningful
    if parsed.words[-1:] != [parsed.prefix_word]:
        parsed.prefix_word = ""
    return parsed
