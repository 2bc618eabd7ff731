"""`python -m desktop` is the same as the `zantara` command."""

from desktop.cli.main import main

if __name__ == "__main__":
    main()
