// The checks and measures every fit shares (lib/scaling/points.ts).
import { describe, expect, it } from 'vitest';
import { checkPoints, FitError, rSquared, sumOfSquares } from '../../lib/scaling/points.ts';

describe('lib/scaling/points', () => {
  it('FitError is an Error named FitError', () => {
    const error = new FitError('why');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FitError');
    expect(String(error)).toBe('FitError: why');
  });

  it('checkPoints accepts exactly enough distinct N, and says what the model needs', () => {
    const three = [1, 2, 3].map((n) => ({ n, x: n }));
    expect(() => checkPoints(three, 3, 'a model', 'because')).not.toThrow();
    expect(() => checkPoints(three, 4, 'a model', 'because')).toThrow(
      'a model needs at least 4 distinct values of N, got 3: because',
    );
  });

  it('sumOfSquares adds the squared residuals', () => {
    expect(
      sumOfSquares(
        [
          { n: 1, x: 3 },
          { n: 2, x: 1 },
        ],
        (n) => n,
      ),
    ).toBe(4 + 1);
  });

  it('rSquared is 1 − SSE/SST, around the mean', () => {
    const points = [1, 2, 3].map((n) => ({ n, x: n * 2 }));
    expect(rSquared(points, (n) => n * 2)).toBe(1);
    expect(rSquared(points, () => 4)).toBe(0);
    expect(rSquared(points, (n) => n * 2 + 1)).toBeCloseTo(1 - 3 / 8, 12);
  });

  it('rSquared of flat data is 1 when the model meets them and 0 when it does not', () => {
    const flat = [1, 2, 3].map((n) => ({ n, x: 5 }));
    expect(rSquared(flat, () => 5)).toBe(1);
    expect(rSquared(flat, () => 6)).toBe(0);
  });
});
