"""A Dask worker plugin for the fault tests (its own module: the CLI wrapper must not import dask)."""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from tests.hardening.faults import pin_classifier


class PinClassifier(WorkerPlugin):
    """Pins the test's classifier copy on every worker, restarted ones too."""

    def __init__(self, path: str) -> None:
        self.path = str(path)

    def setup(self, worker) -> None:
        pin_classifier(self.path)
