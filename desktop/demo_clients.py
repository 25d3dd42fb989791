"""Demo client files as inserted: most carry a health insurance number that agrees with their name and date
of birth, and their number is marked mobile (texted) or left of no kind (as a number kept from before
kinds). Decided from each file's id, so the demo's random draws, and the rest of its data, stay the same."""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desktop.db.models import Client, ClientPhone, ClientSearchKey
from desktop.domain.nam import SexAtBirth, expected_letters
from desktop.domain.normalize import sort_key
from desktop.domain.phones import PhoneKind
from desktop.services.search_keys import NAM

_FEMALE_OFFSET = 50


def demo_nam(client_id: int, last_name: str, first_name: str, born: date) -> tuple[str, SexAtBirth] | None:
    """A NAM consistent with the file, and the sex at birth it encodes; none for one file in five."""
    if client_id % 5 == 0:
        return None
    sex = SexAtBirth.FEMALE if client_id % 2 == 0 else SexAtBirth.MALE
    month = born.month + (_FEMALE_OFFSET if sex is SexAtBirth.FEMALE else 0)
    digits = f"{born.year % 100:02d}{month:02d}{born.day:02d}{client_id * 7 % 90 + 10:02d}"
    return expected_letters(last_name, first_name) + digits, sex


def demo_phone_kind(client_id: int) -> PhoneKind:
    """Three numbers in four are marked mobile; the others are left of no kind, never texted."""
    return PhoneKind.UNSPECIFIED if client_id % 4 == 3 else PhoneKind.MOBILE


def insert_clients(session: Session, rows: list[dict[str, object]], keys: list[dict[str, object]]) -> None:
    """Insert the batch's files (``rows`` gain their NAM and sex at birth), their search keys (``keys`` and
    the NAMs'), and their phones."""
    phones: list[dict[str, object]] = []
    for row in rows:
        client_id = int(str(row["id"]))
        born = row["date_of_birth"]
        assert isinstance(born, date)
        nam = demo_nam(client_id, str(row["last_name"]), str(row["first_name"]), born)
        row["health_number"], row["sex_at_birth"] = nam if nam else ("", None)
        # Cards expire over five years from 2025: some have passed, as at any desk.
        row["health_card_expiry"] = date(2025 + client_id % 5, client_id % 12 + 1, 1) if nam else None
        if nam:
            keys.append({"client_id": client_id, "kind": NAM, "key": nam[0]})
        if row.get("phone"):
            phones.append(
                {
                    "client_id": client_id,
                    "position": 1,
                    "kind": demo_phone_kind(client_id),
                    "number": row["phone"],
                    "extension": row.get("phone_extension", ""),
                }
            )
    session.execute(insert(Client), rows)
    # Each key carries its file's sort key (the clients' own comes from the insert's default).
    orders = {int(str(row["id"])): sort_key(str(row["last_name"]), str(row["first_name"])) for row in rows}
    for key in keys:
        key["sort_key"] = orders[int(str(key["client_id"]))]
    session.execute(insert(ClientSearchKey), keys)
    if phones:
        session.execute(insert(ClientPhone), phones)
