"""Team sync: every laptop keeps its own store; a team server is a peer they replicate through.

``journal`` records local changes (the outbox) and what each record's latest known version is; ``hlc`` gives
revisions that order edits across laptops whose clocks disagree; ``kinds`` knows how each kind of record
(insights, earlier answers, shared ratings) is read and written locally; ``remote`` talks to the team server;
``engine`` runs one sync (pull, then push).
"""
