"""``frontdesk evidence FILE_NUMBER --out pack.pdf --user NAME``: one client's evidence pack (an access
request, a complaint, an inspection), by the same service as the client file's action, so the role
is checked and producing it is audited the same way."""

from __future__ import annotations

from pathlib import Path

import click

from desktop.cli.context import AppContext, fail, write_private
from desktop.cli.params import OutputFile
from desktop.domain.errors import FrontDeskError


@click.command("evidence")
@click.argument("file_number")
@click.option("--out", type=OutputFile(), required=True, help="The PDF to write.")
@click.option(
    "--user", "username", required=True, help="Staff username to sign in with (manager or privacy officer)."
)
@click.pass_obj
def evidence(app: AppContext, file_number: str, out: Path, username: str) -> None:
    """Write the evidence pack of the client filed under FILE_NUMBER: identity, every consent with the
    sentence shown, the policies acknowledged and signatures, opt-out requests, every access to the
    file and the chain head, in the client's language. The file is readable by its owner only."""
    actor = app.sign_in(username)
    try:
        rendered = app.services().evidence.render(actor, file_number)
    except FrontDeskError as failure:
        fail(failure)
    write_private(out, rendered.data)
    click.echo(f"Evidence pack of file {rendered.file_number} ({rendered.language.value}) written to {out}")
