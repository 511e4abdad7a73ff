"""Temporary stand-in until reconciliation lands (delete then)."""

from __future__ import annotations


class Report:
    pass


class Reconciler:
    def __init__(self, settings=None) -> None:
        self.settings = settings

    def run(self, items) -> Report:
        raise NotImplementedError("reconciliation has not landed yet")


def reconcile(items, *, settings=None) -> Report:
    raise NotImplementedError("reconciliation has not landed yet")
