-- Trigram indexes back the case-insensitive "any part of name or email" searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
