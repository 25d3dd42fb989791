"""Keeping the database sound: integrity checks, backups and restores, the start-up file check."""
