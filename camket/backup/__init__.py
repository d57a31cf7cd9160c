"""Backups of a whole installation (database, evidence, models) and their restore."""
