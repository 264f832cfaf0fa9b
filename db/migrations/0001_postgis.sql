-- Spatial types and functions. Every geometry in Marsad is stored in EPSG:4326 (WGS 84).
create extension if not exists postgis;
