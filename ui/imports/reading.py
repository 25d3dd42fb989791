"""The file as the wizard shows it: the service's analysis, and the header row read again with the
encoding and separator the manager chose (run on the task runner's worker, never on the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.domain.import_records import ColumnMapping, FileOptions, ImportAnalysis
from desktop.domain.records import Actor
from desktop.imports.headers import guess_mapping
from desktop.imports.reading import read_rows
from desktop.services import Services

__all__ = ["FileReading", "analyse", "read_again"]


@dataclass(frozen=True)
class FileReading:
    """``analysis`` is what the service detected; the rest follows the options chosen."""

    path: Path
    analysis: ImportAnalysis
    options: FileOptions
    headers: tuple[str, ...]
    row_count: int
    guessed: ColumnMapping
    #: The mapping of the last import of a file with these headers (the service remembers it).
    remembered: ColumnMapping | None


def analyse(services: Services, actor: Actor, path: Path) -> FileReading:
    """Worker thread: the service reads the file and detects how it is written."""
    analysis = services.client_import.analyse(actor, path)
    return FileReading(
        path=path,
        analysis=analysis,
        options=analysis.detected,
        headers=analysis.headers,
        row_count=analysis.row_count,
        guessed=analysis.guessed,
        remembered=analysis.remembered,
    )


def read_again(reading: FileReading, options: FileOptions) -> FileReading:
    """Worker thread: the headers and the row count with another encoding or separator; the mapping
    remembered stays only while the headers are the ones the service analysed."""
    if (options.encoding, options.separator) == (reading.options.encoding, reading.options.separator):
        return FileReading(
            reading.path,
            reading.analysis,
            options,
            reading.headers,
            reading.row_count,
            reading.guessed,
            reading.remembered,
        )
    header, rows = read_rows(reading.path, options.encoding, options.separator)
    row_count = sum(1 for _row in rows)  # reads the file to its end, which closes it
    headers = tuple(header)
    guessed, _unknown = guess_mapping(headers)
    same = headers == reading.analysis.headers
    return FileReading(
        path=reading.path,
        analysis=reading.analysis,
        options=options,
        headers=headers,
        row_count=row_count,
        guessed=reading.analysis.guessed if same else guessed,
        remembered=reading.analysis.remembered if same else None,
    )
