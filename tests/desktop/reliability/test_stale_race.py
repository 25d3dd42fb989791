"""Two processes save the same client file at the same instant, from the same version: one save wins,
the other is refused with StaleVersionError carrying the winner's version. Never both, never neither."""

from __future__ import annotations

import multiprocessing

from tests.conftest import TEST_PASSWORD
from tests.desktop.reliability.helpers import make_clients
from tests.desktop.reliability.racer import save_each

ROUNDS = 6


def test_a_stale_save_is_refused_when_two_processes_race(services, receptionist, database_url):
    clients = make_clients(services, receptionist, ROUNDS, prefix="Course")
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    racers = [
        context.Process(target=save_each, args=(database_url, TEST_PASSWORD, clients, city, barrier, results))
        for city in ("Lévis", "Rimouski")
    ]
    for racer in racers:
        racer.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for racer in racers:
        racer.join(timeout=60)
        assert racer.exitcode == 0

    for client_id in clients:
        mine = sorted(o for o in outcomes if o[0] == client_id)
        assert sorted(o[2] for o in mine) == ["saved", "stale"], mine
        winner = next(o for o in mine if o[2] == "saved")
        loser = next(o for o in mine if o[2] == "stale")
        assert winner[3] == 2 and loser[3] == 2, "the refused save is shown the winner's version"
        stored = services.clients.open(receptionist, client_id)
        assert (stored.city, stored.version) == (winner[1], 2)
