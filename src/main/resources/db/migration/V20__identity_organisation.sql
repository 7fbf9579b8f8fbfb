-- The commission, its divisions and units, as named in the 2024 task-division table and the glossary.
-- GENERIC entries are the table's collective names ("相关业务处室"): they appear in tasks but hold no accounts.
CREATE TABLE identity_org_unit
(
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('COMMISSION', 'DIVISION', 'UNIT', 'GENERIC')),
  english     TEXT NOT NULL,
  aliases     TEXT[] NOT NULL DEFAULT '{}',
  sort_order  INT NOT NULL
);

INSERT INTO identity_org_unit (code, name, kind, english, aliases, sort_order) VALUES
  ('COMMISSION',            '区卫健委',         'COMMISSION', 'District Health Commission', '{浦东新区卫生健康委员会}', 0),
  ('PLANNING',              '规划发展处',       'DIVISION', 'Planning and Development Division', '{}', 10),
  ('BIOMED',                '生物医药处',       'DIVISION', 'Biomedicine Division', '{}', 11),
  ('MEDADMIN',              '医政处',           'DIVISION', 'Medical Administration Division', '{}', 12),
  ('PUBLIC_HEALTH',         '公卫处',           'DIVISION', 'Public Health Division', '{}', 13),
  ('FAMILY',                '人口家发处',       'DIVISION', 'Population and Family Development Division', '{}', 14),
  ('PRIMARY_CARE',          '基层处',           'DIVISION', 'Primary Care Division', '{}', 15),
  ('TCM',                   '中医科教处',       'DIVISION', 'TCM, Science and Education Division', '{}', 16),
  ('PERSONNEL',             '组织人事处',       'DIVISION', 'Organisation and Personnel Division', '{}', 17),
  ('OFFICE',                '党政办',           'DIVISION', 'Party and Government Office', '{}', 18),
  ('APPROVAL_CENTRE',       '委审批服务中心',   'UNIT', 'Commission Approval Service Centre', '{}', 30),
  ('SUPERVISION_INSTITUTE', '区监督所',         'UNIT', 'District Health Supervision Institute', '{}', 31),
  ('CDC',                   '区疾控中心',       'UNIT', 'District CDC', '{}', 32),
  ('MCH_CENTRE',            '区妇幼保健中心',   'UNIT', 'District Maternal and Child Health Centre', '{}', 33),
  ('SEVENTH_HOSPITAL',      '七院',             'UNIT', 'Seventh People''s Hospital', '{}', 34),
  ('COMMUNITY_HEALTH',      '社区卫生服务中心', 'UNIT', 'Community health service centres', '{各社区卫生服务中心}', 35),
  ('HANDLING_DEPARTMENTS',  '相关事务办理部门', 'GENERIC', 'Departments handling the matter', '{}', 50),
  ('RELATED_DIVISIONS',     '相关业务处室',     'GENERIC', 'Divisions concerned', '{}', 51),
  ('PILOT_DIVISIONS',       '试点条线监管涉及的业务处室', 'GENERIC', 'Divisions supervising the pilot sectors', '{}', 52),
  ('SERVICE_DIVISIONS',     '提供办事服务的相关业务处室', 'GENERIC', 'Divisions providing the services', '{}', 53),
  ('RELATED_HOSPITALS',     '各相关医院',       'GENERIC', 'Hospitals concerned', '{}', 54),
  ('MEDICAL_INSTITUTIONS',  '相关医疗机构',     'GENERIC', 'Medical institutions concerned', '{}', 55),
  ('BIOMED_ENTERPRISES',    '生物医药企业',     'GENERIC', 'Biomedical enterprises', '{}', 56),
  ('CARE_INSTITUTIONS',     '相关医养康养医疗机构', 'GENERIC', 'Medical, elderly-care and rehabilitation institutions concerned', '{}', 57),
  ('OTHER_MEDICAL',         '其他医疗机构',     'GENERIC', 'Other medical institutions', '{}', 58);
