"""Reading a clinic's client list (CSV as spreadsheets and old systems export it): the file's
encoding, separator and date order, its header row matched to the client file's fields, the mapping
file, and each row turned into a client draft checked as a typed entry. Pure: no database."""
