-- The files a guide version offers for download: per material (by its name in that version's content) a blank
-- form (空白表格) and a sample (示范文本). The bytes are in the file store, named by their SHA-256; a row is the
-- version's claim to them. A new draft starts with a copy of the rows of the version it is copied from.
CREATE TABLE catalogue_guide_file
(
  item_code    TEXT NOT NULL,
  version      INT NOT NULL,
  material     TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('BLANK_FORM', 'SAMPLE')),
  filename     TEXT NOT NULL,
  media_type   TEXT NOT NULL,
  size         BIGINT NOT NULL CHECK (size > 0),
  sha256       TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by  TEXT NOT NULL,
  uploaded_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (item_code, version, material, kind),
  FOREIGN KEY (item_code, version) REFERENCES catalogue_guide (item_code, version)
);

-- What a published version offered stays as it was, whatever code runs: files change only on a draft. The one
-- addition allowed to a version no longer a draft is the system's (the demo forms generated from the guide, kept
-- with the seeded version on first use); it adds a file where there was none and changes nothing.
CREATE FUNCTION catalogue_guide_file_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  guide_status TEXT;
  row_item TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.item_code ELSE NEW.item_code END;
  row_version INT := CASE WHEN TG_OP = 'DELETE' THEN OLD.version ELSE NEW.version END;
BEGIN
  SELECT status INTO guide_status FROM catalogue_guide WHERE item_code = row_item AND version = row_version;
  IF guide_status <> 'DRAFT' AND NOT (TG_OP = 'INSERT' AND NEW.uploaded_by = 'system') THEN
    RAISE EXCEPTION 'files of guide %/v% (%) cannot change', row_item, row_version, guide_status;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER catalogue_guide_file_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_guide_file
  FOR EACH ROW EXECUTE FUNCTION catalogue_guide_file_immutable();
