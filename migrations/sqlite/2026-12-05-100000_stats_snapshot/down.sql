DROP TABLE stats_snapshot;
