"""``python -m koreawatch``."""

from koreawatch.cli import main

main()
