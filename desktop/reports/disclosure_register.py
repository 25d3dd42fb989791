"""The disclosure register of a period, for the privacy officer or a manager to hand to the Commission d'accès à
l'information: every entry disclosed in the period, corrected ones too (marked, with the entry correcting them),
as the ledger holds them."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.disclosure_messages import MEANS_LABELS, RECIPIENT_LABELS
from desktop.domain.disclosures import DisclosureRecord
from desktop.domain.enums import Language
from desktop.domain.texts import Text
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Cell, Column, Kind, ReportLayout, Section


class DisclosureRegisterText:
    title = Text("Registre des communications de renseignements personnels", "Register of disclosures")
    count = Text("Communications dans la période", "Disclosures in the period")
    standing = Text("Inscriptions en vigueur (non corrigées)", "Entries standing (not corrected)")
    clients = Text("Dossiers clients concernés", "Client files concerned")
    section = Text("Communications", "Disclosures")
    number = Text("N°", "No.")
    date = Text("Date", "Date")
    recipient = Text("Destinataire", "Recipient")
    legal_basis = Text("Fondement légal", "Legal basis")
    information = Text("Renseignements communiqués", "Information disclosed")
    files = Text("Dossiers", "Files")
    authorised_by = Text("Autorisée par", "Authorised by")
    means = Text("Moyen", "Means")
    recorded = Text("Consignée par, le", "Recorded by, on")
    status = Text("État", "Status")
    note = Text("Note", "Note")
    stands = Text("en vigueur", "standing")
    corrects = Text("corrige le n° {id}", "corrects no. {id}")
    corrected_by = Text("corrigée par le n° {id}", "corrected by no. {id}")
    none = Text("Aucune communication consignée pendant la période.", "No disclosure recorded in the period.")
    definitions = (
        Text(
            "Source : le registre des communications de FrontDesk, où rien n'est modifié ni effacé ; une erreur "
            "est corrigée par une nouvelle inscription qui nomme celle qu'elle corrige.",
            "Source: FrontDesk's disclosure register, where nothing is edited or erased; a mistake is corrected "
            "by a new entry that names the one it corrects.",
        ),
        Text(
            "La période porte sur la date de la communication. Les dossiers sont nommés par leur numéro.",
            "The period is on the date of the disclosure. Files are named by their number.",
        ),
    )


@dataclass(frozen=True)
class DisclosureRegisterReport:
    header: ReportHeader
    entries: tuple[DisclosureRecord, ...]

    @property
    def row_count(self) -> int:
        return len(self.entries)

    @property
    def standing_count(self) -> int:
        return sum(1 for e in self.entries if e.stands)

    @property
    def client_count(self) -> int:
        return len({c for e in self.entries if e.stands for c in e.client_ids})

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return _layout(self, language)


def recipient_text(entry: DisclosureRecord, language: Language) -> str:
    kind = RECIPIENT_LABELS[entry.recipient_kind].get(language)
    return f"{kind} — {entry.recipient_name}" if entry.recipient_name else kind


def status_text(entry: DisclosureRecord, language: Language) -> str:
    T = DisclosureRegisterText
    parts = [T.corrects.format(language, id=entry.corrects_id)] if entry.corrects_id is not None else []
    if entry.corrected_by_id is not None:
        parts.append(T.corrected_by.format(language, id=entry.corrected_by_id))
    return ", ".join(parts) or T.stands.get(language)


def _row(entry: DisclosureRecord, language: Language) -> tuple[Cell, ...]:
    return (
        entry.id,
        entry.disclosed_on,
        recipient_text(entry, language),
        entry.legal_basis,
        entry.information,
        ", ".join(entry.file_numbers),
        entry.authorised_by,
        MEANS_LABELS[entry.means].get(language),
        f"{entry.recorded_by}, {entry.recorded_at.astimezone():%Y-%m-%d %H:%M}",
        status_text(entry, language),
        entry.note or None,
    )


def _layout(report: DisclosureRegisterReport, language: Language) -> ReportLayout:
    T = DisclosureRegisterText
    return ReportLayout(
        header=report.header,
        language=language,
        title=T.title.get(language),
        landscape=True,
        figures=(
            (T.count.get(language), report.row_count, Kind.INT),
            (T.standing.get(language), report.standing_count, Kind.INT),
            (T.clients.get(language), report.client_count, Kind.INT),
        ),
        definitions=tuple(d.get(language) for d in T.definitions),
        sections=(
            Section(
                T.section.get(language),
                (
                    Column(T.number.get(language), Kind.INT, 0.4),
                    Column(T.date.get(language), Kind.DATE, 1.0),
                    Column(T.recipient.get(language), width=1.5),
                    Column(T.legal_basis.get(language), width=1.5),
                    Column(T.information.get(language), width=1.8),
                    Column(T.files.get(language), width=0.9),
                    Column(T.authorised_by.get(language), width=1.1),
                    Column(T.means.get(language), width=0.9),
                    Column(T.recorded.get(language), width=1.2),
                    Column(T.status.get(language), width=0.9),
                    Column(T.note.get(language), width=1.0),
                ),
                tuple(_row(e, language) for e in report.entries),
                empty_text=T.none.get(language),
            ),
        ),
    )
