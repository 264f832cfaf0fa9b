import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BriefMapSvg } from './BriefMapSvg.tsx';
import { BriefReaderContext, readerFor } from './briefContext.ts';
import { tinyBrief } from '../testing/briefFixture.ts';
import { boundsOf, buildMapModel, fitProjection, MAP_BOX, scaleBarFor, usableBbox, type MapModel } from './mapModel.ts';

/** The numbers of an SVG path (its vertices' x and y, alternating). */
function pathNumbers(d: string): number[] {
  return (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

function svgOf(model: MapModel, language: 'ar' | 'en' = 'ar', labels = false): string {
  return renderToStaticMarkup(createElement(BriefReaderContext.Provider, { value: readerFor(language) }, createElement(BriefMapSvg, { model, labels })));
}

describe('the brief map', () => {
  it('fits the bbox inside the box: corners within the padding, touching it on one axis', () => {
    const bbox = [36.2, 33.4, 36.4, 33.6] as [number, number, number, number];
    const projection = fitProjection(bbox);
    const [x0, y0] = projection([bbox[0], bbox[3]])!; // north-west: top left
    const [x1, y1] = projection([bbox[2], bbox[1]])!; // south-east: bottom right
    const p = MAP_BOX.padding;
    for (const x of [x0, x1]) expect(x >= p - 1e-6 && x <= MAP_BOX.width - p + 1e-6).toBe(true);
    for (const y of [y0, y1]) expect(y >= p - 1e-6 && y <= MAP_BOX.height - p + 1e-6).toBe(true);
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1); // north is up
    const fillsWidth = Math.abs(x1 - x0 - (MAP_BOX.width - 2 * p)) < 1;
    const fillsHeight = Math.abs(y1 - y0 - (MAP_BOX.height - 2 * p)) < 1;
    expect(fillsWidth || fillsHeight).toBe(true);
  });

  it('draws a ring the same whichever way it is wound (no "whole world" fill)', () => {
    const brief = tinyBrief();
    const ccw = buildMapModel(brief.map).areas[0]!.d;
    const ring = (brief.map.areas[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const cw = { type: 'Polygon', coordinates: [[...ring].reverse()] };
    const clockwise = buildMapModel({ ...brief.map, areas: [{ ...brief.map.areas[0]!, geometry: cw }] }).areas[0]!.d;
    for (const d of [ccw, clockwise]) {
      const numbers = pathNumbers(d);
      expect(numbers.length).toBe(8); // four corners (closed by Z), no sphere outline added
      expect(numbers.every((value) => value >= 0 && value <= MAP_BOX.width)).toBe(true);
    }
  });

  it('holds a path per area and context, and a circle per project with rings for the delayed and blocked', () => {
    const brief = tinyBrief();
    const svg = svgOf(buildMapModel(brief.map));
    expect(svg.match(/<path[^>]*data-code=/g)?.length).toBe(1);
    expect(svg).toContain('data-code="SY-DI"');
    expect(svg.match(/<g data-project=/g)?.length).toBe(2);
    // Project 1 is delayed and blocked: its point and two rings; project 2 only its point.
    const circlesOf = (id: number) => svg.match(new RegExp(`<g data-project="${id}">(.*?)</g>`))?.[1]?.match(/<circle/g)?.length;
    expect(circlesOf(1)).toBe(3);
    expect(circlesOf(2)).toBe(1);
    expect(svg).toContain('fill="#0072B2"'); // in progress, the dashboard's status colour
    expect(svg).toContain('stroke="#D55E00"'); // the delayed ring
  });

  it('is never blank: with no areas it still draws the fitted frame, and a bad bbox falls back to the data', () => {
    const brief = tinyBrief();
    const empty = buildMapModel({ ...brief.map, areas: [], context: [], zones: [], projects: [] });
    expect(svgOf(empty)).toContain('class="map-frame"');
    expect(pathNumbers(empty.frame).length).toBe(8);
    const unusable = buildMapModel({ ...brief.map, bbox: [Number.NaN, 0, 0, 0] });
    expect(pathNumbers(unusable.areas[0]!.d).every((v) => v >= 0 && v <= MAP_BOX.width)).toBe(true);
  });

  it('widens a point bbox and reads bounds from geometries and points', () => {
    expect(usableBbox([36, 33, 36, 33])).toEqual([35.975, 32.975, 36.025, 33.025]);
    expect(usableBbox([2, 0, 1, 0])).toBeNull();
    expect(boundsOf([{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } }], [[3, -4]])).toEqual([1, -4, 3, 2]);
    expect(boundsOf([null, 'x'])).toBeNull();
  });

  it('shades a country brief’s governorates by value, and picks a round scale bar', () => {
    const brief = tinyBrief();
    const areas = [0, 0.1, 0.4].map((value, i) => ({ ...brief.map.areas[0]!, code: `SY-0${i}`, value }));
    const model = buildMapModel({ ...brief.map, areas });
    expect(model.shading).not.toBeNull();
    expect(new Set(model.areas.map((a) => a.fill)).size).toBe(3);
    expect(scaleBarFor(10, 1000)).toEqual({ km: 20, length: 200 });
    expect(scaleBarFor(3, 1000)).toEqual({ km: 50, length: 150 });
  });

  it('writes the governorates’ names in the reader’s language', () => {
    const model = buildMapModel(tinyBrief().map);
    expect(svgOf(model, 'ar', true)).toContain('>دمشق</text>');
    expect(svgOf(model, 'en', true)).toContain('>Damascus</text>');
  });
});
