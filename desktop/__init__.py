"""FrontDesk core: domain, database, services, PDF, reports and CLI. Never imports Qt."""
