"""Every gunicorn worker must read the same cache: the portal's generation and comment limits."""

import subprocess
import sys

from django.core.cache.backends.filebased import FileBasedCache

from camket.lib import generations
from camket.public import cache as portal_cache


def _settings_in_a_process(env_extra, tmp_path, expression):
    env = {"PATH": "/usr/bin:/bin", "CAMKET_DATA_DIR": str(tmp_path), **env_extra}
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='camket.settings'; "
        f"django.setup(); from django.conf import settings; print({expression})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_shares_a_folder_cache_and_development_keeps_memory(tmp_path):
    production = {
        "CAMKET_PRODUCTION": "1",
        "CAMKET_SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
        "CAMKET_ALLOWED_HOSTS": "camket.example.gov.vn",
    }
    expression = "settings.CACHES['default']['BACKEND'], settings.CACHES['default'].get('LOCATION')"
    assert _settings_in_a_process(production, tmp_path, expression) == (
        f"django.core.cache.backends.filebased.FileBasedCache {tmp_path / 'cache'}"
    )
    assert "LocMemCache" in _settings_in_a_process({}, tmp_path, expression)
    chosen = {"CAMKET_CACHE_DIR": str(tmp_path / "shared")}
    assert _settings_in_a_process(chosen, tmp_path, expression).endswith(str(tmp_path / "shared"))


def test_a_bump_in_one_process_is_seen_by_another_through_the_folder(tmp_path, monkeypatch):
    first = FileBasedCache(str(tmp_path), {})
    second = FileBasedCache(str(tmp_path), {})
    monkeypatch.setattr(generations, "cache", first)
    before = portal_cache.generation()
    generations.Generation(portal_cache.GENERATION_KEY).bump()
    monkeypatch.setattr(generations, "cache", second)
    assert portal_cache.generation() == before + 1
