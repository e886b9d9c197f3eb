"""``python -m termsmith``."""

from termsmith.cli.main import main

main()
