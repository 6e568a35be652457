"""The domain core: plain dataclasses, enums, rules. No Qt, no ORM."""
