"""(placeholder, filled in by its issue)"""

import click


def register(cli: click.Group) -> None:
    pass
