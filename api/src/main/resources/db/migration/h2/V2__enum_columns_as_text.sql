-- Version 2: the read models' enum columns (stage, parc, deadline kind and status) become plain text
-- without a list of allowed values. Version 1 fixed those lists in the schema (an H2 ENUM type, a
-- PostgreSQL CHECK), so that a new stage or deadline kind in the code could not be stored in a
-- database made before it; the values are checked where they enter (the engine's enums) and the
-- read models can be rebuilt from the log at any time.
ALTER TABLE rm_case_summary ALTER COLUMN parc SET DATA TYPE VARCHAR(16);
ALTER TABLE rm_case_summary ALTER COLUMN stage SET DATA TYPE VARCHAR(40);
ALTER TABLE rm_deadline ALTER COLUMN parc SET DATA TYPE VARCHAR(16);
ALTER TABLE rm_deadline ALTER COLUMN status SET DATA TYPE VARCHAR(16);
ALTER TABLE rm_deadline ALTER COLUMN kind SET DATA TYPE VARCHAR(48);
ALTER TABLE rm_deadline_case ALTER COLUMN parc SET DATA TYPE VARCHAR(16);
ALTER TABLE rm_indicator_case ALTER COLUMN parc SET DATA TYPE VARCHAR(16);
ALTER TABLE rm_indicator_fact ALTER COLUMN parc SET DATA TYPE VARCHAR(16);
