"""The mapping file (TOML): which column holds each field, and how the file is read. Every key of
``[file]`` is optional (what is left out is detected); ``[columns]`` names at least the required
fields::

    [file]
    encoding = "cp1252"      # utf-8, utf-8-sig or cp1252
    separator = ";"          # ",", ";" or "\\t"
    date_order = "dmy"       # ymd (1994-05-26), dmy (26/05/1994) or mdy (05/26/1994)

    [columns]
    last_name = "Nom"
    first_name = "Prénom"
    date_of_birth = "Date de naissance"
    health_number = "NAM"
    phone = "Téléphone"
    email = "Courriel"
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import FrontDeskError
from desktop.domain.import_records import (
    ENCODINGS,
    SEPARATORS,
    ColumnMapping,
    DateOrder,
    FileOptions,
    ImportField,
)


class MappingFileError(FrontDeskError):
    code = "import_bad_mapping"


@dataclass(frozen=True)
class MappingFile:
    """A mapping file's contents: the options it sets (None: detect) and the columns."""

    encoding: str | None
    separator: str | None
    date_order: DateOrder | None
    mapping: ColumnMapping

    def options(self, detected: FileOptions) -> FileOptions:
        return FileOptions(
            self.encoding or detected.encoding,
            self.separator or detected.separator,
            self.date_order or detected.date_order,
        )


def _choice(file: Path, table: dict[str, object], key: str, allowed: tuple[str, ...]) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        listed = ", ".join(json.dumps(a) for a in allowed)
        raise MappingFileError(file=file.name, reason=f"{key} = {json.dumps(value)} ∉ {{{listed}}}")
    return value


def load_mapping(path: Path) -> MappingFile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise MappingFileError(file=path.name, reason=exc.strerror or type(exc).__name__) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MappingFileError(file=path.name, reason=str(exc)) from None
    options = data.get("file", {})
    columns = data.get("columns")
    if not isinstance(options, dict):
        raise MappingFileError(file=path.name, reason="[file]")
    if not isinstance(columns, dict) or not columns:
        raise MappingFileError(file=path.name, reason="[columns]")
    mapped: dict[ImportField, str] = {}
    known = {f.value for f in ImportField}
    for key, header in columns.items():
        if key not in known:
            raise MappingFileError(file=path.name, reason=f"[columns] {key} ∉ {{{', '.join(sorted(known))}}}")
        if not isinstance(header, str) or not header.strip():
            raise MappingFileError(file=path.name, reason=f"[columns] {key}")
        mapped[ImportField(key)] = header
    order = _choice(path, options, "date_order", tuple(DateOrder))
    return MappingFile(
        encoding=_choice(path, options, "encoding", ENCODINGS),
        separator=_choice(path, options, "separator", SEPARATORS),
        date_order=DateOrder(order) if order else None,
        mapping=ColumnMapping(mapped),
    )


def mapping_text(options: FileOptions, mapping: ColumnMapping) -> str:
    """A mapping file that :func:`load_mapping` reads back as ``options`` and ``mapping``."""
    lines = [
        "[file]",
        f"encoding = {json.dumps(options.encoding)}",
        f"separator = {json.dumps(options.separator)}",
        f"date_order = {json.dumps(options.date_order.value)}",
        "",
        "[columns]",
    ]
    lines += [
        f"{field.value} = {json.dumps(header, ensure_ascii=False)}"
        for field, header in mapping.columns.items()
    ]
    return "\n".join(lines) + "\n"
