"""The client-list import wizard: a clinic's spreadsheet or old system's export brought in as client files."""
