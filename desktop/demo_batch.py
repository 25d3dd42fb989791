"""One batch of the demo's records as plain tuples (``desktop.demo_bulk``'s column orders), the ids given
here from each table's next free id: each client file with its phone, search keys, appointment and its
booked event, the acknowledgment signed (or refused) at the desk, the consents given, and now and then
an opt-out request with its scope, events and withdrawals. Every record is marked ``demo``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy.orm import Session

from desktop.db.models import Client, PolicyVersion
from desktop.demo_bulk import Row
from desktop.demo_clients import demo_nam, demo_phone_kind
from desktop.demo_schedule import demo_start
from desktop.domain.age import consents_for_themselves
from desktop.domain.business_days import OptOutCalendar
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    ConsentAction,
    ConsentMethod,
    Language,
    OptOutEventKind,
    OptOutVia,
    Purpose,
    SignerCapacity,
)
from desktop.domain.file_numbers import format_file_number
from desktop.domain.normalize import sort_key
from desktop.domain.schedule import AppointmentEventKind
from desktop.domain.wording import WordingNames, withdrawal_sentence
from desktop.services.search_keys import client_keys

if TYPE_CHECKING:
    from desktop.demo_generator import DemoGenerator

_KINDS = list(AppointmentKind)
_MODES = list(AppointmentMode)
_VIAS = list(OptOutVia)
_CHANNELS = tuple(Channel)
_ALL_PURPOSES = frozenset(Purpose)


@dataclass(frozen=True)
class BatchContext:
    """What every row of a batch is made with: read once from the database."""

    session: Session
    policies: dict[Language, PolicyVersion]
    names: WordingNames
    calendar: OptOutCalendar
    clinic_id: int
    author: int
    now: datetime


@dataclass
class Batch:
    """The batch's rows per table, and its search keys as ``client_keys`` gives them."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    keys: list[dict[str, object]] = field(default_factory=list)
    first_client: int = 0
    last_client: int = 0

    def key_rows(self, first_id: int) -> tuple[tuple[str, ...], list[Row]]:
        """The search keys as tuples in their table's column order (ids from ``first_id``)."""
        if not self.keys:
            return (), []
        columns = tuple(self.keys[0])
        rows = [(first_id + i, *(key[c] for c in columns)) for i, key in enumerate(self.keys)]
        return ("id", *columns), rows


#: A version-4 UUID's fixed bits: the version nibble and the RFC 4122 variant.
_V4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_V4_SET = (0x4000 << 64) | (0x8000 << 48)


def _uid(gen: DemoGenerator) -> str:
    """A version-4 UUID's hex (as the services store one), random as ``uuid4``'s but drawn faster: not
    from the seeded generator, so two runs of the same seed never make the same ids."""
    return f"{gen.uids.getrandbits(128) & _V4_CLEAR | _V4_SET:032x}"


def build_batch(
    gen: DemoGenerator, ctx: BatchContext, next_ids: dict[str, int], start: int, count: int
) -> Batch:
    """``count`` demo files, the ``start``-th onward of the run, with every row they come with."""
    ids = dict(next_ids)
    batch = Batch(first_client=ids["clients"], last_client=ids["clients"] + count - 1)
    rows = batch.rows

    def take(name: str) -> int:
        ids[name] += 1
        return ids[name] - 1

    rng, now, author, site = gen.rng, ctx.now, ctx.author, ctx.clinic_id
    offered = ctx.names.offered_purposes()
    for offset in range(count):
        client_id = take("clients")
        data = gen.client(start + offset)
        last, first, born = data["last_name"], data["first_name"], data["date_of_birth"]
        language, phone, email = data["preferred_language"], data["phone"], data["email"]
        # Files are opened after birth: at most the client's age in days ago.
        lived = (gen.today - born).days
        created = now - timedelta(
            days=rng.randint(1, max(1, min(1500, lived - 1))), minutes=rng.randint(0, 600)
        )
        nam = demo_nam(client_id, last, first, born)
        health_number, sex = nam if nam else ("", None)
        source = SimpleNamespace(
            id=client_id, last_name=last, first_name=first, phone=phone, health_number=health_number
        )
        keys = client_keys(cast(Client, source))
        batch.keys += keys
        # The keys carry the file's sort key (folding the names once more costs as much as the keys).
        order = str(keys[0]["sort_key"]) if keys and "sort_key" in keys[0] else sort_key(last, first)
        # Cards expire over five years from 2025: some have passed, as at any desk.
        expiry = date(2025 + client_id % 5, client_id % 12 + 1, 1) if nam else None
        rows["clients"].append(
            (client_id, format_file_number(client_id), last, first, born, language, data["street"],
             data["city"], data["province"], data["postal_code"], email, phone, "", health_number, sex,
             expiry, site, 1, created, author, created, author, order, None, None, True)
        )  # fmt: skip
        if phone:
            rows["client_phones"].append(
                (take("client_phones"), client_id, 1, demo_phone_kind(client_id), phone, "")
            )
        policy = ctx.policies.get(language) or next(iter(ctx.policies.values()))
        booked_at = created + timedelta(minutes=5)
        # A signature is taken only from someone standing at the desk; a phone booking records a spoken answer.
        at_desk = rng.random() < 0.7
        appointment_id = take("appointments")
        starts = demo_start(rng, gen.today).astimezone(UTC)
        kind, mode = rng.choice(_KINDS), rng.choice(_MODES)
        placed: dict[str, Any] = {"starts_at": starts, "kind": kind.value, "clinic_id": site}
        gen.schedule.place(ctx.session, rng, cast(dict[str, object], placed), now)
        practitioner, length = placed["practitioner_id"], placed["length_minutes"]
        via = BookedVia.AT_DESK if at_desk else BookedVia.PHONE
        rows["appointments"].append(
            (appointment_id, _uid(gen), client_id, starts, kind.value, mode, via, author, site, booked_at,
             practitioner, length, True)
        )  # fmt: skip
        rows["appointment_events"].append(
            (take("appointment_events"), _uid(gen), appointment_id, client_id, AppointmentEventKind.BOOKED,
             booked_at, author, site, starts, length, practitioner, None, None, "", True)
        )  # fmt: skip
        ack_id, refused, representative, capacity = None, False, None, None
        adult = consents_for_themselves(born, booked_at.date())
        if at_desk:
            ack_id = take("acknowledgments")
            refused = rng.random() < 0.04
            capacity = (
                SignerCapacity.CLIENT if adult else rng.choice([SignerCapacity.PARENT, SignerCapacity.TUTOR])
            )
            signer = (
                f"{first} {last}"
                if capacity == SignerCapacity.CLIENT
                else f"{gen.first_name(language)} {last}"
            )
            # A minor's answers are given by the parent or tutor who signs (or refuses to).
            representative = None if adult else signer
            rows["acknowledgments"].append(
                (ack_id, _uid(gen), client_id, policy.id, policy.sha256, policy.summary_sha256, language,
                 capacity, signer, None if refused else rng.choice(gen.signatures), refused, "", booked_at,
                 author, site, None, True)
            )  # fmt: skip
        method = ConsentMethod.VERBAL_PHONE if not at_desk else ConsentMethod.SIGNED_AT_DESK
        method = ConsentMethod.VERBAL_IN_PERSON if refused else method
        for purpose in offered:
            for channel in _CHANNELS:
                reminder = purpose == Purpose.APPOINTMENT_REMINDERS and channel in (
                    Channel.EMAIL,
                    Channel.SMS,
                )
                # A minor's consent by phone would need a named parent: the demo records none.
                if rng.random() < (0.75 if reminder else 0.18) and (adult or representative is not None):
                    rows["consent_events"].append(
                        (take("consent_events"), _uid(gen), client_id, purpose, channel, ConsentAction.GRANTED,
                         method, policy.id, policy.sha256, gen.wording(purpose, channel, language, ctx.names),
                         language, author, site, booked_at, appointment_id, None, ack_id, representative,
                         None if representative is None else capacity, True)
                    )  # fmt: skip
        # One file in forty has an emailed opt-out still to process, so the demo's queue is never empty.
        queued = (start + offset) % 40 == 17
        if queued or rng.random() < 0.04:
            _opt_out(gen, ctx, rows, take, client_id, data, booked_at, queued, language, policy)
    batch.rows = rows
    return batch


def _opt_out(
    gen: DemoGenerator,
    ctx: BatchContext,
    rows: dict[str, list[Row]],
    take: Any,
    client_id: int,
    data: Any,
    booked_at: datetime,
    queued: bool,
    language: Language,
    policy: PolicyVersion,
) -> None:
    """An opt-out request about the file, matched to it, and processed (its withdrawals recorded) or not."""
    rng, now, author, site = gen.rng, ctx.now, ctx.author, ctx.clinic_id
    via = OptOutVia.EMAIL if queued else rng.choice(_VIAS)
    received = min(gen.today, booked_at.date() + timedelta(days=rng.randint(1, 400)))
    if queued:  # arrived lately: most of the queue is still within its delay
        received = max(booked_at.date(), gen.today - timedelta(days=rng.randint(0, 12)))
    immediate = via.takes_effect_at_once
    processed = not queued and (immediate or rng.random() < 0.6)
    purposes = PROMOTIONAL_PURPOSES if rng.random() < 0.8 else _ALL_PURPOSES
    logged = min(now, datetime.combine(received, time(14, 0), UTC))
    request_id = take("opt_out_requests")
    due = received if immediate else ctx.calendar.due_date(received)
    name = f"{data['first_name']} {data['last_name']}"
    rows["opt_out_requests"].append(
        (request_id, _uid(gen), via, received, due, name, data["phone"], data["email"], "", author, logged, site,
         True)
    )  # fmt: skip
    in_scope = [(p, c) for p in sorted(purposes) for c in _CHANNELS]
    rows["opt_out_scopes"] += [(take("opt_out_scopes"), request_id, p, c) for p, c in in_scope]
    rows["opt_out_events"].append(
        (
            take("opt_out_events"),
            _uid(gen),
            request_id,
            OptOutEventKind.MATCHED,
            client_id,
            logged,
            author,
            True,
        )
    )
    if not processed:
        return
    done = min(now, logged + timedelta(days=0 if immediate else rng.randint(1, 13)))
    method = via.consent_method
    for purpose, channel in in_scope:
        wording = withdrawal_sentence(purpose, channel, via, received.isoformat(), language)
        rows["consent_events"].append(
            (take("consent_events"), _uid(gen), client_id, purpose, channel, ConsentAction.WITHDRAWN, method,
             policy.id, policy.sha256, wording, language, author, site, done, None, request_id, None, None, None,
             True)
        )  # fmt: skip
    rows["opt_out_events"].append(
        (
            take("opt_out_events"),
            _uid(gen),
            request_id,
            OptOutEventKind.PROCESSED,
            client_id,
            done,
            author,
            True,
        )
    )
