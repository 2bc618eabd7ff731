"""The conversation: bubbles, the composer, the answer session that streams the router's events, the context panel, feedback."""
