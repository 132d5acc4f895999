-- LAN office mode: the address of the PC a change came from (null for the office PC's own window and older entries)
ALTER TABLE `audit_log` ADD `client_address` text;
