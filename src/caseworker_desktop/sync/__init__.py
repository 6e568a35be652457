"""Sync: hybrid logical clock now; protocol, merge and client come with the sync issue."""
