DROP INDEX requests_standard_published;
DROP INDEX requests_published_order;
