-- The warehouse's schemas, one per layer (assets/<layer>/, sql/<layer>/), and the quality
-- schema of check results and quarantined values. Run on every connection, before anything else.
create schema if not exists reference;
create schema if not exists raw;
create schema if not exists staging;
create schema if not exists indicators;
create schema if not exists quality;
