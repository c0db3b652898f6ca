"""Saving: one SQLite file per candidate, every turn committed the moment it ends.

  database    the Store: sessions, debriefs, stories (reads return mockint.domain models)
  migrations  the schema, as numbered migrations
  recovery    a damaged file set aside and salvaged, never deleted
"""

from mockint.store.database import DB_NAME, Store
from mockint.store.recovery import Recovery

__all__ = ["DB_NAME", "Recovery", "Store"]
