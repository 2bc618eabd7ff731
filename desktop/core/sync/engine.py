"""One sync with the team server: pull what colleagues pushed, then push this laptop's outbox.

Pull: every pushing device numbers what it uploads (its push sequence) and publishes the highest number it
finished in the ``zsync_devices`` collection; a laptop keeps one cursor per device and reads the range
above it in windows, so a sync reads only what changed, whatever the size of the store. A pulled version is
applied when it beats the local one (:meth:`Version.beats`: higher hybrid-clock revision, then device id);
when this laptop has an unpushed change to the same record, that is a conflict, and the losing version goes
to the record's history. Applying is idempotent: a window read twice after a crash changes nothing more.

Push: the outbox in batches; each record's rows are upserted by key (so a retried batch is no duplicate),
then the device's high mark moves, then the outbox rows go.

A new or wiped server (its ``__epoch__`` id changed) gets everything this laptop knows pushed again and the
cursors restart, so the team re-seeds it without loss or duplicates.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from desktop.core.sync import hlc
from desktop.core.sync.journal import Journal, Version, now_iso
from desktop.core.sync.kinds import Kind, Record, Row
from desktop.core.sync.remote import DEVICES, EPOCH_ID, PREFIX

WINDOW = 1000  # push sequence numbers read per request and device (up to 3000 local rows)
PUSH_BATCH = 500  # outbox entries per upload
ROWS_PER_REQUEST = 600
PAYLOAD = "zs_payload"
ONE = np.ones(1, dtype=np.float32)
LOCAL_MARKS = ("origin_device", "origin_name", "origin_at")

Progress = Callable[[str, int, int], None]


@dataclass
class Summary:
    pulled: int = 0
    pushed: int = 0
    conflicts: int = 0
    skipped: int = 0  # curated-pack records nobody changed: not uploaded
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    reseeded: bool = False
    legacy_imported: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def iso_of(revision: int) -> str:
    return datetime.fromtimestamp(hlc.to_millis(revision) / 1000, UTC).isoformat(timespec="seconds")


class Engine:
    def __init__(
        self,
        kinds: dict[str, Kind],
        journal: Journal,
        client: Any,
        embedder: Any,
        user: str = "",
        progress: Progress | None = None,
    ) -> None:
        self.kinds = kinds
        self.journal = journal
        self.client = client
        self.embedder = embedder
        self.user = user
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.me = journal.device
        self.summary = Summary()
        self.remote: dict[str, Any] = {}

    # ------------------------------------------------------------------ set-up
    def _collection(self, name: str, embedder_name: str, dim: int) -> Any:
        return self.client.get_or_create_collection(
            name,
            metadata={"embedder": embedder_name, "dim": dim},
            configuration={"hnsw": {"space": "cosine"}},
            embedding_function=None,
        )

    def _open_remote(self) -> Any:
        for name in self.kinds:
            self.remote[name] = self._collection(PREFIX + name, "none", 1)
        return self._collection(DEVICES, "none", 1)

    def _epoch(self, devices: Any) -> None:
        """Re-seed a server this laptop has not synced with (new, or wiped since)."""
        got = devices.get(ids=[EPOCH_ID], include=["metadatas"])
        if not got["ids"]:
            devices.add(ids=[EPOCH_ID], metadatas=[{"epoch": uuid.uuid4().hex}], embeddings=[[1.0]])
            got = devices.get(ids=[EPOCH_ID], include=["metadatas"])
        epoch = str(got["metadatas"][0]["epoch"])
        known = self.journal.get_meta("epoch")
        if known == epoch:
            return
        if not known:
            self._note_unsynced_local_records()
        self.journal.requeue_all()
        self.journal.reset_cursors()
        self.journal.set_meta(epoch=epoch)
        self.summary.reseeded = bool(known)

    def _note_unsynced_local_records(self) -> None:
        """Work done before this laptop joined a team: noted now, so the first push sends it."""
        for name, kind in self.kinds.items():
            keys = kind.seed_keys()
            known = self.journal.versions(name, keys)
            fresh = [k for k in keys if k not in known]
            for start in range(0, len(fresh), 1000):
                chunk = fresh[start : start + 1000]
                records = kind.read(chunk)
                shared = [k for k in chunk if records[k].deleted or kind.shareable(records[k])]
                self.journal.note(name, shared, self.user)

    # ------------------------------------------------------------------ run
    def run(self) -> Summary:
        started = time.monotonic()
        devices = self._open_remote()
        self._epoch(devices)
        from desktop.core.sync.legacy import import_legacy

        self.summary.legacy_imported = import_legacy(self)
        self._pull(devices)
        self._push(devices)
        self.journal.set_meta(last_success=now_iso(), last_error="")
        self.summary.seconds = round(time.monotonic() - started, 3)
        return self.summary

    # ------------------------------------------------------------------ pull
    def _pull(self, devices: Any) -> None:
        got = devices.get(include=["metadatas"])
        todo: list[tuple[str, int, int]] = []
        for device, meta in zip(got["ids"], got["metadatas"], strict=True):
            if device in (EPOCH_ID, self.me):
                continue
            high, cursor = int(meta.get("high", 0)), self.journal.cursor(device)
            if high > cursor:
                todo.append((device, cursor, high))
        total = sum(high - cursor for _d, cursor, high in todo)
        done = 0
        for device, cursor, high in todo:
            while cursor < high:
                end = min(cursor + WINDOW, high)
                where = {
                    "$and": [{"zs_pusher": device}, {"zs_pseq": {"$gt": cursor}}, {"zs_pseq": {"$lte": end}}]
                }
                for name in self.kinds:
                    self._apply(name, self._read_remote(name, where))
                self.journal.set_cursor(device, end)
                done += end - cursor
                cursor = end
                self.progress("pull", done, total)

    def _read_remote(self, name: str, where: dict[str, Any]) -> list[tuple[Record, Version]]:
        got = self.remote[name].get(where=where, include=["metadatas"])
        vectors_fit = self.kinds[name].vectors
        out = []
        for meta in got["metadatas"]:
            meta = dict(meta or {})
            version = Version(int(meta["zs_rev"]), str(meta["zs_origin"]), str(meta.get("zs_oname", "")))
            same = vectors_fit and meta.get("zs_vec") == self.embedder.name
            out.append(
                (
                    unpack(
                        str(meta["zs_key"]), bool(meta.get("zs_deleted")), str(meta.get(PAYLOAD, "")), same
                    ),
                    version,
                )
            )
        return out

    def _apply(self, name: str, remote: Sequence[tuple[Record, Version]]) -> None:
        """Apply pulled versions that beat the local ones; conflicts keep the loser in the history."""
        if not remote:
            return
        kind = self.kinds[name]
        keys = [r.key for r, _v in remote]
        local = self.journal.versions(name, keys)
        pending = self.journal.pending_keys(name, keys)
        older = [k for k in keys if k in local]
        current = kind.read(older) if older else {}
        write: list[Record] = []
        versions: dict[str, Version] = {}
        stale: list[str] = []
        for record, version in remote:
            mine = local.get(record.key)
            if mine is not None and not version.beats(mine):
                if (mine.rev, mine.origin) == (version.rev, version.origin):
                    continue
                if record.key in pending:  # a conflict this laptop's pending change wins
                    self.summary.conflicts += 1
                    self._keep(name, record, version, "conflict", current.get(record.key))
                else:
                    stale.append(record.key)  # the server holds an older version: push ours again
                continue
            if mine is not None and record.key in current:
                reason = "conflict" if record.key in pending else "replaced"
                self.summary.conflicts += reason == "conflict"
                self._keep(name, current[record.key], mine, reason, record)
            kind.mark_origin(record, version.origin, version.origin_name, iso_of(version.rev))
            write.append(record)
            versions[record.key] = version
        if write:
            kind.write(write)
            self.journal.set_versions(name, versions)
            self.journal.drop(name, [k for k in versions if k in pending])
            self.journal.observe(max(v.rev for v in versions.values()))
            self.summary.pulled += len(write)
        if stale:
            self.journal.requeue(name, stale)

    def _keep(self, name: str, loser: Record, version: Version, reason: str, other: Record | None) -> None:
        if other is not None and other.content() == loser.content():
            return
        self.journal.keep(name, loser.key, version, loser.content(), reason)

    # ------------------------------------------------------------------ push
    def _push(self, devices: Any) -> None:
        total = self.journal.pending_count()
        done = 0
        while True:
            batch = self.journal.pending(PUSH_BATCH)
            if not batch:
                return
            self._push_batch(batch, devices)
            done += len(batch)
            self.progress("push", min(done, total), total)

    def _push_batch(self, batch: list[tuple[str, str, int]], devices: Any) -> None:
        by_kind: dict[str, list[str]] = {}
        for name, key, _rev in batch:
            by_kind.setdefault(name, []).append(key)
        uploads: dict[str, list[tuple[Record, Version]]] = {}
        skipped: list[tuple[str, str, int]] = []
        for name, keys in by_kind.items():
            kind = self.kinds.get(name)
            if kind is None:
                continue
            records, versions = kind.read(keys), self.journal.versions(name, keys)
            for key in keys:
                if key not in versions or not (records[key].deleted or kind.shareable(records[key])):
                    skipped += [(n, k, r) for n, k, r in batch if n == name and k == key]
                    continue
                uploads.setdefault(name, []).append((records[key], versions[key]))
        count = sum(len(v) for v in uploads.values())
        if count:
            seq = self.journal.next_push_numbers(count)
            for name, items in uploads.items():
                rows = []
                for record, version in items:
                    rows += self._server_rows(name, record, version, seq)
                    seq += 1
                for start in range(0, len(rows), ROWS_PER_REQUEST):
                    chunk = rows[start : start + ROWS_PER_REQUEST]
                    self.remote[name].upsert(
                        ids=[r.id for r in chunk],
                        documents=[r.document for r in chunk],
                        metadatas=[r.metadata for r in chunk],
                        embeddings=np.asarray([r.vector for r in chunk], dtype=np.float32),
                    )
            meta = {"name": self.user, "high": seq - 1, "embedder": self.embedder.name, "at": now_iso()}
            devices.upsert(ids=[self.me], metadatas=[meta], embeddings=[[1.0]])
        self.journal.done(batch)
        self.summary.pushed += count
        self.summary.skipped += len(skipped)

    def _server_rows(self, name: str, record: Record, version: Version, seq: int) -> list[Row]:
        """One server row per record: the sync marks to filter on, the record itself packed in a metadata
        string (rows and vectors); the server never searches, so its vector is a constant."""
        ship = self.kinds[name].vectors
        marks = {
            "zs_key": record.key,
            "zs_rev": version.rev,
            "zs_origin": version.origin,
            "zs_oname": version.origin_name or (self.user if version.origin == self.me else ""),
            "zs_pusher": self.me,
            "zs_pseq": seq,
            "zs_deleted": record.deleted,
            "zs_vec": self.embedder.name if ship else "",
            PAYLOAD: "" if record.deleted else pack(record, ship),
        }
        return [Row(record.key, "", marks, ONE)]


def pack(record: Record, vectors: bool) -> str:
    """A record's rows as JSON, their vectors as base64 float32 (without this laptop's origin marks)."""
    rows = [
        {
            "id": r.id,
            "document": r.document,
            "metadata": {k: v for k, v in r.metadata.items() if k not in LOCAL_MARKS},
        }
        for r in record.rows
    ]
    data: dict[str, Any] = {"rows": rows}
    if vectors and all(r.vector is not None for r in record.rows):
        stacked = np.asarray([r.vector for r in record.rows], dtype=np.float32)
        data["dim"] = int(stacked.shape[1])
        data["vectors"] = base64.b64encode(stacked.tobytes()).decode("ascii")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def unpack(key: str, deleted: bool, payload: str, use_vectors: bool) -> Record:
    """The record from :func:`pack`; vectors only when they come from the same embedder (else embedded here)."""
    if deleted or not payload:
        return Record(key, deleted=True)
    data = json.loads(payload)
    vectors: np.ndarray | None = None
    if use_vectors and data.get("vectors"):
        flat = np.frombuffer(base64.b64decode(data["vectors"]), dtype=np.float32)
        vectors = flat.reshape(len(data["rows"]), int(data["dim"]))
    rows = [
        Row(
            str(r["id"]),
            str(r["document"]),
            dict(r["metadata"]),
            None if vectors is None else vectors[n].copy(),
        )
        for n, r in enumerate(data["rows"])
    ]
    return Record(key, rows)
