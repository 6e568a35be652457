"""Errors the user can act on. Messages are German: they are shown as they are."""


class CaseworkerError(Exception):
    """Base of all errors that mean "the user (or the input) is wrong", not a bug."""

    exit_code = 2


class ValidationError(CaseworkerError):
    """One or more fields are invalid; `problems` maps field name -> German message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.problems.items()))


class TransitionError(CaseworkerError):
    """A status change that the workflow does not allow."""


class NotFoundError(CaseworkerError):
    """The record does not exist (or has been deleted)."""


class PermissionDeniedError(CaseworkerError):
    """The current user may not do this."""
