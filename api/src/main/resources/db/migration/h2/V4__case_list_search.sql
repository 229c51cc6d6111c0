-- Version 4: the workspace's dossier list: indexes for the list's order and for a search by the start of
-- a reference. (The read models hold no personal data: the names a page shows are read from the log.)
create index ix_case_summary_opened on rm_case_summary (opened_on desc, case_id desc);
create index ix_case_summary_reference on rm_case_summary (reference);
