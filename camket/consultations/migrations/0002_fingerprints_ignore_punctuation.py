"""Recompute the comments' fingerprints the way `guard.fingerprint` now makes them (punctuation
folded too), so that a new comment repeating an older one is still recognised. The rule is
written out here, not imported, so that this migration keeps its meaning if the guard changes."""

import hashlib

from django.db import migrations

from camket.lib.folding import search_terms


def refold(apps, schema_editor):
    Comment = apps.get_model("consultations", "Comment")
    for comment in Comment.objects.only("pk", "text").iterator():
        fingerprint = hashlib.sha256(" ".join(search_terms(comment.text)).encode()).hexdigest()
        Comment.objects.filter(pk=comment.pk).update(fingerprint=fingerprint)


class Migration(migrations.Migration):

    dependencies = [
        ("consultations", "0001_consultations"),
    ]

    operations = [
        migrations.RunPython(refold, migrations.RunPython.noop),
    ]
