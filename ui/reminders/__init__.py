"""The day's appointment reminders: who is reminded and how, sending the emails, exporting the SMS file
and the call sheet (``ReminderWindow``), and its entry in the Client menu (``ReminderEntry``)."""
