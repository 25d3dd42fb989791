"""The ledgers' seal: every ledger row's content digested in blocks, the audit chain's head, both
written to a keyed witness file outside the database, and compared back by ``frontdesk db check``."""
