"""Bounded fuzzing: a fixed, derandomized profile in CI; `HYPOTHESIS_PROFILE=long` locally.

Each fuzz test asks `fuzz_settings(n)` for its settings: n examples under the default "ci"
profile (the same examples every run, so a failure in CI reproduces), 40 times as many under
"long", drawn afresh each run.
"""

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
LONG_FACTOR = 40


def fuzz_settings(examples: int) -> settings:
    long = PROFILE == "long"
    return settings(
        max_examples=examples * LONG_FACTOR if long else examples,
        derandomize=not long,
        deadline=None,
        database=None,
        # The database fixture is shared by a test's examples on purpose: each example
        # counts rows before and after itself.
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
