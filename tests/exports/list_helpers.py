"""Reading the exported lists back, and the page they come from, for the list export tests."""

import csv
import io
import json

from django.urls import reverse
from openpyxl import load_workbook

PERSONAS = ["coordinator", "officer_a", "officer_b", "viewer", "mps_coordinator"]


def login(client, plan_world, persona):
    client.force_login(getattr(plan_world.world, persona))
    return client


def export_json(client, name: str, params=None) -> dict:
    response = client.get(reverse("list-export", args=[name, "json"]), params or {})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def column(document: dict, key: str) -> list:
    return [row[key] for row in document["rows"]]


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    return list(sheet.iter_rows(values_only=True))
