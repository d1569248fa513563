// The practice circles' GPU data (src/map/practice-circles-data.ts): the radius the circle layer
// drew (linear in the square root of the list size between stops), mercator positions split into
// float32 high and low parts that keep street-zoom precision, and four vertices per practice.
import { describe, expect, it } from 'vitest';
import type { Practice } from '../../../src/core/model';
import {
  circleData,
  circleRadius,
  mercatorX,
  mercatorY,
  RADIUS_STOPS,
  rgbOf,
  splitMercator,
  VERTEX_FLOATS,
  writeStyle,
} from '../../../src/map/practice-circles-data';

describe('circleRadius', () => {
  it('is the stop radius at each stop, linear in the square root between them, clamped outside', () => {
    for (const [root, radius] of RADIUS_STOPS) expect(circleRadius(root * root)).toBeCloseTo(radius, 12);
    expect(circleRadius(50 * 50)).toBeCloseTo(4.5, 12);
    expect(circleRadius(150 * 150)).toBeCloseTo(8, 12);
    expect(circleRadius(265 * 265)).toBeCloseTo(12.5, 12);
    expect(circleRadius(1e9)).toBe(15);
    expect(circleRadius(-5)).toBe(3);
  });
});

describe('mercator positions', () => {
  it('puts the equator and Greenwich in the middle of the world, north at the top', () => {
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 15);
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorY(85.0511287798066)).toBeCloseTo(0, 9);
    expect(mercatorY(53)).toBeLessThan(0.5);
  });

  it('splits a coordinate into float32 parts whose sum keeps it to a millionth of a street-zoom pixel', () => {
    // Zoom 22: the world is 512 * 2^22 px wide.
    const pixel = 1 / (512 * 2 ** 22);
    for (const v of [mercatorX(-2.2426), mercatorY(53.4808), 0.1234567891234, 0.999999999]) {
      const [high, low] = splitMercator(v);
      expect(Math.fround(high)).toBe(high);
      expect(Math.fround(low)).toBe(low);
      expect(Math.abs(high + low - v)).toBeLessThan(pixel * 1e-3);
      // float32 alone would be off by up to a tenth of a pixel at zoom 18.
      expect(Math.abs(high - v)).toBeLessThan(1e-7);
    }
  });
});

describe('circleData', () => {
  const practice = (code: string, lon: number, lat: number, listSize: number) =>
    ({ code, name: code, lon, lat, listSize }) as unknown as Practice;
  const practices = [practice('A', -2.2, 53.4, 10_000), practice('B', -1.5, 52.9, 40_000)];

  it('writes four vertices per practice with its position, radius and corner, and two triangles', () => {
    const d = circleData(practices, (i) => ({ colour: i === 0 ? '#E69F00' : '#ffffff', assigned: i === 0 }));
    expect(d.count).toBe(2);
    expect(d.positions).toHaveLength(2 * 4 * VERTEX_FLOATS);
    for (let i = 0; i < 2; i++) {
      for (let k = 0; k < 4; k++) {
        const v = d.positions.subarray((i * 4 + k) * VERTEX_FLOATS, (i * 4 + k + 1) * VERTEX_FLOATS);
        expect(v[0] + v[2]).toBeCloseTo(mercatorX(practices[i].lon), 14);
        expect(v[1] + v[3]).toBeCloseTo(mercatorY(practices[i].lat), 14);
        expect(v[4]).toBe(Math.fround(circleRadius(practices[i].listSize)));
        expect(v[5]).toBe(k);
      }
    }
    expect([...d.indices]).toEqual([0, 1, 2, 1, 3, 2, 4, 5, 6, 5, 7, 6]);
    expect(d.indices).toBeInstanceOf(Uint16Array);
    expect([...d.styles.subarray(0, 16)]).toEqual([
      230, 159, 0, 255, 230, 159, 0, 255, 230, 159, 0, 255, 230, 159, 0, 255,
    ]);
    expect([...d.styles.subarray(16, 20)]).toEqual([255, 255, 255, 0]);
  });

  it('uses 32-bit indices past 16,384 practices', () => {
    const many = Array.from({ length: 16_385 }, (_, i) => practice(`P${i}`, -2 + i * 1e-5, 53, 5000));
    const d = circleData(many, () => ({ colour: '#000000', assigned: false }));
    expect(d.indices).toBeInstanceOf(Uint32Array);
    expect(d.indices.at(-1)).toBe(16_384 * 4 + 2);
  });

  it("rewrites one practice's style in all four of its vertices", () => {
    const d = circleData(practices, () => ({ colour: '#ffffff', assigned: false }));
    writeStyle(d.styles, 1, rgbOf('#123456'), true);
    expect([...d.styles.subarray(0, 16)].every((v, k) => v === (k % 4 === 3 ? 0 : 255))).toBe(true);
    expect([...d.styles.subarray(16, 32)]).toEqual([
      0x12, 0x34, 0x56, 255, 0x12, 0x34, 0x56, 255, 0x12, 0x34, 0x56, 255, 0x12, 0x34, 0x56, 255,
    ]);
  });

  it('reads #rrggbb colours in either case, white for anything else', () => {
    expect(rgbOf('#E69F00')).toEqual([230, 159, 0]);
    expect(rgbOf('#e69f00')).toEqual([230, 159, 0]);
    expect(rgbOf('red')).toEqual([255, 255, 255]);
  });
});
