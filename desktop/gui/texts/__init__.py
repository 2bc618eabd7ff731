"""Texts in the user's language for what the core says in English codes and templates (trace notes, failures, keys)."""
