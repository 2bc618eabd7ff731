"""Local-first for the whole team: two laptops sync through the real team server (the recipe: chroma behind
nginx with TLS and a token); with the server gone, laptop B still finds A's insight and A's earlier Claude
answer, marked as a colleague's; an insight edited on both laptops offline converges by one rule and the
losing version stays in its history."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)
from support.laptops import Laptop
from support.messages_api import MessagesAPIStandIn
from support.team_server import TeamServer, team_server  # noqa: F401  (pytest fixture)

pytestmark = pytest.mark.slow

INSIGHT = (
    "Quando un cliente alza la voce all'ufficio immigrazione, resta calmo, abbassa il tono e porta la "
    "conversazione in privato: a Bali perdere la calma in pubblico fa perdere la faccia a tutti."
)
ALICE_TEXT = (
    "Se un cliente alza la voce all'ufficio immigrazione, non rispondere sullo stesso tono: chiedi scusa per "
    "l'attesa e proponi di parlarne fuori, dove nessuno perde la faccia."
)
BOB_TEXT = (
    "Quando un cliente alza la voce all'ufficio immigrazione, resta calmo e sorridi: a Bali chi perde la calma "
    "in pubblico perde la faccia, e l'impiegato rallenta la pratica."
)
QUESTION = "What does Nyepi close in Bali?"
PARAPHRASE = "Apa saja yang tutup saat Nyepi di Bali?"  # the same question, in Indonesian
REPLY = "On Nyepi the airport, offices, shops and roads close for 24 hours; plan travel around it."


@pytest.fixture
def standin() -> Iterator[MessagesAPIStandIn]:
    with MessagesAPIStandIn(reply=REPLY) as api:
        yield api


def laptops(root: Path, curated: Path, server: TeamServer, **env: str) -> tuple[Laptop, Laptop]:
    team = server.env() | {"ZANTARA_TEAM_CA": server.ca} | env
    return Laptop.make(root, "Alice", curated, team), Laptop.make(root, "Bob", curated, team)


def test_laptop_b_offline_has_a_s_insight_and_answer_and_a_conflict_keeps_both_versions(
    team_server: TeamServer,  # noqa: F811
    curated_store_dir: Path,  # noqa: F811
    standin: MessagesAPIStandIn,
    tmp_path: Path,
) -> None:
    claude = {"ANTHROPIC_BASE_URL": standin.base_url, "ANTHROPIC_API_KEY": standin.api_key}
    a, b = laptops(tmp_path, curated_store_dir, team_server)
    added = a.json(
        "knowledge",
        "add",
        "--text",
        INSIGHT,
        "--language",
        "it",
        "--category",
        "emotion",
        "--concepts",
        "marah,imigrasi,muka",
    )
    online = a.json("ask", QUESTION, **claude)
    assert online["mode"] == "claude"
    pushed = a.sync()
    assert pushed["ok"] and pushed["pushed"] == 2 and pushed["errors"] == []  # the insight and the answer
    pulled = b.sync()
    assert pulled["pulled"] == 2 and pulled["pushed"] == 0  # the curated pack is not uploaded by anyone

    team_server.stop()
    found = b.json(
        "knowledge",
        "query",
        "cliente arrabbiato all'ufficio immigrazione, alza la voce",
        "--force",
        "--k",
        "10",
    )
    mine = [i for i in found["insights"] if i["id"] == added["id"]]
    assert mine and mine[0]["from_colleague"]["name"] == "Alice"
    offline = b.json("ask", PARAPHRASE, "--offline")
    assert offline["mode"] == "offline" and offline["memory"], offline
    hit = offline["memory"][0]
    assert (hit["question"], hit["answer"], hit["colleague"]) == (QUESTION, REPLY, "Alice")
    assert REPLY in offline["answer"] and "Alice (seorang rekan)" in offline["answer"]

    # both edit the same insight's text while the server is down; Bob edits last: his revision is higher
    a.json("knowledge", "edit", added["id"], "--text", ALICE_TEXT, "--category", "communication")
    b.json("knowledge", "edit", added["id"], "--text", BOB_TEXT, "--concepts", "marah,imigrasi,sabar")
    team_server.start()
    first, second, third = a.sync(), b.sync(), a.sync()
    assert (
        first["pushed"] == 1 and second["conflicts"] == 1 and second["pushed"] == 1 and third["pulled"] == 1
    )
    for laptop in (a, b):  # one record on each laptop, under the insight's id, holding the winner's text
        mine = own_insights(laptop, tmp_path)
        assert [(i["id"], i["text"]) for i in mine] == [(added["id"], BOB_TEXT)]
    shown_a, shown_b = (x.json("knowledge", "show", added["id"]) for x in (a, b))
    assert shown_a["insight"] == {**shown_b["insight"], "provenance": shown_a["insight"]["provenance"]}
    assert shown_b["insight"]["concepts"] == ["marah", "imigrasi", "sabar"]  # the higher revision won
    assert shown_b["insight"]["category"] == "emotion"
    for shown in (shown_a, shown_b):  # Alice's losing version is kept on both laptops
        losers = [h for h in shown["history"] if h["record"]["rows"][0]["document"] == ALICE_TEXT]
        assert losers and losers[0]["origin_name"] in ("Alice", "")
        assert losers[0]["record"]["rows"][0]["metadata"]["category"] == "communication"
    assert [h["reason"] for h in shown_b["history"]] == ["conflict"]
    status = b.json("sync", "status")
    assert status["pending"] == 0 and status["reachable"] and status["server_counts"]["insight"] == 1


def own_insights(laptop: Laptop, tmp_path: Path) -> list[dict[str, object]]:
    """The insights a person added on (or synced to) this laptop, as `knowledge export` writes them."""
    out = tmp_path / f"export-{laptop.home.name}.jsonl"
    laptop.json("knowledge", "export", str(out), "--source", "user")
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
