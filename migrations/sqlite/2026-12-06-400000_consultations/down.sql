DROP TABLE consultation_answers;
DROP INDEX consultations_request;
DROP TABLE consultations;
DROP TABLE liaison_contacts;
