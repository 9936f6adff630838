"""Statistics: uncertainty intervals, trends, rank intervals, the composite index, disclosure
control, policy effects."""
