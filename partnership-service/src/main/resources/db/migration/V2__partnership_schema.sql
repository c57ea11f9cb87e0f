-- Contracts, axes and commitments. The period may be unknown for a contract recorded from a publication.
create table contract (
    id uuid primary key,
    reference varchar(80) not null unique,
    title varchar(300) not null,
    legal_basis varchar(200) not null,
    parties jsonb not null,
    signatories jsonb not null,
    framework_references jsonb not null,
    period_start date,
    period_end date,
    status varchar(20) not null,
    status_reason varchar(1000),
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table axis (
    id uuid primary key,
    contract_id uuid not null references contract (id),
    number int not null,
    title varchar(500) not null,
    unique (contract_id, number)
);

create table commitment (
    id uuid primary key,
    contract_id uuid not null references contract (id),
    axis_number int not null,
    owner varchar(10) not null,
    title varchar(300) not null,
    description varchar(4000) not null,
    deliverables jsonb not null,
    due_date date not null,
    zone_ids jsonb not null,
    status varchar(20) not null,
    status_reason varchar(1000),
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index commitment_contract on commitment (contract_id, axis_number);

-- Indicators and their measurements.
create table indicator (
    id uuid primary key,
    contract_id uuid not null references contract (id),
    commitment_id uuid not null references commitment (id),
    name varchar(300) not null,
    unit varchar(50) not null,
    baseline numeric(14, 2) not null,
    target numeric(14, 2) not null,
    direction varchar(20) not null,
    feed varchar(30),
    region_code varchar(3),
    version bigint not null,
    created_at timestamptz not null
);
create index indicator_feed on indicator (feed, region_code);

create table measurement (
    id uuid primary key,
    indicator_id uuid not null references indicator (id),
    measured_on date not null,
    value numeric(14, 2) not null,
    source varchar(10) not null,
    comment varchar(1000),
    recorded_at timestamptz not null
);
create index measurement_indicator on measurement (indicator_id, measured_on);
-- One automatic measurement per indicator and day: later events of the day update it.
create unique index measurement_automatic_day on measurement (indicator_id, measured_on) where source = 'AUTOMATIC';

-- Annual reviews.
create table annual_review (
    id uuid primary key,
    contract_id uuid not null references contract (id),
    year int not null,
    review_date date not null,
    snapshot jsonb not null,
    ssa_signed_by varchar(200),
    ssa_signed_at timestamptz,
    ars_signed_by varchar(200),
    ars_signed_at timestamptz,
    version bigint not null,
    created_at timestamptz not null,
    unique (contract_id, year)
);

create table review_comment (
    id uuid primary key,
    review_id uuid not null references annual_review (id),
    commitment_id uuid not null,
    author varchar(200) not null,
    text varchar(4000) not null,
    created_at timestamptz not null
);
create index review_comment_review on review_comment (review_id, created_at);

-- ORSAN crisis activations.
create table crisis_activation (
    id uuid primary key,
    plan varchar(20) not null,
    departement_codes jsonb not null,
    zone_ids jsonb not null,
    reason varchar(2000) not null,
    requesting_party varchar(10) not null,
    status varchar(20) not null,
    requested_by varchar(200) not null,
    requested_at timestamptz not null,
    activated_by varchar(200),
    activated_at timestamptz,
    stood_down_by varchar(200),
    stood_down_at timestamptz,
    after_action_notes varchar(4000),
    version bigint not null
);
create index crisis_activation_status on crisis_activation (status, requested_at);

-- At most one open (requested or active) activation per plan and département: the primary key
-- makes concurrent requests for the same scope serialise, and the loser sees the winner's row.
create table crisis_scope (
    plan varchar(20) not null,
    departement_code varchar(3) not null,
    activation_id uuid not null references crisis_activation (id),
    primary key (plan, departement_code)
);

create table reinforcement (
    id uuid primary key,
    activation_id uuid not null references crisis_activation (id),
    type varchar(40) not null,
    quantity int not null,
    place varchar(300) not null,
    status varchar(20) not null,
    version bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index reinforcement_activation on reinforcement (activation_id, created_at);

-- Read models fed by other services' events.
create table known_zone (
    zone_id uuid primary key,
    epci_siren varchar(9),
    epci_name varchar(300),
    status varchar(30),
    region_code varchar(3),
    retired boolean not null default false,
    updated_at timestamptz not null
);

create table mission_day (
    mission_id uuid primary key,
    zone_id uuid,
    region_code varchar(3) not null,
    mission_date date not null,
    days numeric(4, 1) not null,
    cancelled boolean not null
);
create index mission_day_region on mission_day (region_code, mission_date);

create table referenced_doctor (
    doctor_id uuid primary key,
    charter_status varchar(30) not null,
    region_codes jsonb not null,
    updated_at timestamptz not null
);
