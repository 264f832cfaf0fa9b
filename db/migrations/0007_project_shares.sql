-- Which projects are shared with which organizations (donors see exactly these).

create table project_shares (
  project_id       bigint not null references projects (id) on delete cascade,
  organization_id  integer not null references organizations (id) on delete cascade,
  shared_by        integer references users (id) on delete set null,
  shared_at        timestamptz not null default now(),
  primary key (project_id, organization_id)
);
comment on table project_shares is 'A project shared with an organization is visible to that organization''s users.';
create index project_shares_org_idx on project_shares (organization_id, project_id);
