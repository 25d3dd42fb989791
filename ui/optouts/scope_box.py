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
from ui.optouts.scope import OWN_PURPOSES, ScopePreset

__all__ = ["OptOutScopeBox"]


class OptOutScopeBox(QGroupBox):
    """Presets tick the purposes they stand for, so what will stop is always visible; the purposes
    can be ticked one by one only under "choose the purposes"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What to stop"))
        self._enabled = True
        self.preset_promotional = QRadioButton(
            self.tr("&All promotional communications (keeps appointment reminders)"), self
        )
        self.preset_everything = QRadioButton(self.tr("E&verything, including appointment reminders"), self)
        self.preset_custom = QRadioButton(self.tr("C&hoose the purposes"), self)
        self._preset_group = QButtonGroup(self)
        self._presets = {
            self.preset_promotional: ScopePreset.PROMOTIONAL,
            self.preset_everything: ScopePreset.EVERYTHING,
            self.preset_custom: ScopePreset.CUSTOM,
        }
        for button, preset in self._presets.items():
            button.setObjectName(f"preset_{preset}")
            button.setAccessibleName(button.text().replace("&", ""))
            self._preset_group.addButton(button)
        self.preset_promotional.setChecked(True)

        language = current_language()
        self.purpose_boxes: dict[Purpose, QCheckBox] = {}
        purposes_row = QGridLayout()
        purposes_row.setContentsMargins(24, 0, 0, 0)
        for index, purpose in enumerate(OWN_PURPOSES):
            check = QCheckBox(purpose_label(purpose, language), self)
            check.setObjectName(f"purpose_{purpose.value}")
            check.setAccessibleName(purpose_label(purpose, language))
            self.purpose_boxes[purpose] = check
            purposes_row.addWidget(check, index // 2, index % 2)
            check.toggled.connect(lambda *_: self.changed.emit())
        self.parent_company = QCheckBox(
            self.tr("including the parent &company (Groupe Médical Lacroix)"), self
        )
        self.parent_company.setObjectName("includeParentCompany")
        self.parent_company.setAccessibleName(self.tr("Including the parent company, Groupe Médical Lacroix"))
        self.parent_company.setChecked(True)

        self.channel_boxes: dict[Channel, QCheckBox] = {}
        channels_row = QHBoxLayout()
        channels_row.addWidget(QLabel(self.tr("Channels:"), self))
        for channel in Channel:
            check = QCheckBox(channel_label(channel, language), self)
            check.setObjectName(f"channel_{channel.value}")
            check.setAccessibleName(self.tr("Channel: {name}").format(name=channel_label(channel, language)))
            check.setChecked(True)
            self.channel_boxes[channel] = check
            channels_row.addWidget(check)
            check.toggled.connect(lambda *_: self.changed.emit())
        channels_row.addStretch(1)
        self.scope_error = error_label(self, "scopeError", self.tr("Problem with what to stop"))

        layout = QVBoxLayout(self)
        presets_row = QHBoxLayout()
        presets_row.addWidget(self.preset_promotional)
        presets_row.addWidget(self.preset_everything)
        presets_row.addWidget(self.preset_custom)
        presets_row.addStretch(1)
        layout.addLayout(presets_row)
        layout.addLayout(purposes_row)
        layout.addWidget(self.parent_company)
        layout.addLayout(channels_row)
        layout.addWidget(self.scope_error)
        self._tick_preset()
        self._preset_group.buttonToggled.connect(lambda *_: self._preset_changed())
        self.parent_company.toggled.connect(lambda *_: self.changed.emit())

    # ------------------------------------------------------------------ reading

    def preset(self) -> str:
        return next(p for button, p in self._presets.items() if button.isChecked())

    def purposes(self) -> frozenset[Purpose]:
        chosen = {p for p, check in self.purpose_boxes.items() if check.isChecked()}
        if self.parent_company.isChecked():
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
