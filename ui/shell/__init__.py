"""The main window, sign-in, the lock screen, parked sessions and the connection banner."""
