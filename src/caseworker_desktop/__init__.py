"""Caseworker Desktop: offline-first case management for refugee integration management."""

__version__ = "0.1.0"
