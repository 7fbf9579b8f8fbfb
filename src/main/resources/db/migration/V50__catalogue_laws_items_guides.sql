-- The service catalogue: the laws it cites, its service items and their versioned guides.
-- A guide's whole content is one jsonb document (the item file's structure); the columns beside it are
-- what lists, filters and the review workflow need.
CREATE TABLE catalogue_law
(
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  issuer     TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('CURRENT', 'AMENDED', 'REPEALED')),
  effective  DATE NOT NULL,
  amended    DATE,
  repealed   DATE,
  note       TEXT,
  CHECK (status <> 'AMENDED' OR amended IS NOT NULL),
  CHECK (status <> 'REPEALED' OR repealed IS NOT NULL)
);

CREATE TABLE catalogue_item
(
  code               TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  type               TEXT NOT NULL CHECK (type IN ('LICENSING', 'FILING', 'PUBLIC_SERVICE')),
  division           TEXT NOT NULL,
  handling_unit      TEXT NOT NULL,
  -- the number of the live version; every item has one from its import on
  published_version  INT NOT NULL,
  needs_review       BOOLEAN NOT NULL DEFAULT FALSE,
  review_reason      TEXT,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX catalogue_item_type_idx ON catalogue_item (type, code);

CREATE TABLE catalogue_guide
(
  item_code      TEXT NOT NULL REFERENCES catalogue_item (code),
  version        INT NOT NULL CHECK (version > 0),
  status         TEXT NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'SUPERSEDED')),
  content        JSONB NOT NULL,
  author         TEXT NOT NULL,
  reviewer       TEXT,
  reject_reason  TEXT,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  submitted_at   TIMESTAMPTZ,
  published_at   TIMESTAMPTZ,
  PRIMARY KEY (item_code, version)
);
-- one live version per item, and at most one version being worked on
CREATE UNIQUE INDEX catalogue_guide_one_published ON catalogue_guide (item_code) WHERE status = 'PUBLISHED';
CREATE UNIQUE INDEX catalogue_guide_one_open ON catalogue_guide (item_code) WHERE status IN ('DRAFT', 'IN_REVIEW');
CREATE INDEX catalogue_guide_in_review ON catalogue_guide (submitted_at) WHERE status = 'IN_REVIEW';

-- Cases record item code + version, so what was published must never change: the database refuses it
-- too, whatever code runs. The only change allowed is PUBLISHED -> SUPERSEDED.
CREATE FUNCTION catalogue_guide_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'SUPERSEDED'
     OR (OLD.status = 'PUBLISHED' AND (NEW.status <> 'SUPERSEDED' OR NEW.content <> OLD.content
         OR NEW.author <> OLD.author OR NEW.reviewer IS DISTINCT FROM OLD.reviewer
         OR NEW.published_at IS DISTINCT FROM OLD.published_at)) THEN
    RAISE EXCEPTION 'published guide %/v% is immutable', OLD.item_code, OLD.version;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER catalogue_guide_immutable BEFORE UPDATE ON catalogue_guide
  FOR EACH ROW EXECUTE FUNCTION catalogue_guide_immutable();
CREATE FUNCTION catalogue_guide_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('PUBLISHED', 'SUPERSEDED') THEN
    RAISE EXCEPTION 'published guide %/v% cannot be deleted', OLD.item_code, OLD.version;
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER catalogue_guide_undeletable BEFORE DELETE ON catalogue_guide
  FOR EACH ROW EXECUTE FUNCTION catalogue_guide_undeletable();

-- Which laws each guide version cites, so that a change of law finds its items with plain SQL.
CREATE TABLE catalogue_guide_law
(
  item_code  TEXT NOT NULL,
  version    INT NOT NULL,
  position   INT NOT NULL,
  law_id     TEXT NOT NULL REFERENCES catalogue_law (id),
  article    TEXT,
  PRIMARY KEY (item_code, version, position),
  FOREIGN KEY (item_code, version) REFERENCES catalogue_guide (item_code, version)
);
CREATE INDEX catalogue_guide_law_law_idx ON catalogue_guide_law (law_id, item_code, version);
