DROP TRIGGER clarification_search_on_publish ON requests;
DROP FUNCTION clarification_search_on_publish();
DROP TABLE clarification_search;
DROP FUNCTION clarification_search_document(TEXT);
DROP FUNCTION clarification_search_words(TEXT);
