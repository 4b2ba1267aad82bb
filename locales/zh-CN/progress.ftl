# Progress of a long plan on standard error (only on a terminal; --quiet silences it).
plan-progress = { $spinner } 求解中：{ $state }（已用 { $elapsed }）
plan-progress-state = 当前最好 { $incumbent }，下界 { $bound }，差距 { $gap }
plan-progress-unknown = 未知
