DROP INDEX requests_published_order;
