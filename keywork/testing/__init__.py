"""The test toolkit every app's tests share, so each helper is written once:

- `dates`: the suite's fixed "now" (`NOW`, `TODAY`) and `days_ago`;
- `factories`: users of a role, people made by the project's synthetic generator, and the records
  tests build around them (an accepted referral, an allocation, an admission);
- `pages`: a logged-in client for the site's pages and the form data of a date input;
- `api`: a client of the JSON API for a user, readers of its answers, and the route table of an
  access test (`Route`, `World`, `route_params`).

The root `conftest.py` turns these into pytest fixtures and fixes the time for every test.
"""
