"""Answering a message: routing Claude vs offline, the hybrid strategies, the fact guard, conversations."""
