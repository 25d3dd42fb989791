"""The client file shown on the right of the main window."""

from ui.client_file.widget import ClientFileWidget

__all__ = ["ClientFileWidget"]
