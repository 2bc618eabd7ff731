"""The generation loop: one catalog entry per attempt, gates, store write, progress commit, progress callback.

Order inside an attempt is what makes kill -9 safe: (1) the model writes JSON, (2) every gate runs, (3) an
accepted insight is upserted into the store under its stable id, (4) the attempt is committed to SQLite,
(5) the callback reports progress. Dying before (3) loses only an uncounted attempt; dying between (3) and (4)
leaves an insight the run does not know yet, which :meth:`Generator.adopt_orphans` counts on resume.
A run stops at its target, at its attempt budget (target × K, so a weak model cannot loop forever), or when
cancelled (then it is resumable).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypedDict

from desktop.core import paths
from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, ModelFileError, ZantaraError
from desktop.core.generation.catalog import OUTPUT_SCHEMA, Catalog, CatalogEntry, FewShot, build_prompt
from desktop.core.generation.gates import GATES, Gates, Verdict
from desktop.core.generation.runs import STOP_REASONS, RunState, RunStore, summarise
from desktop.core.knowledge.insight import Insight
from desktop.core.llm.base import Message

if TYPE_CHECKING:
    from desktop.core.knowledge.store import KnowledgeStore
    from desktop.core.models.registry import ModelEntry
    from desktop.core.services import Services

BUDGET_FACTOR = 6  # K: max attempts = target × K
DEFAULT_TEMPERATURE = 0.8
DEFAULT_MAX_TOKENS = 200  # ~2-3 sentences; a longer answer is cut and counted by the "format" gate


class GenerationError(ZantaraError):
    """Generation cannot start (nothing to resume, bad parameters)."""


class JsonModel(Protocol):
    """What the generator needs from a model: :meth:`LocalModel.complete_json` (a fake implements it too)."""

    @property
    def name(self) -> str: ...

    def complete_json(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any],
        system: str = "",
        max_tokens: int = 512,
        temperature: float = 0.7,
        cancel: CancelToken | None = None,
    ) -> dict[str, Any]: ...


@dataclass(frozen=True)
class GenerationProgress:
    """One progress tick, the same for the CLI's bar and the GUI's dialog."""

    done: int  # accepted insights so far (the bar's position)
    target: int
    attempts: int
    accepted: int
    rejected: int
    rate_per_min: float  # accepted insights per minute
    eta_s: float | None  # None before the first attempt
    last_gate: str  # "accepted" or the gate that rejected the last attempt
    max_attempts: int = 0
    run_id: str = ""
    entry_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ProgressCallback = Callable[[GenerationProgress], None]


class Generator:
    def __init__(
        self,
        *,
        model: JsonModel,
        model_name: str,
        model_sha256: str,
        store: KnowledgeStore,
        catalog: Catalog,
        fewshot: FewShot,
        gates: Gates,
        runs: RunStore,
        temperature: float = DEFAULT_TEMPERATURE,
        max_tokens: int = DEFAULT_MAX_TOKENS,
    ) -> None:
        self.model = model
        self.model_name = model_name
        self.model_sha256 = model_sha256
        self.store = store
        self.catalog = catalog
        self.fewshot = fewshot
        self.gates = gates
        self.runs = runs
        self.temperature = temperature
        self.max_tokens = max_tokens

    @classmethod
    def create(
        cls, store: KnowledgeStore, model: JsonModel, model_name: str, model_sha256: str, **kwargs: Any
    ) -> Generator:
        """Wire the real parts: shipped catalog, few-shot from the curated pack, gates calibrated on it."""
        catalog = Catalog.load()
        return cls(
            model=model,
            model_name=model_name,
            model_sha256=model_sha256,
            store=store,
            catalog=catalog,
            fewshot=FewShot.from_pack(catalog),
            gates=Gates.build(store, catalog),
            runs=kwargs.pop("runs", None) or RunStore(),
            **kwargs,
        )

    # ------------------------------------------------------------------------------------------- runs
    def start(
        self,
        target: int,
        languages: list[str],
        categories: list[str],
        approve: bool = False,
        max_attempts: int | None = None,
    ) -> RunState:
        if target < 1:
            raise GenerationError("The target must be at least 1 insight.", "Use --target N with N >= 1.")
        self.catalog.plan(languages, categories)  # fail now on bad filters, before a run row exists
        state = RunState.new(
            model=self.model_name,
            model_sha256=self.model_sha256,
            target=target,
            max_attempts=max_attempts or target * BUDGET_FACTOR,
            languages=list(languages),
            categories=list(categories),
            approve=approve,
        )
        self.runs.save(state)
        return state

    def adopt_orphans(self, state: RunState) -> int:
        """Count insights this run stored but did not commit (killed between the two writes)."""
        adopted = 0
        known = set(state.accepted_ids)
        for insight in self.store.iter_all(source=state.source):
            p = insight.provenance
            if p.get("run_id") != state.id or insight.id in known:
                continue
            if int(p.get("attempt", -1)) < state.attempts:
                continue  # not the in-flight attempt: nothing to repair
            state.next_index = int(p.get("catalog_index", state.next_index))
            state.attempts = int(p["attempt"])
            state.record(insight.language, insight.category, dict.fromkeys(GATES, True), insight.id)
            adopted += 1
        return adopted

    def run(
        self,
        state: RunState,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> RunReport:
        """Attempt until target, budget or cancel; every attempt is committed. Returns the report."""
        plan = self.catalog.plan(state.languages, state.categories)
        if self.adopt_orphans(state):
            self.runs.save(state)
        state.status = "running"
        self.runs.save(state)
        started, base_elapsed = time.monotonic(), state.elapsed_s
        last_gate, entry_id = "", ""
        self._emit(on_progress, state, last_gate, entry_id)
        try:
            while state.accepted < state.target and state.attempts < state.max_attempts:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                entry = plan.entry_at(state.next_index)
                verdict = self.attempt(state, entry, cancel)
                last_gate, entry_id = verdict.first_failure, entry.id
                state.elapsed_s = base_elapsed + time.monotonic() - started
                self.runs.save(state)
                self._emit(on_progress, state, last_gate, entry_id)
            state.status = "done" if state.accepted >= state.target else "budget"
        except Cancelled:
            state.status = "cancelled"
        finally:  # an unexpected error leaves the run "running": resumable
            state.elapsed_s = base_elapsed + time.monotonic() - started
            self.runs.save(state)
        return report(state)

    def attempt(self, state: RunState, entry: CatalogEntry, cancel: CancelToken | None = None) -> Verdict:
        """One generation + gates (+ store write when accepted), recorded in ``state`` (not yet committed)."""
        examples = self.fewshot.pick(entry, state.next_index)
        prompt = build_prompt(self.catalog, entry, examples)
        text: str | None
        try:
            value = self.model.complete_json(
                prompt.messages,
                schema=OUTPUT_SCHEMA,
                system=prompt.system,
                max_tokens=self.max_tokens,
                temperature=self.temperature,
                cancel=cancel,
            )
            raw = value.get("text")
            text = " ".join(raw.split()) if isinstance(raw, str) else None
        except (Cancelled, ModelFileError):
            raise
        except ZantaraError:  # JSON cut short by max_tokens: a "format" failure, not a crash
            text = None
        verdict = self.gates.check(text, entry, prompt.echo_sources)
        insight_id = ""
        if verdict.accepted and text:
            insight = Insight(
                text=text,
                language=entry.language,
                category=entry.category,
                concepts=verdict.concepts,
                source=state.source,
                model=state.model,
                status="approved" if state.approve else "pending",
                provenance={
                    "run_id": state.id,
                    "catalog_entry": entry.id,
                    "catalog_index": state.next_index,
                    "attempt": state.attempts,
                    "model_sha256": state.model_sha256,
                    "gates": {r.gate: r.detail for r in verdict.results if r.detail},
                },
            )
            self.store.add([insight])  # upsert by stable id: replaying it is harmless
            insight_id = insight.id
        state.record(entry.language, entry.category, {r.gate: r.passed for r in verdict.results}, insight_id)
        return verdict

    @staticmethod
    def _emit(callback: ProgressCallback | None, state: RunState, last_gate: str, entry_id: str) -> None:
        if callback is not None:
            callback(progress_of(state, last_gate, entry_id))


def progress_of(state: RunState, last_gate: str = "", entry_id: str = "") -> GenerationProgress:
    """Rate = accepted per minute over the whole run; ETA = the sooner of reaching the target at that rate
    and spending the attempt budget at the current seconds per attempt."""
    minutes = state.elapsed_s / 60
    rate = state.accepted / minutes if minutes > 0 else 0.0
    eta: float | None = None
    if state.attempts:
        per_attempt = state.elapsed_s / state.attempts
        eta = max(0, state.max_attempts - state.attempts) * per_attempt
        if rate > 0:
            eta = min(eta, (state.target - state.accepted) / rate * 60)
        eta = max(0.0, eta)
    return GenerationProgress(
        done=min(state.accepted, state.target),
        target=state.target,
        attempts=state.attempts,
        accepted=state.accepted,
        rejected=state.rejected,
        rate_per_min=round(rate, 2),
        eta_s=None if eta is None else round(eta, 1),
        last_gate=last_gate,
        max_attempts=state.max_attempts,
        run_id=state.id,
        entry_id=entry_id,
    )


class RunReport(TypedDict, total=False):
    """The end-of-run report: what ``--json`` prints and the Generate dialog shows (typed for both)."""

    run_id: str
    status: str  # done | cancelled | stopped_* | failed
    stop_reason: str
    model: str
    model_sha256: str
    target: int
    max_attempts: int
    languages: list[str]
    categories: list[str]
    insight_status: str  # approved | pending
    attempts: int
    accepted: int
    rejected: int
    acceptance: float
    elapsed_s: float
    accepted_per_min: float
    accepted_ids: list[str]
    by_gate: dict[str, dict[str, int]]  # gate -> passed / failed / rejected_first
    by_language: dict[str, dict[str, float]]  # name -> attempts / accepted / rate
    by_category: dict[str, dict[str, float]]
    by_model: dict[str, dict[str, float]]


def report(state: RunState) -> RunReport:
    """The end-of-run report (also what ``--json`` prints)."""
    summary = summarise([state])
    minutes = state.elapsed_s / 60
    return {
        "run_id": state.id,
        "status": state.status,
        "stop_reason": STOP_REASONS.get(state.status, state.status),
        "model": state.model,
        "model_sha256": state.model_sha256,
        "target": state.target,
        "max_attempts": state.max_attempts,
        "languages": state.languages,
        "categories": state.categories,
        "insight_status": "approved" if state.approve else "pending",
        "attempts": state.attempts,
        "accepted": state.accepted,
        "rejected": state.rejected,
        "acceptance": summary["acceptance"],
        "elapsed_s": round(state.elapsed_s, 1),
        "accepted_per_min": round(state.accepted / minutes, 2) if minutes > 0 else 0.0,
        "accepted_ids": list(state.accepted_ids),
        "by_gate": summary["by_gate"],
        "by_language": summary["by_language"],
        "by_category": summary["by_category"],
        "by_model": summary["by_model"],
    }


def model_sha256(entry: ModelEntry) -> str:
    """The manifest's sha256 for a bundled model; for a user's GGUF, computed once and cached by file
    signature (hashing gigabytes takes a while)."""
    if entry.sha256:
        return entry.sha256
    from desktop.core.atomic import atomic_write_text
    from desktop.core.models.bundled import sha256_of
    from desktop.core.models.gguf_info import file_signature

    cache_file = paths.cache_dir() / "model-sha256.json"
    key = f"{entry.path.resolve()}|{file_signature(entry.path)}"
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    if key not in cache:
        cache[key] = sha256_of(entry.path)
        atomic_write_text(cache_file, json.dumps(cache, indent=1))
    return str(cache[key])


def run_generation(
    services: Services,
    target: int = 30,
    languages: list[str] | None = None,
    categories: list[str] | None = None,
    model: str = "",
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    *,
    resume: bool = False,
    approve: bool = False,
    max_attempts: int | None = None,
) -> RunReport:
    """The whole feature in one call (CLI and GUI): start or resume a run and return its report.

    ``model`` is a registry name; empty means the insights model (``model_insights``, then ``local_model``,
    then the bundled default). On resume
    the run's own parameters (model, target, languages, categories) are used.
    """
    from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES
    from desktop.core.llm.local import LocalModel

    runs = RunStore()
    state: RunState | None = None
    if resume:
        state = runs.latest_unfinished()
        if state is None:
            raise GenerationError(
                "There is no unfinished generation run to resume.",
                "Start one with `zantara knowledge generate --target N`.",
            )
        model = state.model
    entry = services.registry.resolve(model or services.settings.model_for_role("insights"))
    llm = LocalModel.shared(
        entry.path, n_ctx=services.settings.context_size, n_threads=services.settings.effective_threads()
    )
    generator = Generator.create(services.store, llm, entry.name, model_sha256(entry), runs=runs)
    if state is None:
        state = generator.start(
            target,
            list(languages or LANGUAGES),
            list(categories or CATEGORIES),
            approve=approve,
            max_attempts=max_attempts,
        )
    return generator.run(state, on_progress, cancel)
