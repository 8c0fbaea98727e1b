"""Run fitscore as ``python -m fitscore``."""

from fitscore.entry import main

if __name__ == "__main__":
    main()
