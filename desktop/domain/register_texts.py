"""The privacy registers' messages and field names, gathered for :mod:`desktop.domain.messages`."""

from __future__ import annotations

from desktop.domain.access_request_messages import AccessRequestFields, AccessRequestMessages
from desktop.domain.disclosure_messages import DisclosureFields, DisclosureMessages
from desktop.domain.incident_messages import IncidentFields, IncidentMessages
from desktop.domain.retention_messages import RetentionFields, RetentionMessages
from desktop.domain.texts import Text


def _texts(*namespaces: type) -> dict[str, Text]:
    return {
        name: value
        for namespace in namespaces
        for name, value in vars(namespace).items()
        if isinstance(value, Text)
    }


REGISTER_MESSAGES = _texts(DisclosureMessages, IncidentMessages, AccessRequestMessages, RetentionMessages)
REGISTER_FIELDS = _texts(DisclosureFields, IncidentFields, AccessRequestFields, RetentionFields)
