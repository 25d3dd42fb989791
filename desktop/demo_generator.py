"""The demo's made-up people: names, addresses, phones and signatures drawn from a seeded generator,
shared by the demo's batches (``desktop.demo_batch``) and its driver (``desktop.demo``)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TypedDict

from faker import Faker

from desktop.demo_schedule import DemoSchedule
from desktop.demo_signatures import signature_png
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.wording import WordingNames, consent_sentence

_AREA_CODES = ("418", "581", "367", "514", "438", "450", "579", "819", "873")
_CITIES = (
    ("Québec", "G1"),
    ("Lévis", "G6"),
    ("Montréal", "H2"),
    ("Laval", "H7"),
    ("Gatineau", "J8"),
    ("Sherbrooke", "J1"),
    ("Trois-Rivières", "G8"),
    ("Saguenay", "G7"),
    ("Longueuil", "J4"),
    ("Rimouski", "G5"),
    ("Drummondville", "J2"),
    ("Saint-Jérôme", "J7"),
)
_EXTRA_NAMES = (("Côté", "Zoé"), ("O'Brien", "Seán"), ("Nguyễn", "Thị Mai"), ("Bélanger-Roy", "Élodie"))
#: Street names drawn from Faker once per language (a draw costs as much as the rest of a file).
_STREETS = 500


class ClientData(TypedDict):
    last_name: str
    first_name: str
    date_of_birth: date
    preferred_language: Language
    street: str
    city: str
    province: str
    postal_code: str
    email: str
    phone: str


class DemoGenerator:
    def __init__(self, seed: int, today: date, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.uids = random.Random()  # seeded by the system: ids unique from one run to the next
        self.fakers = {Language.FR: Faker("fr_CA"), Language.EN: Faker("en_CA")}
        for index, faker in enumerate(self.fakers.values()):
            faker.seed_instance(seed + index)
        self.today = today
        self.now = now
        self.signatures = [signature_png(self.rng) for _ in range(8)]
        self.schedule = DemoSchedule()
        self.streets = {lang: [f.street_name() for _ in range(_STREETS)] for lang, f in self.fakers.items()}

    def first_name(self, language: Language) -> str:
        return str(self.fakers[language].first_name())

    @staticmethod
    @lru_cache(maxsize=256)
    def wording(purpose: Purpose, channel: Channel, language: Language, names: WordingNames) -> str:
        """The consent sentence shown for a cell (the same for every file of a language)."""
        return consent_sentence(purpose, channel, language, names)

    def phone(self) -> str:
        return f"+1{self.rng.choice(_AREA_CODES)}{self.rng.randint(200, 989)}{self.rng.randint(0, 9999):04d}"

    def postal_code(self, prefix: str) -> str:
        letters = "ABCEGHJKLMNPRSTVWXYZ"
        return f"{prefix}{self.rng.choice(letters)} {self.rng.randint(0, 9)}{self.rng.choice(letters)}{self.rng.randint(0, 9)}"

    def client(self, index: int) -> ClientData:
        language = Language.FR if self.rng.random() < 0.78 else Language.EN
        faker = self.fakers[language]
        if index < len(_EXTRA_NAMES):
            last, first = _EXTRA_NAMES[index]
        else:
            last, first = faker.last_name(), faker.first_name()
        born = self.today - timedelta(days=self.rng.randint(2 * 365, 95 * 365))
        city, prefix = self.rng.choice(_CITIES)
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        local = local.encode("ascii", "ignore").decode() or "client"
        return ClientData(
            last_name=last,
            first_name=first,
            date_of_birth=born,
            preferred_language=language,
            street=f"{self.rng.randint(1, 9999)} {self.rng.choice(self.streets[language])}",
            city=city,
            province="QC",
            postal_code=self.postal_code(prefix),
            email=f"{local}{self.rng.randint(1, 999)}@example.{self.rng.choice(['com', 'org', 'net'])}"
            if self.rng.random() < 0.8
            else "",
            phone=self.phone() if self.rng.random() < 0.95 else "",
        )
