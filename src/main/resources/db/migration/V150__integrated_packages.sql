-- 一业一证 industry packages: one row per package, one per version (the yml files are version 1).
CREATE TABLE integrated_package (
    code              TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    division          TEXT NOT NULL,
    published_version INTEGER NOT NULL
);

CREATE TABLE integrated_package_version (
    code          TEXT NOT NULL REFERENCES integrated_package (code),
    version       INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'SUPERSEDED')),
    content       JSONB NOT NULL,
    author        TEXT NOT NULL,
    reviewer      TEXT,
    reject_reason TEXT,
    updated_at    TIMESTAMPTZ NOT NULL,
    published_at  TIMESTAMPTZ,
    PRIMARY KEY (code, version)
);

-- At most one version of a package in the works.
CREATE UNIQUE INDEX integrated_package_one_open ON integrated_package_version (code)
    WHERE status IN ('DRAFT', 'IN_REVIEW');
