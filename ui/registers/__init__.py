"""The privacy officer's registers: disclosures, confidentiality incidents, access requests and the
retention review, each a window over its service."""
