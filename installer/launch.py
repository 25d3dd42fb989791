"""Entry point for the bundled program (PyInstaller needs a script, not a console-script name)."""

from ui.main import main

main()
