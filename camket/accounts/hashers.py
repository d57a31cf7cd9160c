"""How passwords are stored: Argon2id with the parameters OWASP's Password Storage Cheat Sheet
recommends (19 MiB of memory, 2 passes, 1 lane). See docs/decisions.md, "Password hashing".

Django's own Argon2 defaults (100 MiB, 2 passes, 8 lanes) cost about 9 times more CPU per
sign-in here and protect no better against the attacks OWASP weighs: a sign-in is paid in full
by the web server while a crowd signs in at once (the start of a working day)."""

from django.contrib.auth.hashers import Argon2PasswordHasher

OWASP_MEMORY_KIB = 19 * 1024
OWASP_PASSES = 2
OWASP_LANES = 1


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id (Django's Argon2 hashers use the id variant) at OWASP's first recommended
    setting. Its algorithm name stays "argon2": a hash made with other parameters still
    verifies, and Django re-hashes it with these at the person's next sign-in."""

    memory_cost = OWASP_MEMORY_KIB
    time_cost = OWASP_PASSES
    parallelism = OWASP_LANES
