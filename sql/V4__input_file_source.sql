-- Where a file came from: the local inbox folder or the SFTP inbox (then its remote name, to
-- move it to the processed folder once it is ingested).
alter table input_files add column source varchar(8) default 'LOCAL' not null;
alter table input_files add column remote_name varchar(255);
