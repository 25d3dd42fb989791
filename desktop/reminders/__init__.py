"""The files reminders are handed over in: the SMS provider's CSV and the printable call sheet. Pure:
no database (the reminder service gathers the day and records what was exported)."""
