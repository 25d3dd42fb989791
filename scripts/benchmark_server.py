"""A PostgreSQL server for the benchmark whose data stays in the work folder, so a resumed run finds
the databases it built (the tests' server is thrown away when it stops)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.support.postgres_server import PostgresServer, _free_port


class KeptPostgresServer(PostgresServer):
    def __init__(self, root: Path) -> None:
        super().__init__()
        shutil.rmtree(self.root, ignore_errors=True)  # the parent's throwaway folder is not used
        self.root = root
        self.data_dir = root / "data"
        self.port = _free_port()

    def start(self) -> None:
        if not (self.data_dir / "PG_VERSION").exists():
            self.root.mkdir(parents=True, exist_ok=True)
            super().start()
            return
        if self._as_root:
            shutil.chown(self.root, user="postgres", group="postgres")
        try:  # a server left running by an interrupted run
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "stop")
        except subprocess.CalledProcessError:
            pass
        self.launch(wait_s=120)

    def stop(self) -> None:
        """Stop cleanly and keep the data."""
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "stop")
        except subprocess.CalledProcessError:
            pass
