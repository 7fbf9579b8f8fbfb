-- 1,000,000 cases for bench/worklist.sh. ~10,000 applicant accounts (bench-0000 … bench-9999, ~100 cases
-- each over three years); the demo citizen gets 150. Most cases are finished (no open step); 3,000 are
-- open: 1,500 at the clerk's acceptance step (30 claimed by the demo clerk, 300 by other clerks), 1,000 at
-- the approver, 500 at the inspector, due dates over the next 30 days (a few overdue), SUBMITTED cases
-- waiting for acceptance. Timeline rows are not generated: neither query reads them.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
INSERT INTO cases_case (id, item_code, item_name, situation_code, situation_name, guide_version,
  applicant_kind, applicant_id_number, applicant_name, owner, channel, form, status, created_at, submitted_at,
  process_key, division, step, step_role, assignee, four_eyes, promised_days, statutory_days,
  received_on, acceptance_due, due_on, decision, decided_at, completed_at)
SELECT gen_random_uuid(),
       'PD-WJW-XK-' || lpad((1 + i % 30)::text, 3, '0'), '生成的事项 ' || (1 + i % 30), 'NEW', '新办', 1,
       'PERSON', '310115198503151230', '申请人' || (i % 10000),
       CASE WHEN i <= 150 THEN 'citizen' ELSE 'bench-' || lpad((i % 10000)::text, 4, '0') END,
       CASE WHEN i % 5 = 0 THEN 'WINDOW' ELSE 'ONLINE' END,
       '{"phone": "13800000000", "note": "生成的办件"}'::jsonb,
       CASE WHEN open THEN (CASE WHEN role = 'CLERK' THEN 'SUBMITTED' ELSE 'UNDER_REVIEW' END)
            WHEN i % 50 = 0 THEN 'DENIED' WHEN i % 97 = 0 THEN 'WITHDRAWN' ELSE 'GRANTED' END,
       created, created,
       'case-standard', 'APPROVAL_CENTRE',
       CASE WHEN open THEN CASE role WHEN 'CLERK' THEN 'accept' WHEN 'APPROVER' THEN 'decide' ELSE 'inspect' END END,
       CASE WHEN open THEN role END,
       CASE WHEN open AND role = 'CLERK' AND i % 50 = 1 THEN 'clerk'
            WHEN open AND role = 'CLERK' AND i % 5 = 2 THEN 'clerk-' || (i % 7) END,
       true, 20, 20, created::date, created::date + 7,
       CASE WHEN open THEN current_date + ((i::bigint * 7919) % 33)::int - 3 END,
       CASE WHEN NOT open AND i % 50 <> 0 AND i % 97 <> 0 THEN 'GRANTED' WHEN NOT open AND i % 50 = 0 THEN 'DENIED' END,
       CASE WHEN NOT open THEN created + interval '10 days' END,
       CASE WHEN NOT open THEN created + interval '12 days' END
FROM (
  SELECT i,
         -- the 3,000 open cases are the newest ones (the last 3,000 numbers), the rest finished
         i > 997000 AS open,
         CASE WHEN i > 998500 THEN 'CLERK' WHEN i > 997500 THEN 'APPROVER' ELSE 'INSPECTOR' END AS role,
         now() - ((1000000 - i) * interval '94 seconds') AS created
  FROM generate_series(1, 1000000) AS i
) g;
ANALYZE cases_case;
