"""The queries behind the reports, one module per report; ``common`` holds the shared subqueries."""
