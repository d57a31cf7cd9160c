"""Agencies named by their code in API payloads and filters."""

from django.core.exceptions import ValidationError

from camket.accounts.models import Agency


def agencies_by_code(codes, field: str) -> list[Agency]:
    """Active agencies by code, or 422 naming the codes that are unknown (or archived)."""
    codes = list(dict.fromkeys(codes))
    found = {a.code: a for a in Agency.objects.filter(code__in=codes, archived=False)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError({field: [f"Unknown agency: {code}" for code in unknown]})
    return [found[code] for code in codes]


def agency_by_code(code: str, field: str) -> Agency:
    return agencies_by_code([code], field)[0]
