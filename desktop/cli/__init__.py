"""The `zantara` command. Each module registers one group of subcommands; all of them call desktop.core."""
