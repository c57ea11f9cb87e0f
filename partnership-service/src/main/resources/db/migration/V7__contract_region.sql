-- The région whose ARS is party to the contract: an ARS agent acts on its own région's contracts only.
-- The contracts held so far are all Occitanie's (the seeds' SSA-ARS contract).
alter table contract add column region_code varchar(3);
update contract set region_code = '76';
alter table contract alter column region_code set not null;
