-- Search reads an index each server holds in memory, built from the
-- register and kept up to date with register_version. The database's
-- full-text index is read by nothing any more; kept, it would cost every
-- publication its indexing and every database its size.
DROP TRIGGER clarification_search_on_delete;
DROP TRIGGER clarification_search_on_flag;
DROP TRIGGER clarification_search_on_publish;
DROP TRIGGER clarification_search_on_insert;
DROP VIEW clarification_search_source;
DROP TABLE clarification_search;
