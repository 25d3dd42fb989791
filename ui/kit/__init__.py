"""The shared GUI kit: background worker, forms, errors, item models, languages, settings, client search, change signal."""
