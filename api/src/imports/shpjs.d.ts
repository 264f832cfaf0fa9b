/** The part of shpjs (which ships no types) that readUpload uses. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  type Bytes = ArrayBuffer | Uint8Array;
  export default function shp(input: { shp: Bytes; dbf?: Bytes; cpg?: Bytes; prj?: Bytes }): Promise<FeatureCollection>;
}
