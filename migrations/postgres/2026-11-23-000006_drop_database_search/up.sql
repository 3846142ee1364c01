-- Search reads an index each server holds in memory, built from the
-- register and kept up to date with register_version. The database's
-- full-text index is read by nothing any more; kept, it would cost every
-- new request a trigger call, every publication its document, and every
-- database its size.
DROP TRIGGER clarification_search_on_publish ON requests;
DROP FUNCTION clarification_search_on_publish();
DROP FUNCTION clarification_search_document(TEXT);
DROP FUNCTION clarification_search_facets(TEXT, TEXT, TIMESTAMP, TEXT);
DROP FUNCTION clarification_search_hex(TEXT);
DROP FUNCTION clarification_search_words(TEXT);
DROP TABLE clarification_search;
