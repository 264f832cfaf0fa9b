import { describe, expect, it } from 'vitest';
import { dataCacheName, isDataCache, isSignedInMessage, mayKeep, offlineCacheKey, signedInMessage } from './offlineCaches.ts';

describe('offline caches', () => {
  it('keeps a tile under its address without the data version', () => {
    expect(offlineCacheKey('/tiles/projects/5/19/12.mvt?v=3', 'http://x.test/')).toBe('http://x.test/tiles/projects/5/19/12.mvt');
    expect(offlineCacheKey('/tiles/projects/5/19/12.mvt?status=completed&v=3', 'http://x.test/')).toBe('http://x.test/tiles/projects/5/19/12.mvt?status=completed');
    expect(offlineCacheKey('/api/projects?v=3', 'http://x.test/')).toBe('http://x.test/api/projects?v=3');
  });

  it("names a user's cache and knows it again", () => {
    expect(dataCacheName(7)).toBe('marsad-data-u7');
    expect(isDataCache(dataCacheName(7))).toBe(true);
    expect(isDataCache('marsad-shared')).toBe(false);
  });

  it('never keeps a no-store answer', () => {
    expect(mayKeep('private, no-store')).toBe(false);
    expect(mayKeep('no-store')).toBe(false);
    expect(mayKeep('private, no-cache')).toBe(true);
    expect(mayKeep(null)).toBe(true);
  });

  it('tells its own message from anything else', () => {
    expect(isSignedInMessage(signedInMessage(3))).toBe(true);
    expect(isSignedInMessage({ type: 'other' })).toBe(false);
    expect(isSignedInMessage(null)).toBe(false);
  });
});
