import { describe, expect, it } from 'vitest';
import { dxfRing, insideRing, mtextPlain } from './dxfGeometry.ts';

/** The area of a closed ring (shoelace), positive when counterclockwise. */
const area = (ring: [number, number][]) => ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0] * y - x * ring[i]![1]) / 2, 0);

describe('dxfRing', () => {
  it('closes a polyline flagged closed, and one that ends where it starts', () => {
    const square = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
    expect(dxfRing(square, true, false)).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
    expect(dxfRing([...square, { x: 0, y: 0 }], false, false)).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
  });

  it('leaves an open polyline out', () => {
    expect(dxfRing([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }], false, false)).toBeNull();
  });

  it('draws a bulge as an arc: a half circle out of a side (bulge 1), a circle of two vertices', () => {
    const bulged = dxfRing([{ x: 0, y: 0 }, { x: 10, y: 0, bulge: 1 }, { x: 10, y: 10 }, { x: 0, y: 10 }], true, false)!;
    expect(area(bulged)).toBeCloseTo(100 + (Math.PI * 25) / 2, 0);
    expect(Math.max(...bulged.map(([x]) => x))).toBeCloseTo(15, 5);
    const circle = dxfRing([{ x: -5, y: 0, bulge: 1 }, { x: 5, y: 0, bulge: 1 }], true, false)!;
    expect(area(circle)).toBeCloseTo(Math.PI * 25, 0);
    // A negative bulge turns clockwise: the arc bites into the square instead.
    const bitten = dxfRing([{ x: 0, y: 0 }, { x: 10, y: 0, bulge: -1 }, { x: 10, y: 10 }, { x: 0, y: 10 }], true, false)!;
    expect(area(bitten)).toBeCloseTo(100 - (Math.PI * 25) / 2, 0);
  });

  it('mirrors x for the extrusion direction (0, 0, -1)', () => {
    expect(dxfRing([{ x: 1, y: 0 }, { x: 2, y: 0 }, { x: 2, y: 1 }], true, true)![1]).toEqual([-2, 0]);
  });
});

describe('insideRing', () => {
  const ring: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
  it.each([
    [5, 5, true],
    [15, 5, false],
    [-1, 5, false],
    [5, 11, false],
  ])('(%d, %d) inside: %s', (x, y, inside) => expect(insideRing(ring, x, y)).toBe(inside));
});

describe('mtextPlain', () => {
  it.each([
    ['A-12', 'A-12'],
    ['{\\fArial|b0|i0;\\H2.5;12}', '12'],
    ['\\A1;{\\C1;Plot}\\P17', 'Plot 17'],
    ['\\U+0631\\U+0642\\U+0645 5', 'رقم 5'],
    ['%%uB-3%%u', 'B-3'],
    ['1\\S1#2;', '11/2'],
    ['a\\{b\\}', 'a{b}'],
  ])('%s reads %s', (raw, plain) => expect(mtextPlain(raw)).toBe(plain));
});
