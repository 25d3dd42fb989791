"""Entry point for the bundled program (PyInstaller needs a script, not a console-script name): the
same launcher as the ``frontdesk`` command, which opens the window or runs a command."""

import sys

from frontdesk_launcher import main

sys.exit(main())
