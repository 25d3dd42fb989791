"""A PostgreSQL server for the benchmark whose data stays in the work folder, so a resumed run finds
the databases it built (the tests' server is thrown away when it stops)."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import psycopg

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
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data_dir),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "120",
            "start",
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with psycopg.connect(self.dsn("postgres"), autocommit=True):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def stop(self) -> None:
        """Stop cleanly and keep the data."""
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "stop")
        except subprocess.CalledProcessError:
            pass
