"""Real stand-ins shared by tests and benchmarks (a Messages API server, an in-memory keyring backend)."""
