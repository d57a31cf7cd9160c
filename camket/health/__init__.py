"""Running in production: the health probe, deploy checks and idle-session sign-out."""
