"""Appends to the ledgers shared by several services (consent events, acknowledgments and their PDF),
each inside the caller's unit of work. Below the services, beside ``queries``: the services import
these, never one another."""
