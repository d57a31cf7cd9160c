"""What a web server process does once, before it serves its first request."""

import gc


def prepare_to_serve() -> None:
    """Build what every request needs, then hide it from the garbage collector.

    Built here: the URL resolver (and so every app's views and the API), the similarity index of
    the item page, the item index of the lists and the dashboard. A database not reachable yet
    only delays the two indexes to the first request that needs them.

    After that the process holds ~220,000 objects that live as long as it does; a full
    collection walks all of them (100–130 ms, measured, inside whichever request triggers it).
    Frozen (`gc.freeze`), a collection walks only what requests created (~4 ms); before a fork,
    the workers also keep sharing those memory pages.
    """
    from django.db import DatabaseError, connections
    from django.urls import get_resolver

    from camket.frameworks.item_index import current_index as item_index
    from camket.tagging.similarity import current_index as similarity_index

    get_resolver().url_patterns  # noqa: B018 — the access builds the resolver
    try:
        similarity_index()
        item_index()
    except DatabaseError:
        pass
    connections.close_all()  # no database connection may be shared across a fork
    gc.collect()
    gc.freeze()
