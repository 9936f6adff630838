"""The Dagster plumbing: resources, partitions, jobs, schedules and sensors, the SQL and check
runners, the asset factories and the metadata every asset returns. It imports the domain
(pipeline/domain/), never the assets."""
