"""Staff assurance: each worker's professional registration, DBS check, mandatory training and
supervision, and when it lapses. Below the apps that act on it: the allocation board flags a worker
whose registration has lapsed, and the programme's workforce page lists what lapses soon."""
