"""The first-run set-up wizard: where the data lives, the clinic's identity, its sites, its policy and the
first manager account."""
