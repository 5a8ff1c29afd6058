-- import_stage_copy.sql - the rows of a keyed kind into its staging table
-- (import_KIND_stage.sql), in text format: line_no, then the kind's columns.
COPY import_stage FROM STDIN
