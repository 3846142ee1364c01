-- Each of these is the start of a later, wider index (requests_published_order
-- and requests_standard_published), which serves every query they served;
-- kept, they only cost every new request two more index pages to write.
DROP INDEX requests_state;
DROP INDEX requests_standard;
