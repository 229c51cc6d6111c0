-- Version 1: the schema of the releases before Flyway (made by Hibernate's ddl-auto: update on an empty
-- database): Axon's event store, snapshots, tokens, sagas and dead letters, and the read models (rm_*).
-- A database of those releases is taken as this version as it is (spring.flyway.baseline-on-migrate).
-- Camunda's tables (ACT_*) are Camunda's own (camunda.bpm.database.schema-update).

create sequence association_value_entry_seq start with 1 increment by 50;

create sequence domain_event_entry_seq start with 1 increment by 50;

create table association_value_entry (
    id bigint not null,
    association_key varchar(255) not null,
    association_value varchar(255),
    saga_id varchar(255) not null,
    saga_type varchar(255),
    primary key (id)
);

create table dead_letter_entry (
    enqueued_at timestamp(6) with time zone not null,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    sequence_index bigint not null,
    sequence_number bigint,
    cause_message varchar(1023),
    aggregate_identifier varchar(255),
    cause_type varchar(255),
    dead_letter_id varchar(255) not null,
    event_identifier varchar(255) not null,
    message_type varchar(255) not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    processing_group varchar(255) not null,
    sequence_identifier varchar(255) not null,
    time_stamp varchar(255) not null,
    token_type varchar(255),
    type varchar(255),
    diagnostics blob,
    meta_data blob,
    payload blob not null,
    token blob,
    primary key (dead_letter_id),
    unique (processing_group, sequence_identifier, sequence_index)
);

create table domain_event_entry (
    global_index bigint not null,
    sequence_number bigint not null,
    aggregate_identifier varchar(255) not null,
    event_identifier varchar(255) not null unique,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    type varchar(255),
    meta_data blob,
    payload blob not null,
    primary key (global_index),
    unique (aggregate_identifier, sequence_number)
);

create table rm_case_party (
    case_id varchar(64) not null,
    organisation varchar(128) not null,
    primary key (case_id, organisation)
);

create table rm_case_summary (
    debt numeric(9,2),
    irregularities integer not null,
    last_act_on date,
    opened_on date,
    last_sequence bigint not null,
    territory varchar(8),
    case_id varchar(64) not null,
    last_act_type varchar(64),
    reference varchar(64),
    parc enum ('PRIVATE','PUBLIC'),
    stage enum ('CLOSED','EVICTED','HEARING','JUDGMENT','LEFT','NOTICE_TO_QUIT','PAYMENT_ORDER','POLICE_ASSISTANCE_GRANTED','POLICE_ASSISTANCE_REFUSED','POLICE_ASSISTANCE_REQUESTED','PRE_LITIGATION','SUMMONS'),
    primary key (case_id)
);

create table rm_deadline (
    due_on date,
    starts_on date,
    opened_by_sequence bigint not null,
    territory varchar(8),
    case_id varchar(64) not null,
    reference varchar(64),
    kind enum ('CCAPEX_REFERRAL_BEFORE_SUMMONS','CCAPEX_REPORT','DALO_REHOUSING','EARLIEST_EVICTION','GRACE_PERIOD','NOTICE_TO_QUIT_DELAY','OVER_INDEBTEDNESS_SUSPENSION','PAYMENT_DELAYS','PAYMENT_ORDER_DELAY','POLICE_ASSISTANCE_DECISION','PREFECT_NOTICE_BEFORE_HEARING','PROTOCOL','SIAO_NOTICE','SOCIAL_DIAGNOSIS_BEFORE_HEARING','SOCIAL_DIAGNOSIS_INTERVIEW','SUPPORT_MEASURE','UNPAID_RENT_TO_CAF','WINTER_TRUCE'),
    parc enum ('PRIVATE','PUBLIC'),
    status enum ('CANCELLED','ELAPSED','MET','PENDING'),
    primary key (opened_by_sequence, case_id)
);

create table rm_deadline_case (
    last_sequence bigint not null,
    territory varchar(8),
    case_id varchar(64) not null,
    reference varchar(64),
    parc enum ('PRIVATE','PUBLIC'),
    primary key (case_id)
);

create table rm_indicator_case (
    debt numeric(9,2),
    territory varchar(8),
    case_id varchar(64) not null,
    parc enum ('PRIVATE','PUBLIC'),
    primary key (case_id)
);

create table rm_indicator_fact (
    amount numeric(9,2),
    fact_year integer not null,
    flag boolean,
    occurred_on date,
    sequence bigint not null,
    territory varchar(8),
    case_id varchar(64) not null,
    code varchar(64),
    type varchar(64) not null,
    parc enum ('PRIVATE','PUBLIC'),
    primary key (sequence, case_id)
);

create table rm_indicator_year (
    act_year integer not null,
    acts bigint not null,
    primary key (act_year)
);

create table saga_entry (
    revision varchar(255),
    saga_id varchar(255) not null,
    saga_type varchar(255),
    serialized_saga blob,
    primary key (saga_id)
);

create table snapshot_event_entry (
    sequence_number bigint not null,
    aggregate_identifier varchar(255) not null,
    event_identifier varchar(255) not null unique,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    type varchar(255) not null,
    meta_data blob,
    payload blob not null,
    primary key (sequence_number, aggregate_identifier, type)
);

create table token_entry (
    segment integer not null,
    owner varchar(255),
    processor_name varchar(255) not null,
    timestamp varchar(255) not null,
    token_type varchar(255),
    token blob,
    primary key (segment, processor_name)
);

create index IDXk45eqnxkgd8hpdn6xixn8sgft 
   on association_value_entry (saga_type, association_key, association_value);

create index IDXgv5k1v2mh6frxuy5c0hgbau94 
   on association_value_entry (saga_id, saga_type);

create index IDXe67wcx5fiq9hl4y4qkhlcj9cg 
   on dead_letter_entry (processing_group);

create index IDXrwucpgs6sn93ldgoeh2q9k6bn 
   on dead_letter_entry (processing_group, sequence_identifier);

create index ix_case_party_org 
   on rm_case_party (organisation);

create index ix_case_summary_territory 
   on rm_case_summary (territory);

create index ix_case_summary_stage 
   on rm_case_summary (stage);

create index ix_deadline_due 
   on rm_deadline (status, due_on, territory);

create index ix_deadline_case 
   on rm_deadline (case_id, kind);

create index ix_fact_year 
   on rm_indicator_fact (fact_year, territory, parc);

create index ix_fact_case 
   on rm_indicator_fact (case_id);
