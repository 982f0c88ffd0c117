-- The named rule that found each figure and attribution (see extract/quantities and
-- extract/attributions); empty for rows stored before rules were named.
ALTER TABLE quantities ADD COLUMN rule TEXT NOT NULL DEFAULT '';
ALTER TABLE attributions ADD COLUMN rule TEXT NOT NULL DEFAULT '';
