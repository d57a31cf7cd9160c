"""What a backup or a restore refuses, with a message meant for the person at the terminal."""


class BackupError(Exception):
    """The backup could not be made; no archive was left under the asked name."""


class RestoreRefused(Exception):
    """The archive or the target is not fit for a restore; nothing was written."""
