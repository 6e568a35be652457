"""Encrypted local storage: key file, SQLCipher engine, tables, change log, migrations."""
