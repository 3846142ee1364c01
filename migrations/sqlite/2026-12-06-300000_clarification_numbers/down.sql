DROP TABLE clarification_numbers;
DROP TABLE clarification_counters;
