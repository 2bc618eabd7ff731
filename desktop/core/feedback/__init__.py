"""The team's verdict and the bill: ratings and blind comparisons of answers, the strategy that wins
per language and profile (and an opt-in bandit that makes it the default), Claude's token usage and its cost.

Nothing here imports Qt; the CLI and the GUI share it.
"""
