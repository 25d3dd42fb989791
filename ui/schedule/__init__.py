"""The schedule: the day view (one column per practitioner of a site), the week view of one
practitioner, the appointment events recorded from them, and the manager's editor of practitioners,
hours and kinds."""
