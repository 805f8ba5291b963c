-- GridActors schema, version 3: grain state for Microsoft.Orleans.Persistence.AdoNet (the run
-- checkpoints). A grain's state is one row, found by its hashed id and type and compared on the
-- full key. Version is the ETag: a write names the version it read and succeeds only if that is
-- still the stored one (no row: NULL), so two activations of one grain cannot overwrite each other.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL,
    Version                integer      NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Key ON OrleansStorage
    (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, COALESCE(GrainIdExtensionString, ''));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND COALESCE(GrainIdExtensionString, '''') = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''');'),

('WriteToStorageKey', '
    WITH updated AS (
        UPDATE OrleansStorage SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
        WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL
          AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
          AND COALESCE(GrainIdExtensionString, '''') = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''')
          AND Version = CAST(@GrainStateVersion AS integer)
        RETURNING Version),
    inserted AS (
        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, CAST(@GrainIdExtensionString AS varchar), @ServiceId, @PayloadBinary, now(), 1
        WHERE CAST(@GrainStateVersion AS integer) IS NULL
        ON CONFLICT DO NOTHING
        RETURNING Version)
    SELECT Version AS NewGrainStateVersion FROM updated
    UNION ALL
    SELECT Version FROM inserted;'),

('ClearStorageKey', '
    UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND COALESCE(GrainIdExtensionString, '''') = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''')
      AND Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version AS NewGrainStateVersion;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
