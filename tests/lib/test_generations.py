"""A Token (random generation) must differ after every change and after the cache is emptied,
where a counter would start again at 1: a process keeps its in-memory copies under it."""

from django.core.cache import cache

from camket.lib.generations import Generation, Token


def test_a_token_changes_on_every_bump():
    token = Token("camket:test:token")
    first = token.current()
    assert token.current() == first
    token.bump()
    assert token.current() != first


def test_a_token_differs_after_the_cache_is_emptied_where_a_counter_repeats():
    counter, token = Generation("camket:test:counter"), Token("camket:test:token")
    counted, tokened = counter.current(), token.current()
    cache.clear()
    assert counter.current() == counted  # why a counter cannot key a process's own copy
    assert token.current() != tokened
