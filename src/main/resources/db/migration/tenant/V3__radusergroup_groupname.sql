-- Members of a group: the group API counts them and refuses to delete a group that has
-- any. FreeRADIUS's schema only indexes radusergroup by username (what authorize reads).
create index radusergroup_groupname on radusergroup (groupname);
