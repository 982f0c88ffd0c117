-- A person source's role and affiliation as the document gives them
-- ("Ukrainian Defence Minister Rustem Umerov": Defence Minister, Ukraine).
ALTER TABLE attributions ADD COLUMN source_role TEXT;
ALTER TABLE attributions ADD COLUMN source_affiliation TEXT;
