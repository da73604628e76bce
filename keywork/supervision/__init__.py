"""Supervision: each worker's supervision sessions (date, supervisor, clinical, managerial or
reflective, notes, when the next is due). Its own app rather than a kind of staff assurance: a
session is a record with a supervisor and private notes, not a check that lapses, and the single
date staff assurance once held for it moved here (migration 0001). The lapsing list and the
allocation board read when each worker's next supervision is due from here (rules.py)."""
