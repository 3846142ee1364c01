DROP INDEX requests_standard_clause;
