"""Full-text search over recommendations, with the Vietnamese concepts a query names
(camket/glossary/expansion.py) and a relevance score.

An item matches when, for every concept of the query, it contains the concept's words as a
phrase, or one of its English phrases, or is tagged with one of its categories; and it contains
every literal word left, with one exception: when the query names a concept, a literal word no
item matching the rest of the query contains is ignored (and reported), since it is most
likely a Vietnamese word the glossary lacks ("xóa bỏ án tử hình"). Only the query's last word
matches as a prefix (it may be unfinished), so "tra tấn" never finds "translate Tanzania".
The SQLite FTS5 table and the PostgreSQL table of search vectors come from migrations 0003
and 0017."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Expression, F, FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

from camket.frameworks.models import Recommendation
from camket.frameworks.relevance import SEARCH_TABLE, TSQUERY, annotate_relevance
from camket.glossary.expansion import Concept, ParsedQuery, parse_query


class SearchVectorMatch(Expression):
    """On PostgreSQL, the recommendation's id is among those whose search vector (in the
    narrow table migration 0017 keeps beside the recommendations) matches the tsquery. Keyed
    by the row's own primary key, so the condition also works inside subqueries."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, tsquery: str):
        super().__init__()
        self.key = F("pk")
        self.tsquery = tsquery

    def get_source_expressions(self):
        return [self.key]

    def set_source_expressions(self, expressions):
        (self.key,) = expressions

    def as_sql(self, compiler, connection):
        key_sql, params = compiler.compile(self.key)
        return (
            f"{key_sql} IN (SELECT recommendation_id FROM {SEARCH_TABLE} "  # noqa: S608
            f"WHERE search_vector @@ {TSQUERY})",
            [*params, self.tsquery],
        )


class Syntax:
    """How one database writes phrases, alternatives and conjunctions of folded words (which
    are letters and digits only, so they need no escaping)."""

    def __init__(self, vendor: str):
        self.vendor = vendor

    def phrase(self, words: tuple[str, ...], prefix: bool) -> str:
        if self.vendor == "sqlite":
            return '"' + " ".join(words) + '"' + ("*" if prefix else "")
        lexemes = [f"'{word}'" for word in words]
        if prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"

    def any_of(self, parts: list[str]) -> str:
        return "(" + (" OR " if self.vendor == "sqlite" else " | ").join(parts) + ")"

    def all_of(self, parts: list[str]) -> str:
        return (" AND " if self.vendor == "sqlite" else " & ").join(parts)


def concept_phrases(syntax: Syntax, parsed: ParsedQuery, concept: Concept) -> list[str]:
    literal = syntax.phrase(concept.words, prefix=concept.at_end)
    return [literal, *(syntax.phrase(words, prefix=False) for words in concept.phrases)]


def word_phrase(syntax: Syntax, parsed: ParsedQuery, index: int) -> str:
    prefix = index == len(parsed.words) - 1 and bool(parsed.prefix_word)
    return syntax.phrase((parsed.words[index],), prefix=prefix)


@dataclass
class Reading:
    """What a query found, and how it was read."""

    queryset: QuerySet
    parsed: ParsedQuery
    ignored: list[str] = field(default_factory=list)  # folded literal words left out

    def ignored_typed(self) -> str:
        return " ".join(self.parsed.typed.get(word, word) for word in self.ignored)

    def searched_for(self) -> str:
        """The part of the query the results answer, as typed."""
        kept = [word for word in self.parsed.words if word not in self.ignored]
        return " ".join(
            [concept.typed for concept in self.parsed.concepts]
            + [self.parsed.typed.get(word, word) for word in kept]
        )


def _narrow_by_words(reading: Reading, condition: Callable[[int], Q]) -> list[int]:
    """Require each literal word in turn; with concepts, one that would leave no item is
    ignored instead. The indexes of the words kept."""
    kept = []
    for index, word in enumerate(reading.parsed.words):
        narrowed = reading.queryset.filter(condition(index))
        if reading.parsed.concepts and not narrowed.exists():
            reading.ignored.append(word)
            continue
        reading.queryset = narrowed
        kept.append(index)
    return kept


def _text_condition(syntax: Syntax, expression: str) -> Q:
    if syntax.vendor == "sqlite":
        return Q(
            pk__in=RawSQL(
                "SELECT rowid FROM frameworks_recommendation_fts "
                "WHERE frameworks_recommendation_fts MATCH %s",
                [expression],
            )
        )
    return Q(SearchVectorMatch(expression))


def _tagged(category_ids: set[int]) -> Q:
    links = Recommendation.categories.through.objects.filter(category_id__in=category_ids)
    return Q(pk__in=links.values("recommendation_id"))


def _filter_with_index(reading: Reading, vendor: str, rank: bool) -> None:
    syntax = Syntax(vendor)
    parsed = reading.parsed
    text_only = [
        syntax.any_of(concept_phrases(syntax, parsed, concept))
        for concept in parsed.concepts
        if not concept.category_ids
    ]
    if not parsed.concepts:  # every word is required: one MATCH is quicker than several
        text_only += [word_phrase(syntax, parsed, index) for index in range(len(parsed.words))]
    if text_only:
        reading.queryset = reading.queryset.filter(
            _text_condition(syntax, syntax.all_of(text_only))
        )
    for concept in parsed.concepts:
        if concept.category_ids:
            phrases = syntax.any_of(concept_phrases(syntax, parsed, concept))
            reading.queryset = reading.queryset.filter(
                _text_condition(syntax, phrases) | _tagged(concept.category_ids)
            )
    every_phrase = [
        phrase for concept in parsed.concepts for phrase in concept_phrases(syntax, parsed, concept)
    ]
    kept = range(len(parsed.words))
    if parsed.concepts:
        kept = _narrow_by_words(
            reading, lambda index: _text_condition(syntax, word_phrase(syntax, parsed, index))
        )
    every_phrase += [word_phrase(syntax, parsed, index) for index in kept]
    if rank:
        reading.queryset = annotate_relevance(reading.queryset, syntax.any_of(every_phrase))


def _contains(words: tuple[str, ...], prefix: bool) -> Q:
    text = " " + " ".join(words) + ("" if prefix else " ")
    return Q(search_document__contains=text)


def _filter_by_scan(reading: Reading) -> None:
    """Databases without a full-text index: the folded column, scanned."""
    parsed = reading.parsed
    for concept in parsed.concepts:
        condition = _contains(concept.words, concept.at_end)
        for words in concept.phrases:
            condition |= _contains(words, prefix=False)
        if concept.category_ids:
            condition |= _tagged(concept.category_ids)
        reading.queryset = reading.queryset.filter(condition)

    def word_condition(index: int) -> Q:
        prefix = index == len(parsed.words) - 1 and bool(parsed.prefix_word)
        return _contains((parsed.words[index],), prefix=prefix)

    _narrow_by_words(reading, word_condition)
    reading.queryset = reading.queryset.annotate(relevance=Value(0.0, output_field=FloatField()))


def read_query(queryset: QuerySet, query: str, *, rank: bool = True) -> Reading:
    """The items of the queryset matching the query, annotated with `relevance` (higher is
    better) unless `rank` is false, and how the query was read; the queryset unchanged when
    the query has no words."""
    reading = Reading(queryset=queryset, parsed=parse_query(query))
    if not reading.parsed:
        return reading
    if connection.vendor in ("sqlite", "postgresql"):
        _filter_with_index(reading, connection.vendor, rank)
    else:
        _filter_by_scan(reading)
    return reading


def apply_text_search(queryset: QuerySet, query: str) -> QuerySet:
    """The items matching the query, annotated with `relevance` (higher is better); the
    queryset unchanged when the query has no words."""
    return read_query(queryset, query).queryset
