from camket.inbox.menu_counts import cached_open_work_count


def work(request) -> dict:
    """The menu's counts: open work and unread notifications. Not for anonymous visitors nor
    htmx partial requests (they render no menu), and computed only if a template uses them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or request.headers.get("HX-Request"):
        return {}
    cache: dict = {}

    def counted(name, compute):
        def value():
            if name not in cache:
                cache[name] = compute()
            return cache[name]

        return value

    return {
        "nav_work_count": counted("work", lambda: cached_open_work_count(user)),
        "nav_unread_count": counted(
            "unread", lambda: user.notifications.filter(read_at__isnull=True).count()
        ),
    }
