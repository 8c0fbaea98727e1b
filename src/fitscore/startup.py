"""What the console script does before any command is built, to start fast.

Two costs are paid by every run and buy nothing for fitscore:

- **pydantic's plugin discovery.** Building the first model imports
  ``pydantic.plugin._loader``, which imports ``importlib.metadata`` (and with it ``email``,
  ``zipfile``, ``csv``...) only to scan installed packages for plugins. fitscore uses none, so
  when plugins are disabled (``PYDANTIC_DISABLE_PLUGINS``, which the console script sets unless
  the user set it) the loader is replaced by one that finds none, as pydantic's own would.
- **the cyclic garbage collector while modules load.** Importing creates a few hundred thousand
  long-lived objects and no garbage; every collection during that time walks them for nothing.
  The collector is paused until the command's own work begins (:func:`begin_work`), then the
  objects made so far are frozen out of later collections, so long runs collect as usual.

Nothing here can lose output: no stream or file is touched, and ``begin_work`` is idempotent.
"""

from __future__ import annotations

import gc
import os
import sys
import types
from collections.abc import Iterable

PLUGIN_LOADER = "pydantic.plugin._loader"
DISABLED = ("__all__", "1", "true")  # the values pydantic itself reads as "no plugins"


def no_plugins() -> Iterable[object]:
    """What pydantic's loader returns when plugins are disabled."""
    return ()


def skip_plugin_discovery() -> bool:
    """Stand in for pydantic's plugin loader when plugins are off; True if it did."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in DISABLED or PLUGIN_LOADER in sys.modules:
        return False
    loader = types.ModuleType(PLUGIN_LOADER, "fitscore: pydantic plugins are disabled")
    loader.get_plugins = no_plugins  # type: ignore[attr-defined]
    sys.modules[PLUGIN_LOADER] = loader
    return True


def pause_collector() -> None:
    gc.disable()


def begin_work() -> None:
    """Start-up is over: keep what it built out of later collections, collect as usual."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
