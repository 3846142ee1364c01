DROP INDEX requests_on_a_clause;
