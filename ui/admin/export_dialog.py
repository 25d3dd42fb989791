"""A contact list for a mailing or SMS tool: one purpose, one channel, one CSV file.

The core decides who is listed (``services.exports.export_contacts``, from one snapshot of the data,
the file moved into place once the export is recorded in the audit trail): only clients who consent
now to that use by that channel, and whom no pending opt-out request concerns. The dialog says so before the export and shows the row
count and the file's SHA-256 afterwards, so the file handed to the mailing tool can be matched with the
audit record.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Channel, Purpose
from desktop.domain.records import Actor, ExportResult
from desktop.domain.wording import channel_label, purpose_label
from desktop.services import Services
from ui.kit.forms import chain_tab_order, em, fit_height
from ui.kit.i18n import current_language
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["ExportDialog"]


class ExportDialog(JobDialog):
    exported = Signal(object)
    """The ExportResult of a finished export."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, "export", parent)
        self.setObjectName("exportDialog")
        self.setModal(False)
        self._services = services
        self._actor = actor
        self._path_edited = False
        # Shadows QDialog.result() on purpose: callers read the finished export here, and Qt calls the
        # C++ result() only, never this attribute.
        self.result: ExportResult | None = None  # type: ignore[assignment]

        self._explanation = explanation = QLabel(self)
        explanation.setObjectName("exportExplanation")
        explanation.setWordWrap(True)

        self.purpose = QComboBox(self)
        self.purpose.setObjectName("exportPurpose")
        for purpose in Purpose:
            self.purpose.addItem("", purpose.value)
        self.channel = QComboBox(self)
        self.channel.setObjectName("exportChannel")
        for channel in Channel:
            self.channel.addItem("", channel.value)

        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        self.path.textEdited.connect(lambda _text: self._mark_path_edited())
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: list[QLabel] = []
        for editor, field in (
            (self.purpose, self.purpose),
            (self.channel, self.channel),
            (path_row, self.path),
        ):
            label = QLabel(self)
            label.setBuddy(field)
            self._labels.append(label)
            form.addRow(label, editor)

        self.progress = self.make_progress_bar("")
        self.outcome = self.make_outcome_label("exportOutcome")
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self.jobs.disable_while_running(
            self.purpose, self.channel, self.path, self.browse_button, self.export_button
        )

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        chain_tab_order(
            self.purpose, self.channel, self.path, self.browse_button, self.export_button, self.close_button
        )

        self.purpose.currentIndexChanged.connect(lambda _index: self._suggest_path())
        self.channel.currentIndexChanged.connect(lambda _index: self._suggest_path())
        self._suggest_path()
        follow_language(self, self.retranslate)
        self.resize(em(self, 58), self.sizeHint().height())
        fit_height(self)
        self.purpose.setFocus()

    def retranslate(self) -> None:
        """Every word in the staff language; the choices, the file and the last result stay."""
        self.setWindowTitle(self.tr("Export a contact list"))
        self._explanation.setText(
            self.tr(
                "The list includes only clients who consent today to the chosen use by the chosen "
                "channel, and whom no pending opt-out request concerns. Files without an address for "
                "the channel are left out. The export is recorded in the audit trail with its purpose, "
                "channel, number of rows and the file's fingerprint (SHA-256), never with names."
            )
        )
        language = current_language()
        self.purpose.setAccessibleName(self.tr("Purpose of the mailing"))
        for index in range(self.purpose.count()):
            self.purpose.setItemText(index, purpose_label(Purpose(self.purpose.itemData(index)), language))
        self.channel.setAccessibleName(self.tr("Channel"))
        for index in range(self.channel.count()):
            self.channel.setItemText(index, channel_label(Channel(self.channel.itemData(index)), language))
        self.path.setAccessibleName(self.tr("File to write"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose the file to write"))
        for label, text in zip(
            self._labels, (self.tr("&Purpose"), self.tr("&Channel"), self.tr("&File")), strict=True
        ):
            label.setText(text)
        self.progress.setAccessibleName(self.tr("Export in progress"))
        self.outcome.setAccessibleName(self.tr("Export result"))
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setAccessibleName(self.tr("Export the contact list"))
        self.close_button.setAccessibleName(self.tr("Close"))

    # ------------------------------------------------------------ choices

    def chosen(self) -> tuple[Purpose, Channel]:
        return Purpose(self.purpose.currentData()), Channel(self.channel.currentData())

    def set_choice(self, purpose: Purpose, channel: Channel, path: str | Path | None = None) -> None:
        self.purpose.setCurrentIndex(self.purpose.findData(purpose.value))
        self.channel.setCurrentIndex(self.channel.findData(channel.value))
        if path is not None:
            self.path.setText(str(path))
            self._path_edited = True

    def _mark_path_edited(self) -> None:
        self._path_edited = True

    def _default_folder(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder) if folder else Path.home()

    def _suggest_path(self) -> None:
        if self._path_edited:
            return
        purpose, channel = self.chosen()
        today = self._services.clock.today().isoformat()
        name = f"contacts_{purpose.value}_{channel.value}_{today}.csv"
        self.path.setText(str(self._default_folder() / name))

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the contact list to"), self.path.text(), self.tr("CSV files (*.csv)")
        )
        if chosen:
            self.path.setText(chosen)
            self._path_edited = True

    # ------------------------------------------------------------ exporting

    def export(self) -> None:
        if self.is_running:
            return
        text = self.path.text().strip()
        if not text:
            self.show_outcome(lambda: self.tr("Choose the file to write."))
            self.path.setFocus()
            return
        target = Path(text).expanduser()
        if not target.suffix:
            target = target.with_suffix(".csv")
        if not target.parent.is_dir():
            self.show_outcome(
                lambda: self.tr("The folder {folder} does not exist.").format(folder=str(target.parent))
            )
            self.path.setFocus()
            return
        purpose, channel = self.chosen()
        services, actor = self._services, self._actor
        self.run_job(
            lambda: services.exports.export_contacts(actor, purpose, channel, target),
            self._exported,
            busy_message=self.tr("Exporting the contact list…"),
            running_text=lambda: self.tr("Exporting…"),
        )

    def _exported(self, result: ExportResult) -> None:
        self.result = result
        lines = self._outcome_lines(result)
        self.show_outcome(lambda: "\n".join(self._outcome_lines(result)))
        self.status_message.emit(lines[0])
        self.exported.emit(result)

    def _outcome_lines(self, result: ExportResult) -> list[str]:
        lines = [
            self.tr("%n client(s) written to {path}.", "", result.row_count).format(path=result.path),
            self.tr("SHA-256 of the file: {sha256}").format(sha256=result.sha256),
        ]
        if result.skipped_no_contact:
            lines.append(
                self.tr(
                    "%n consenting client(s) left out: no address for this channel in the file.",
                    "",
                    result.skipped_no_contact,
                )
            )
        if result.unmatched_pending_requests:
            lines.append(
                self.tr(
                    "⚠ %n opt-out request(s) not yet matched to a file: they may concern people on this "
                    "list. Match them in the opt-out queue before sending.",
                    "",
                    result.unmatched_pending_requests,
                )
            )
        return lines
