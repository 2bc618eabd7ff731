"""A Zantara strategy plugin, installed as its own package."""
