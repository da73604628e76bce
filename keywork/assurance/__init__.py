"""Staff assurance: each worker's professional registration, DBS check and mandatory training, and
when it lapses (supervision, session by session, has its own app: keywork/supervision). Below the
apps that act on it: the allocation board flags a worker whose registration has lapsed, and the
programme's workforce page lists what lapses soon."""
