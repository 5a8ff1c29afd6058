-- rollup_economy_copy.sql - the economy rows engine/rollup_economy.c
-- computed, in binary format (engine/copybin.c).
COPY rollup_economy (year, agreement_id, window_name, window_kind, first_month, last_month,
                     annual_budget, budget, actual, budget_ytd, actual_ytd, consumption_pct,
                     expected_pct, deviation, forecast, status) FROM STDIN (FORMAT binary)
