-- The four DORA keys per service and environment over the whole benchmark file (window: the 3650 days ending at
-- the last deployment), as `devops dora --window 3650d --at latest` computes them (docs/dora.md). Run with
-- `sqlite3 -readonly DB < dora-sqlite.sql` on the database built by dora-vs-sqlite.sh.
.mode list
.headers off
CREATE TEMP VIEW w AS
  SELECT MAX(finished_epoch_s) AS t, MAX(finished_epoch_s) - 3650 * 86400 AS f FROM deployments;
CREATE TEMP VIEW d AS
  SELECT service, environment, result, finished_epoch_s AS fin, commit_epoch_s AS com
  FROM deployments, w WHERE finished_epoch_s > w.f AND finished_epoch_s <= w.t;

-- 1. deployment frequency: successful deployments per day
SELECT service, environment, SUM(result = 'SUCCESS') / 3650.0 FROM d GROUP BY service, environment;

-- 2. lead time for changes: median of finish - commit over successful deployments
WITH l AS (
  SELECT service, environment, fin - com AS lead,
         ROW_NUMBER() OVER (PARTITION BY service, environment ORDER BY fin - com) AS rn,
         COUNT(*) OVER (PARTITION BY service, environment) AS n
  FROM d WHERE result = 'SUCCESS' AND fin > com)
SELECT service, environment, CAST(AVG(lead) AS INTEGER) FROM l
WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY service, environment;

-- 3. change failure rate: failed deployments / deployments
SELECT service, environment, AVG(result = 'FAILURE') FROM d GROUP BY service, environment;

-- 4. failed deployment recovery time: median of (first success after a failed period - start of that period).
-- Rows between the g-th and the (g+1)-th success of a series form period g: its failures, then the success that
-- ends it.
WITH s AS (
  SELECT service, environment, result, fin,
         SUM(result = 'SUCCESS') OVER (PARTITION BY service, environment ORDER BY fin
                                       ROWS UNBOUNDED PRECEDING) AS successes
  FROM d),
periods AS (
  SELECT service, environment,
         MIN(CASE WHEN result = 'FAILURE' THEN fin END) AS began,
         MIN(CASE WHEN result = 'SUCCESS' THEN fin END) AS restored
  FROM s GROUP BY service, environment, successes - (result = 'SUCCESS')),
r AS (
  SELECT service, environment, restored - began AS restore,
         ROW_NUMBER() OVER (PARTITION BY service, environment ORDER BY restored - began) AS rn,
         COUNT(*) OVER (PARTITION BY service, environment) AS n
  FROM periods WHERE began IS NOT NULL AND restored IS NOT NULL)
SELECT service, environment, CAST(AVG(restore) AS INTEGER) FROM r
WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY service, environment;
