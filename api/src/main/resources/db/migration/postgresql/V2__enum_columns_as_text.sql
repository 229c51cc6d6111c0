-- Version 2: the read models' enum columns (stage, parc, deadline kind and status) become plain text
-- without a list of allowed values. Version 1 fixed those lists in the schema (an H2 ENUM type, a
-- PostgreSQL CHECK), so that a new stage or deadline kind in the code could not be stored in a
-- database made before it; the values are checked where they enter (the engine's enums) and the
-- read models can be rebuilt from the log at any time.
ALTER TABLE rm_case_summary DROP CONSTRAINT IF EXISTS rm_case_summary_parc_check;
ALTER TABLE rm_case_summary DROP CONSTRAINT IF EXISTS rm_case_summary_stage_check;
ALTER TABLE rm_deadline DROP CONSTRAINT IF EXISTS rm_deadline_parc_check;
ALTER TABLE rm_deadline DROP CONSTRAINT IF EXISTS rm_deadline_status_check;
ALTER TABLE rm_deadline DROP CONSTRAINT IF EXISTS rm_deadline_kind_check;
ALTER TABLE rm_deadline_case DROP CONSTRAINT IF EXISTS rm_deadline_case_parc_check;
ALTER TABLE rm_indicator_case DROP CONSTRAINT IF EXISTS rm_indicator_case_parc_check;
ALTER TABLE rm_indicator_fact DROP CONSTRAINT IF EXISTS rm_indicator_fact_parc_check;
