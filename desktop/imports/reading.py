"""The file itself: its SHA-256, its encoding and separator, and its rows read one at a time (the
memory used does not grow with the number of rows)."""

from __future__ import annotations

import codecs
import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desktop.domain.errors import FrontDeskError
from desktop.domain.import_records import ENCODINGS as ENCODINGS  # also here, where the file is read
from desktop.domain.import_records import SEPARATORS as SEPARATORS

UTF8_BOM = "utf-8-sig"
UTF8 = "utf-8"
WINDOWS_1252 = "cp1252"
_CHUNK = 1 << 16
#: Rows read to tell the separator (a header and some data is enough).
_SNIFF_ROWS = 50


class ImportFileError(FrontDeskError):
    """The file cannot be read as a client list (``import_unreadable``, ``import_empty``, ``import_not_csv``)."""

    code = "import_unreadable"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise ImportFileError(file=path.name, reason=exc.strerror or type(exc).__name__) from None
    return digest.hexdigest()


def detect_encoding(path: Path) -> str:
    """UTF-8 with its byte-order mark, UTF-8 when every byte reads as UTF-8, else Windows-1252 (what
    Excel on Windows and most old systems save)."""
    decoder = codecs.getincrementaldecoder(UTF8)()
    try:
        with path.open("rb") as stream:
            first = stream.read(_CHUNK)
            if first.startswith(codecs.BOM_UTF8):
                return UTF8_BOM
            chunk = first
            while chunk:
                decoder.decode(chunk)
                chunk = stream.read(_CHUNK)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return WINDOWS_1252
    except OSError as exc:
        raise ImportFileError(file=path.name, reason=exc.strerror or type(exc).__name__) from None
    return UTF8


def open_text(path: Path, encoding: str) -> TextIO:
    """The file as text; a byte the encoding cannot read becomes U+FFFD (then flagged), never a crash."""
    try:
        return path.open(encoding=encoding, errors="replace", newline="")
    except (OSError, LookupError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ImportFileError(file=path.name, reason=reason) from None


def detect_separator(path: Path, encoding: str) -> str:
    """The separator that splits the first rows into the same number of columns (more than one), the
    most columns winning; a comma when no candidate does (a one-column file)."""
    with open_text(path, encoding) as stream:
        lines = [line for _, line in zip(range(_SNIFF_ROWS), stream, strict=False)]
    if not any(line.strip() for line in lines):
        raise ImportFileError("import_empty", file=path.name)
    best, best_score = ",", (0, 0)
    for separator in SEPARATORS:
        try:
            rows = [r for r in csv.reader(lines, delimiter=separator) if any(c.strip() for c in r)]
        except csv.Error:  # a cell over the reader's limit: not this separator's columns
            continue
        if len(rows) > 1:
            rows = rows[:-1]  # the sample may stop inside the last row
        widths = [len(r) for r in rows]
        if not widths or widths[0] < 2:
            continue
        # Rows that agree with the header's width first, then the width itself.
        score = (sum(1 for w in widths if w == widths[0]), widths[0])
        if score > best_score:
            best, best_score = separator, score
    if best_score == (0, 0):
        raise ImportFileError("import_not_csv", file=path.name)
    return best


@dataclass(frozen=True)
class RawRow:
    #: The row as a spreadsheet numbers it (the header is 1).
    number: int
    cells: list[str]


class RowStream(Iterator[RawRow]):
    """The data rows, one at a time (blank rows skipped, numbers kept); the file is closed at the end,
    on a failure, or by :meth:`close` (a preview that stops early)."""

    def __init__(self, path: Path, stream: TextIO, reader: Iterator[list[str]]) -> None:
        self._path = path
        self._stream = stream
        self._reader = reader
        self._number = 1

    def __next__(self) -> RawRow:
        try:
            for cells in self._reader:
                self._number += 1
                if any(cell.strip() for cell in cells):
                    return RawRow(self._number, cells)
        except csv.Error as exc:
            self.close()
            raise ImportFileError(file=self._path.name, reason=f"{exc} (row {self._number + 1})") from None
        except ValueError:  # read after close
            raise StopIteration from None
        self.close()
        raise StopIteration

    def close(self) -> None:
        self._stream.close()


def read_rows(path: Path, encoding: str, separator: str) -> tuple[list[str], RowStream]:
    """The header's cells and the data rows."""
    stream = open_text(path, encoding)
    reader = csv.reader(stream, delimiter=separator)
    try:
        header = next(reader)
    except StopIteration:
        stream.close()
        raise ImportFileError("import_empty", file=path.name) from None
    except csv.Error as exc:
        stream.close()
        raise ImportFileError(file=path.name, reason=str(exc)) from None
    return [cell.strip() for cell in header], RowStream(path, stream, reader)


def count_rows(path: Path, encoding: str, separator: str) -> int:
    _, rows = read_rows(path, encoding, separator)
    return sum(1 for _ in rows)
