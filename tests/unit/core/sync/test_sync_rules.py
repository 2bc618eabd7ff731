"""The sync's rules on their own: revisions survive clock skew, one deterministic conflict rule, a record
travels intact (vectors included), plain http only to this machine, the outbox keeps a change made during a
push."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.core.errors import TeamError
from desktop.core.sync import hlc
from desktop.core.sync.engine import pack, unpack
from desktop.core.sync.journal import INSIGHTS_KIND, Journal, Version
from desktop.core.sync.kinds import Record, Row
from desktop.core.sync.remote import TeamConfig, parse


def test_revisions_move_past_what_was_seen_even_when_the_clock_is_behind() -> None:
    colleague = hlc.wall_now() + (3600 * 1000 << hlc.SHIFT)  # a laptop whose clock is an hour ahead
    seen = hlc.observed(hlc.wall_now(), colleague)
    mine = hlc.next_revision(seen)
    assert mine > colleague and hlc.next_revision(mine) > mine


def test_the_conflict_rule_is_deterministic() -> None:
    a, b = Version(10, "aaa"), Version(10, "bbb")
    assert b.beats(a) and not a.beats(b)  # a tie goes to the larger device id
    assert Version(11, "aaa").beats(b)
    assert not a.beats(a)


def test_a_record_travels_intact() -> None:
    vectors = np.random.default_rng(0).standard_normal((3, 8)).astype(np.float32)
    rows = [
        Row(f"m_1{s}", f"doc{s}", {"kind": s, "origin_device": "x"}, v)
        for s, v in zip([":q", ":p", ":qa"], vectors, strict=True)
    ]
    back = unpack("m_1", False, pack(Record("m_1", rows), vectors=True), use_vectors=True)
    assert [r.id for r in back.rows] == [r.id for r in rows]
    assert back.rows[0].metadata == {"kind": ":q"}  # this laptop's origin marks stay here
    assert np.array_equal(np.asarray([r.vector for r in back.rows]), vectors)
    other = unpack("m_1", False, pack(Record("m_1", rows), vectors=True), use_vectors=False)
    assert all(r.vector is None for r in other.rows)  # another embedder: embedded on arrival
    assert unpack("m_1", True, "", True).deleted


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://team.example.com:8443", True),
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("http://10.1.2.3:8000", False),
        ("http://team.example.com", False),
    ],
)
def test_plain_http_only_to_this_machine_unless_insisted(url: str, allowed: bool) -> None:
    if allowed:
        parse(TeamConfig(url=url, token=""))
    else:
        with pytest.raises(TeamError, match="team_allow_http"):
            parse(TeamConfig(url=url, token=""))
        parse(TeamConfig(url=url, token="", allow_http=True))


def test_a_change_made_while_its_older_revision_was_pushed_stays_in_the_outbox() -> None:
    journal = Journal.open()
    first = journal.note(INSIGHTS_KIND, ["abc"])
    pushed = journal.pending(10)
    second = journal.note(INSIGHTS_KIND, ["abc"])  # edited again during the push
    journal.done(pushed)
    assert second > first and journal.pending(10) == [(INSIGHTS_KIND, "abc", second)]
