ALTER TABLE appeals DROP COLUMN appellant_erased_at;
