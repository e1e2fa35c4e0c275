-- One county or district by code ($1): a row when it exists.
SELECT code FROM regions WHERE code = $1::text
