DROP TABLE publication_links;
