"""FrontDesk desktop GUI (PySide6). Talks only to desktop.services and plain data objects."""
