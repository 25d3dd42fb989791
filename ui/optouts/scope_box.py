"""The "what to stop" part of an opt-out request: a preset, the purposes it stands for, the parent
company, and the channels."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Channel, Purpose
from desktop.domain.wording import channel_label, purpose_label
from ui.booking.feedback import error_label
from ui.kit.i18n import current_language
from ui.kit.retranslate import follow_language
from ui.optouts.scope import OWN_PURPOSES, ScopePreset

__all__ = ["OptOutScopeBox"]


class OptOutScopeBox(QGroupBox):
    """Presets tick the purposes they stand for, so what will stop is always visible; the purposes
    can be ticked one by one only under "choose the purposes"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enabled = True
        self.preset_promotional = QRadioButton(self)
        self.preset_everything = QRadioButton(self)
        self.preset_custom = QRadioButton(self)
        self._preset_group = QButtonGroup(self)
        self._presets = {
            self.preset_promotional: ScopePreset.PROMOTIONAL,
            self.preset_everything: ScopePreset.EVERYTHING,
            self.preset_custom: ScopePreset.CUSTOM,
        }
        for button, preset in self._presets.items():
            button.setObjectName(f"preset_{preset}")
            self._preset_group.addButton(button)
        self.preset_promotional.setChecked(True)

        self.purpose_boxes: dict[Purpose, QCheckBox] = {}
        purposes_row = QGridLayout()
        purposes_row.setContentsMargins(24, 0, 0, 0)
        for index, purpose in enumerate(OWN_PURPOSES):
            check = QCheckBox(self)
            check.setObjectName(f"purpose_{purpose.value}")
            self.purpose_boxes[purpose] = check
            purposes_row.addWidget(check, index // 2, index % 2)
            check.toggled.connect(lambda *_: self.changed.emit())
        self.parent_company = QCheckBox(self)
        self.parent_company.setObjectName("includeParentCompany")
        self.parent_company.setChecked(True)
        # The parent organisation the clinic's policy names ("": none). Until the clinic is known (None)
        # the option is hidden but kept, so a request saved meanwhile still stops everything it says.
        self._parent_name: str | None = None
        self.parent_company.hide()

        self.channel_boxes: dict[Channel, QCheckBox] = {}
        channels_row = QHBoxLayout()
        self._channels_label = QLabel(self)
        channels_row.addWidget(self._channels_label)
        for channel in Channel:
            check = QCheckBox(self)
            check.setObjectName(f"channel_{channel.value}")
            check.setChecked(True)
            self.channel_boxes[channel] = check
            channels_row.addWidget(check)
            check.toggled.connect(lambda *_: self.changed.emit())
        channels_row.addStretch(1)
        self.scope_error = error_label(self, "scopeError", "")

        layout = QVBoxLayout(self)
        # One preset a line, the purposes under the last ("choose the purposes"): the longer French
        # never makes the dialog wider.
        presets = QVBoxLayout()
        presets.addWidget(self.preset_promotional)
        presets.addWidget(self.preset_everything)
        presets.addWidget(self.preset_custom)
        layout.addLayout(presets)
        layout.addLayout(purposes_row)
        layout.addWidget(self.parent_company)
        layout.addLayout(channels_row)
        layout.addWidget(self.scope_error)
        self._tick_preset()
        self._preset_group.buttonToggled.connect(lambda *_: self._preset_changed())
        self.parent_company.toggled.connect(lambda *_: self.changed.emit())
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Every word in the staff language; what is ticked stays as it is."""
        self.setTitle(self.tr("What to stop"))
        self.preset_promotional.setText(
            self.tr("&All promotional communications (keeps appointment reminders)")
        )
        self.preset_everything.setText(self.tr("E&verything, including appointment reminders"))
        self.preset_custom.setText(self.tr("C&hoose the purposes"))
        for button in self._presets:
            button.setAccessibleName(button.text().replace("&", ""))
        language = current_language()
        for purpose, check in self.purpose_boxes.items():
            check.setText(purpose_label(purpose, language))
            check.setAccessibleName(purpose_label(purpose, language))
        self.parent_company.setText(
            self.tr("including the parent &company ({name})").format(name=self._parent_name or "")
        )
        self.parent_company.setAccessibleName(
            self.tr("Including the parent company, {name}").format(name=self._parent_name or "")
        )
        self._channels_label.setText(self.tr("Channels:"))
        for channel, check in self.channel_boxes.items():
            check.setText(channel_label(channel, language))
            check.setAccessibleName(self.tr("Channel: {name}").format(name=channel_label(channel, language)))
        self.scope_error.setAccessibleName(self.tr("Problem with what to stop"))

    def set_parent_name(self, name: str) -> None:
        """The parent organisation named in the clinic's records; "" hides its option."""
        self._parent_name = name
        self.parent_company.setVisible(bool(name))
        self.retranslate()

    # ------------------------------------------------------------------ reading

    def preset(self) -> str:
        return next(p for button, p in self._presets.items() if button.isChecked())

    def purposes(self) -> frozenset[Purpose]:
        chosen = {p for p, check in self.purpose_boxes.items() if check.isChecked()}
        if self._parent_name != "" and self.parent_company.isChecked():
            chosen.add(Purpose.PARENT_COMPANY_PROMOTIONS)
        return frozenset(chosen)

    def channels(self) -> frozenset[Channel]:
        return frozenset(c for c, check in self.channel_boxes.items() if check.isChecked())

    def inputs(self) -> list[QWidget]:
        """Every input in reading order, for the dialog's tab order."""
        return [
            self.preset_promotional,
            *self.purpose_boxes.values(),
            self.parent_company,
            *self.channel_boxes.values(),
        ]

    # ------------------------------------------------------------------ state

    def set_inputs_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        for widget in (*self._presets, self.parent_company, *self.channel_boxes.values()):
            widget.setEnabled(enabled)
        self._tick_preset()

    def _preset_changed(self) -> None:
        self._tick_preset()
        self.changed.emit()

    def _tick_preset(self) -> None:
        preset = self.preset()
        for purpose, check in self.purpose_boxes.items():
            if preset != ScopePreset.CUSTOM:
                check.blockSignals(True)
                check.setChecked(preset == ScopePreset.EVERYTHING or purpose != Purpose.APPOINTMENT_REMINDERS)
                check.blockSignals(False)
            check.setEnabled(preset == ScopePreset.CUSTOM and self._enabled)
