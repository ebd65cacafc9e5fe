import assert from "node:assert/strict";
import { test } from "node:test";
import type { Point2, ShapeGeometry } from "../shapes.ts";
import { pixelList } from "./pixel-spans.ts";
import { shapePixels } from "./shape-pixels.ts";

const px = (shape: ShapeGeometry, sizeX = 10, sizeY = 10) => pixelList(shapePixels(shape, sizeX, sizeY));

test("Rectangle: centres with x ≤ cx < x+w and y ≤ cy < y+h", () => {
  // cx ∈ [0.5, 2.5): 0.5 and 1.5; cy ∈ [0.5, 1.5): 0.5.
  assert.deepEqual(px({ kind: "Rectangle", x: 0.5, y: 0.5, width: 2, height: 1 }), [[0, 0], [1, 0]]);
  // Integer corners: exactly the covered pixels.
  assert.deepEqual(px({ kind: "Rectangle", x: 1, y: 2, width: 2, height: 2 }), [[1, 2], [2, 2], [1, 3], [2, 3]]);
  // Width 0.4 around no centre: nothing.
  assert.deepEqual(px({ kind: "Rectangle", x: 1.6, y: 1, width: 0.4, height: 3 }), []);
  // Partly outside: clipped to the image.
  assert.deepEqual(px({ kind: "Rectangle", x: -3, y: -3, width: 5, height: 5 }), [[0, 0], [1, 0], [0, 1], [1, 1]]);
  assert.deepEqual(px({ kind: "Rectangle", x: 8.5, y: 9, width: 10, height: 10 }, 10, 10), [[8, 9], [9, 9]]);
  assert.deepEqual(px({ kind: "Rectangle", x: 20, y: 0, width: 5, height: 5 }), []);
});

test("Ellipse: ((cx−x)/rx)² + ((cy−y)/ry)² ≤ 1, boundary included", () => {
  assert.deepEqual(px({ kind: "Ellipse", x: 2, y: 2, radiusX: 1, radiusY: 1 }), [[1, 1], [2, 1], [1, 2], [2, 2]]);
  // Centred on a pixel centre: the four neighbours are at distance exactly 1, so included.
  assert.deepEqual(px({ kind: "Ellipse", x: 2.5, y: 2.5, radiusX: 1, radiusY: 1 }), [[2, 1], [1, 2], [2, 2], [3, 2], [2, 3]]);
  // ry = 0.5: the rows above and below are at ((1.5 − 2.5)/0.5)² = 4 > 1.
  assert.deepEqual(px({ kind: "Ellipse", x: 2.5, y: 2.5, radiusX: 2, radiusY: 0.5 }), [[0, 2], [1, 2], [2, 2], [3, 2], [4, 2]]);
  assert.deepEqual(px({ kind: "Ellipse", x: 2.5, y: 2.5, radiusX: 0, radiusY: 3 }), []);
  // Partly outside the top-left corner.
  assert.deepEqual(px({ kind: "Ellipse", x: 0, y: 0, radiusX: 1.2, radiusY: 1.2 }), [[0, 0]]);
});

test("Polygon: even–odd rule on centres, holes and self-intersections included", () => {
  // Centres on the hypotenuse x + y = 3, e.g. (2.5, 0.5), are not left of its crossing: outside,
  // as a rectangle's right edge is. Centres on the left edge x = 0 would be inside.
  assert.deepEqual(px({ kind: "Polygon", points: [[0, 0], [3, 0], [0, 3]] }), [[0, 0], [1, 0], [0, 1]]);
  assert.deepEqual(px({ kind: "Polygon", points: [[0, 0], [3.2, 0], [0, 3.2]] }), [[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [0, 2]]);
  // A 6×6 square with a 2×2 hole, drawn as one ring through a bridge edge walked both ways.
  const ring: Point2[] = [[0, 0], [6, 0], [6, 6], [0, 6], [0, 0], [2, 2], [2, 4], [4, 4], [4, 2], [2, 2]];
  const holed = px({ kind: "Polygon", points: ring });
  assert.equal(holed.length, 32);
  for (const hole of [[2, 2], [3, 2], [2, 3], [3, 3]]) assert.ok(!holed.some(([x, y]) => x === hole[0] && y === hole[1]), `hole ${hole}`);
  // A pentagram: the centre is crossed twice (even), so it is outside; a tip is inside.
  const star: Point2[] = [0, 2, 4, 1, 3].map((k) => {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / 5;
    return [10.5 + 10 * Math.cos(a), 10.5 + 10 * Math.sin(a)];
  });
  const starPx = px({ kind: "Polygon", points: star }, 21, 21);
  assert.ok(!starPx.some(([x, y]) => x === 10 && y === 10), "centre of a pentagram is outside by even–odd");
  assert.ok(starPx.some(([x, y]) => x === 10 && y === 2), "the top tip is inside");
  // Partly outside.
  assert.deepEqual(px({ kind: "Polygon", points: [[-5, -5], [2, -5], [2, 1], [-5, 1]] }), [[0, 0], [1, 0]]);
});

test("Line and Polyline: Bresenham between the pixels holding the end points, each pixel once, clipped", () => {
  assert.deepEqual(px({ kind: "Line", x1: 0.2, y1: 0.9, x2: 4.99, y2: 1.1 }), [[0, 0], [1, 0], [2, 1], [3, 1], [4, 1]]);
  assert.deepEqual(px({ kind: "Line", x1: 4.5, y1: 1.5, x2: 0.5, y2: 0.5 }), [[0, 0], [1, 0], [2, 0], [3, 1], [4, 1]]);
  assert.deepEqual(px({ kind: "Line", x1: -2, y1: 1, x2: 3, y2: 1 }, 5, 5), [[0, 1], [1, 1], [2, 1], [3, 1]]);
  assert.deepEqual(px({ kind: "Line", x1: 2.5, y1: 2.5, x2: 2.1, y2: 2.9 }), [[2, 2]]);
  // Back and forth: the joint and the way back count once.
  assert.deepEqual(px({ kind: "Polyline", points: [[0.5, 0.5], [3.5, 0.5], [0.5, 0.5]] }), [[0, 0], [1, 0], [2, 0], [3, 0]]);
  assert.deepEqual(px({ kind: "Polyline", points: [[0.5, 0.5], [2.5, 0.5], [2.5, 2.5]] }), [[0, 0], [1, 0], [2, 0], [2, 1], [2, 2]]);
});

test("Point is its pixel (none outside the image); Label has none", () => {
  assert.deepEqual(px({ kind: "Point", x: 2.7, y: 3.2 }), [[2, 3]]);
  assert.deepEqual(px({ kind: "Point", x: 10, y: 3 }), []);
  assert.deepEqual(px({ kind: "Point", x: -0.1, y: 3 }), []);
  assert.deepEqual(px({ kind: "Label", x: 2, y: 2, text: "a" }), []);
});

test("area shapes agree with a direct test of every pixel centre (random shapes)", () => {
  const [W, H] = [23, 17];
  const rnd = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
  for (let n = 0; n < 300; n++) {
    const rect = { kind: "Rectangle" as const, x: rnd(-5, 25), y: rnd(-5, 20), width: rnd(0, 12), height: rnd(0, 12) };
    const ell = { kind: "Ellipse" as const, x: rnd(-5, 25), y: rnd(-5, 20), radiusX: rnd(0, 9), radiusY: rnd(0, 9) };
    const poly = { kind: "Polygon" as const, points: Array.from({ length: 3 + (n % 7) }, () => [rnd(-5, 28), rnd(-5, 22)] as const) };
    const expected = { rect: [] as number[][], ell: [] as number[][], poly: [] as number[][] };
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < W; i++) {
        const cx = i + 0.5;
        const cy = j + 0.5;
        if (rect.x <= cx && cx < rect.x + rect.width && rect.y <= cy && cy < rect.y + rect.height) expected.rect.push([i, j]);
        if (((cx - ell.x) / ell.radiusX) ** 2 + ((cy - ell.y) / ell.radiusY) ** 2 <= 1) expected.ell.push([i, j]);
        let inside = false;
        const p = poly.points;
        for (let a = 0, b = p.length - 1; a < p.length; b = a++) {
          const [xa, ya] = p[a]!;
          const [xb, yb] = p[b]!;
          if ((ya > cy) !== (yb > cy) && cx < ((xb - xa) * (cy - ya)) / (yb - ya) + xa) inside = !inside;
        }
        if (inside) expected.poly.push([i, j]);
      }
    }
    assert.deepEqual(px(rect, W, H), expected.rect, JSON.stringify(rect));
    assert.deepEqual(px(ell, W, H), expected.ell, JSON.stringify(ell));
    assert.deepEqual(px(poly, W, H), expected.poly, JSON.stringify(poly));
  }
});
