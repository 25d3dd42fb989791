"""Reads shared by the services, below them: each takes a session and returns ORM rows or records.

The services import these (and ``ledger``, ``unit_of_work``, ``audit_chain``, ``permissions``,
``clock``, ``search_keys``), never one another, so no service depends on a peer's internals.
"""
