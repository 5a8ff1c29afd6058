-- rollup_windows.sql - the 29 windows of a year (year_windows), for the
-- rollup's C parts (engine/rollup_window.c).
--
-- $1 integer  the year
-- Result: kind, wf (first month), wl (last month), name.
SELECT kind, wf, wl, name FROM year_windows($1::int)
