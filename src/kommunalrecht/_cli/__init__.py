"""Subcommands of the ``kommunalrecht`` CLI: one module each, with ``register(subparsers)``."""
