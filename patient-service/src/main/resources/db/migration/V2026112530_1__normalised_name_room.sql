-- Normalising a name spells out ligatures and special letters ("ß" -> "ss", "ﬃ" -> "ffi"), so the
-- keys made from two names of 100 characters need more than 210. Room for both names at twice their
-- length (2 x 200 + separators); longer normalised names are refused (NameNormalizer.MAX_NORMALIZED_LENGTH).
-- Widening a varchar rewrites neither the table nor its indexes.
ALTER TABLE patient ALTER COLUMN duplicate_key TYPE varchar(410);
ALTER TABLE patient ALTER COLUMN name_words TYPE varchar(410);
