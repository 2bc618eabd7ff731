"""The circuit breaker: open skips Claude at once, backoff doubles, state shared through the data folder."""

from __future__ import annotations

import pytest

from desktop.core.chat.breaker import CircuitBreaker, state_path
from desktop.core.errors import ClaudeUnavailable
from desktop.core.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def settings() -> Settings:
    return Settings(breaker_probe_initial_s=10, breaker_probe_max_s=40)


def test_failure_opens_then_half_open_after_backoff(settings: Settings, clock: Clock) -> None:
    breaker = CircuitBreaker(settings, clock=clock)
    assert breaker.allow()
    breaker.record_failure("connection")
    assert breaker.snapshot()["state"] == "open"
    assert breaker.snapshot()["reason"] == "connection"
    assert not breaker.allow()
    clock.now += 9.9
    assert not breaker.allow()
    clock.now += 0.2
    assert breaker.allow()  # the probe request
    assert breaker.state == "half_open"
    assert not breaker.allow()  # only one probe at a time
    breaker.record_success()
    assert breaker.state == "closed" and breaker.allow()


def test_backoff_doubles_up_to_max(settings: Settings, clock: Clock) -> None:
    breaker = CircuitBreaker(settings, clock=clock)
    waits = []
    for _ in range(4):
        breaker.record_failure("overloaded")
        waits.append(breaker.seconds_until_probe())
    assert waits == [10, 20, 40, 40]


@pytest.mark.parametrize("reason", ["no_key", "auth"])
def test_key_problems_are_not_outages(settings: Settings, clock: Clock, reason: str) -> None:
    breaker = CircuitBreaker(settings, clock=clock)
    breaker.record_failure(reason)
    assert breaker.state == "closed" and breaker.allow()


def test_state_is_shared_through_the_file(settings: Settings, clock: Clock) -> None:
    first = CircuitBreaker(settings, clock=clock)
    first.record_failure("connection")
    assert state_path().exists()
    second = CircuitBreaker(settings, clock=clock)  # another process
    assert second.state == "open" and not second.allow()
    clock.now += 2 * settings.breaker_probe_max_s + 1
    assert CircuitBreaker(settings, clock=clock).state == "closed"  # stale file ignored


def test_probe_restores_or_reopens(settings: Settings, clock: Clock) -> None:
    breaker = CircuitBreaker(settings, clock=clock)
    changes: list[str] = []
    unsubscribe = breaker.subscribe(lambda snap: changes.append(snap.state))
    breaker.record_failure("connection")
    assert breaker.probe(lambda: None) is False  # not due yet: fn not called
    calls: list[int] = []

    def down() -> None:
        calls.append(1)
        raise ClaudeUnavailable("connection", "down")

    clock.now += 10
    assert breaker.probe(down) is False and calls == [1]
    assert breaker.state == "open" and breaker.seconds_until_probe() == 20
    assert breaker.probe(lambda: None, force=True) is True
    assert breaker.state == "closed"
    unsubscribe()
    breaker.record_failure("connection")
    assert changes == ["open", "half_open", "open", "half_open", "closed"]


def test_shared_is_per_data_folder(settings: Settings) -> None:
    assert CircuitBreaker.shared(settings) is CircuitBreaker.shared(settings)


def test_a_check_still_running_is_not_a_failure(settings: Settings, clock: Clock) -> None:
    """The start-up check of a closed breaker leaves it closed while it runs: answers still try Claude."""
    breaker = CircuitBreaker(settings, clock=clock)
    seen: list[bool] = []

    def slow_check() -> None:
        seen.append(breaker.allow())  # a question asked while the check runs
        breaker.record_success()  # ... and Claude answered it

    assert breaker.probe(slow_check, force=True) is True
    assert seen == [True] and breaker.snapshot()["state"] == "closed"

    def check_that_times_out() -> None:
        seen.append(breaker.allow())
        breaker.record_success()  # an answer arrived while the check hung
        raise ClaudeUnavailable("first_token_timeout", "Claude did not start in time.")

    assert breaker.probe(check_that_times_out, force=True) is False
    assert seen[-1] is True and breaker.snapshot()["state"] == "closed", "the newer success wins"
