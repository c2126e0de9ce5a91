"""``python -m generator`` runs the ``journeymap`` command."""

from generator.cli import main

main()
