-- Where parks are (lon/lat of a point on each), to tell which Gauss-Krüger zone imported data is in.
SELECT code, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
FROM parks WHERE code = ANY($1::text[])
