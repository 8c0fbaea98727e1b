"""Run fitscore as ``python -m fitscore``."""

from fitscore.cli import main

if __name__ == "__main__":
    main()
