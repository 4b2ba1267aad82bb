# Progress of a long plan on standard error (only on a terminal; --quiet silences it).
plan-progress = { $spinner } solving: { $state } ({ $elapsed })
plan-progress-state = best { $incumbent }, bound { $bound }, gap { $gap }
plan-progress-unknown = unknown
