-- Version 4: the workspace's dossier list. The household's name in the case list (shown to the roles
-- that see it) and its words, lower case without accents, for a search by a prefix of a word through
-- an index; indexes for the list's order and for a search by reference. Dossiers recorded before this
-- version get their name and words from one replay of the read models (POST /api/v1/admin/projections/replay).
alter table rm_case_summary add column household_name varchar(200);

create table rm_case_name_word (
    case_id varchar(64) not null,
    word varchar(200) not null,
    primary key (case_id, word)
);

create index ix_case_name_word on rm_case_name_word (word, case_id);
create index ix_case_summary_opened on rm_case_summary (opened_on desc, case_id desc);
create index ix_case_summary_reference on rm_case_summary (reference);

-- A prefix search (LIKE 'mart%') uses a plain index only under the C collation; these serve it under any other.
create index ix_case_name_word_prefix on rm_case_name_word (word text_pattern_ops);
create index ix_case_summary_reference_prefix on rm_case_summary (reference text_pattern_ops);
