"""Option types every command shares, each refusing in the person's language: a day (ISO or day
first, within the dates a command allows), a file to write (its folder must exist) and a file to
read (it must exist)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import click

from desktop.cli.context import language
from desktop.cli.failures import output_folder_problem
from desktop.domain.dates import UnreadableDateError, date_in_words, parse_date
from desktop.domain.errors import FrontDeskError
from desktop.domain.formats import format_date_long
from desktop.domain.messages import message


class Day(click.ParamType):
    """A day as the desk writes it: 2026-05-26, 26/05/2026 or 26.05.2026, from ``first`` to ``last``."""

    name = "day"

    def __init__(self, first: date = date(1900, 1, 1), last: date = date(2100, 12, 31)) -> None:
        self.first = first
        self.last = last

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "AAAA-MM-JJ|JJ/MM/AAAA"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        lang = language()
        try:
            day = parse_date(str(value))
        except UnreadableDateError as unreadable:
            self.fail(message("given_value", lang, value=value, problem=unreadable.message(lang)), param, ctx)
        if not self.first <= day <= self.last:
            self.fail(
                message(
                    "day_out_of_range",
                    lang,
                    day=date_in_words(day, lang),
                    first=format_date_long(self.first, lang),
                    last=format_date_long(self.last, lang),
                ),
                param,
                ctx,
            )
        return day


class OutputFile(click.Path):
    """A file the command writes: its folder must exist (it is never made, so a typo does not scatter
    files about)."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(os.fsdecode(super().convert(value, param, ctx)))
        problem = output_folder_problem(path)
        if problem is not None:
            self.fail(problem.message(language()), param, ctx)
        return path


class InputFile(click.Path):
    """A file the command reads: a missing one is named in the person's language."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(os.fsdecode(super().convert(value, param, ctx)))
        if not path.is_file():
            self.fail(FrontDeskError("file_unreadable", path=str(path)).message(language()), param, ctx)
        return path
