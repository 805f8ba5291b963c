-- GridActors schema, version 1: the table the Orleans ADO.NET providers read their SQL from.
-- Orleans ships no SQL for its providers; it looks up each statement by key in OrleansQuery and
-- binds the parameters it names (@DeploymentId, @GrainIdHash, ...). The statements themselves
-- are in the files that follow. Applied by `gridactors db init`; every statement here is safe to
-- run again.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);
