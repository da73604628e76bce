"""A national-scale synthetic data set (`manage.py seed_national`): many areas, each a fictitious
keyworker service with its staff, people, rating histories, admissions, keywork and C(E)TRs.
Nobody in it is real. Used to measure Keywork at the size of England's registers."""

from keywork.national.build import Sizes, build_national

__all__ = ["Sizes", "build_national"]
