"""Booking an appointment: the client, the consent step, the policy and the signature."""
