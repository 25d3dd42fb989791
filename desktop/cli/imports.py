"""``frontdesk import clients FILE --mapping MAP.toml --user NAME [--dry-run]``: a clinic's client list
brought in by the same service as the import wizard (manager role, every row checked as a typed entry,
audited with the row counts and the file's SHA-256). Possible duplicates are listed and not created:
a manager decides on them in the wizard."""

from __future__ import annotations

from pathlib import Path

import click

from desktop.cli.context import AppContext, fail, language
from desktop.cli.params import InputFile, OutputFile
from desktop.domain.enums import Language
from desktop.domain.errors import FrontDeskError
from desktop.domain.import_messages import ImportReport, ImportWords
from desktop.domain.import_records import DateOrder, ImportStatus, RowStatus, StagedImport
from desktop.domain.records import Actor
from desktop.imports.mapping import load_mapping
from desktop.services import Services

_ORDERS = {
    DateOrder.YMD: ImportWords.order_ymd,
    DateOrder.DMY: ImportWords.order_dmy,
    DateOrder.MDY: ImportWords.order_mdy,
}
_SEPARATORS = {
    ",": ImportReport.separator_comma,
    ";": ImportReport.separator_semicolon,
    "\t": ImportReport.separator_tab,
}
#: Rows listed by the command at most (the report file holds them all).
_LISTED = 200


@click.group("import")
def import_group() -> None:
    """Bring data in from the clinic's former system."""


def _list_rows(services: Services, actor: Actor, staged: StagedImport, lang: Language) -> None:
    for status in (RowStatus.ERROR, RowStatus.POSSIBLE_DUPLICATE, RowStatus.ALREADY_IMPORTED):
        for row in services.client_import.rows(actor, staged.import_id, status, limit=_LISTED):
            reason = " ".join(p.get(lang) for p in row.problems)
            click.echo(ImportReport.row.format(lang, row=row.row_number, reason=reason))


@import_group.command("clients")
@click.argument("file", type=InputFile())
@click.option("--mapping", "mapping_path", type=InputFile(), required=True, help="The mapping file (TOML).")
@click.option("--user", "username", required=True, help="Staff username to sign in with (a manager).")
@click.option("--dry-run", is_flag=True, help="Check every row and report; save nothing.")
@click.option(
    "--consent-is-clinic-evidence",
    is_flag=True,
    help="The file's consent columns are the clinic's own evidence: record them (method 'imported').",
)
@click.option(
    "--report", "report", type=OutputFile(), help="Write the rows not imported, with the reason (CSV)."
)
@click.pass_obj
def import_clients(
    app: AppContext,
    file: Path,
    mapping_path: Path,
    username: str,
    dry_run: bool,
    consent_is_clinic_evidence: bool,
    report: Path | None,
) -> None:
    """Import the clients listed in FILE (CSV), its columns matched as MAP.toml says. Rows in error are
    not imported; possible duplicates of a client on file (same name and date of birth, or same NAM)
    are listed and not created; importing the same file again creates nothing twice."""
    lang = language()
    actor = app.sign_in(username)
    services = app.services()
    try:
        mapping = load_mapping(mapping_path)
        analysis = services.client_import.analyse(actor, file)
        options = mapping.options(analysis.detected)
        click.echo(
            ImportReport.read_as.format(
                lang,
                encoding=options.encoding,
                separator=_SEPARATORS[options.separator].get(lang),
                order=_ORDERS[options.date_order].get(lang),
            )
        )
        staged = services.client_import.stage(actor, file, options, mapping.mapping)
        click.echo(
            ImportReport.counts.format(
                lang,
                rows=staged.rows,
                ok=staged.ok,
                errors=staged.errors,
                duplicates=staged.possible_duplicates,
                already=staged.already_imported,
            )
        )
        _list_rows(services, actor, staged, lang)
        if report is not None:
            services.client_import.write_error_report(actor, staged.import_id, report)
        if dry_run:
            services.client_import.cancel(actor, staged.import_id)
            click.echo(ImportReport.dry_run.get(lang))
        elif staged.status is ImportStatus.STAGED:
            result = services.client_import.commit(
                actor, staged.import_id, consent_is_clinic_evidence=consent_is_clinic_evidence
            )
            if result.created:
                click.echo(
                    ImportReport.created.format(
                        lang,
                        created=result.created,
                        first=result.first_file_number,
                        last=result.last_file_number,
                    )
                )
            else:
                click.echo(ImportReport.none_created.get(lang))
            if result.undecided:
                click.echo(ImportReport.duplicates_left.format(lang, count=result.undecided))
            if result.consents_recorded:
                click.echo(ImportReport.consents.format(lang, count=result.consents_recorded))
    except FrontDeskError as failure:
        fail(failure)
    if report is not None:
        click.echo(ImportReport.report_written.format(lang, path=report))
