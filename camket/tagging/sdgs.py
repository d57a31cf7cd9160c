"""A coarse, hand-made bridge from UPR Info issues to the Sustainable Development Goals.

Not learned: the UPR Info export carries no SDG labels. Each issue maps to the goals whose
targets name it most directly (e.g. education → 4, women's rights → 5, justice → 16);
issues with no clear goal (UPR process, treaty bodies…) map to none.
"""

ISSUE_SDGS: dict[str, tuple[int, ...]] = {
    "Asylum-seekers - refugees": (10,),
    "CP rights - general": (16,),
    "Civil society": (16,),
    "Corruption": (16,),
    "Counter-terrorism": (16,),
    "Death penalty": (16,),
    "Detention": (16,),
    "Development": (1, 17),
    "Disabilities": (10,),
    "ESC rights - general": (1, 10),
    "Elections": (16,),
    "Enforced disappearances": (16,),
    "Environment": (13, 15),
    "Extrajudicial executions": (16,),
    "Freedom of association and peaceful assembly": (16,),
    "Freedom of opinion and expression": (16,),
    "Freedom of the press": (16,),
    "HIV - Aids": (3,),
    "Human rights defenders": (16,),
    "Human rights education and training": (4,),
    "Human rights violations by state agents": (16,),
    "Impunity": (16,),
    "Indigenous peoples": (10,),
    "Internally displaced persons": (10,),
    "Justice": (16,),
    "Labour": (8,),
    "Migrants": (10,),
    "Minorities": (10,),
    "NHRI": (16,),
    "Poverty": (1,),
    "Public security": (16,),
    "Racial discrimination": (10,),
    "Right to education": (4,),
    "Right to food": (2,),
    "Right to health": (3,),
    "Right to housing": (11,),
    "Right to land": (1, 2),
    "Right to water": (6,),
    "Rights of the Child": (16,),
    "Sexual Orientation and Gender Identity": (10,),
    "Technical assistance and cooperation": (17,),
    "Torture and other CID treatment": (16,),
    "Trafficking": (5, 8, 16),
    "Women's rights": (5,),
}


def sdgs_for_issues(issues: list[str]) -> list[int]:
    return sorted({goal for issue in issues for goal in ISSUE_SDGS.get(issue, ())})
