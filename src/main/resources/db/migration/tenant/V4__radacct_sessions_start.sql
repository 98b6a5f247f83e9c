-- radacct_sessions follows radacct's retention: when partition maintenance retires radacct's
-- days before a cut-off, the session index rows of those days are deleted by start time.
create index radacct_sessions_start on radacct_sessions (acctstarttime);
