from datetime import date

from desktop.domain.records import ClientDraft


def test_create_and_find(services, receptionist):
    client = services.clients.create(receptionist, ClientDraft("Côté", "Zoé", date(1980, 4, 12), phone="418 555-0123"))
    assert client.file_number == f"{client.id:06d}"
    assert [c.id for c in services.clients.search(receptionist, "cote")] == [client.id]
