from django.db import migrations


def refresh_vietnamese_names(apps, schema_editor):
    """Replace the phonetic transliterations 0012 copied from pycountry by the official names.
    A name somebody edited differs from pycountry's and is left as it is."""
    from camket.frameworks.state_names import transliterated_name, vietnamese_name

    State = apps.get_model("frameworks", "State")
    for state in State.objects.filter(iso3__isnull=False):
        shipped = transliterated_name(state.iso3)
        if state.name_vi not in ("", shipped):
            continue
        official = vietnamese_name(state.iso3)
        if official != state.name_vi:
            state.name_vi = official
            state.save(update_fields=["name_vi"])


class Migration(migrations.Migration):

    dependencies = [
        ('frameworks', '0013_category_aliases_unmapped'),
    ]

    operations = [
        migrations.RunPython(refresh_vietnamese_names, migrations.RunPython.noop),
    ]
