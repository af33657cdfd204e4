import { fixture, type MatrixTable } from './matrix.ts';

/**
 * System and media routes. `/health` and `/openapi.json` are public; every other route wants a
 * token. Files follow docs/media-access.md: the uploader reads everything of their own file; anyone
 * else reads through the record the file is attached to — the public (location-free) copy when they
 * may read the record, the original (`original:` targets ask `?variant=original`) when they are a
 * supervisor, an admin or staff of a department the record is assigned to; a file attached to
 * nothing is its uploader's alone; everything else is 404. Completing an upload is the uploader's.
 */
export const MEDIA_ROWS: MatrixTable = {
  'GET /health': {
    request: () => ({ path: '/health' }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      -       ok   ok   ok   ok   ok   ok   ok   ok   ok
    `,
  },
  'GET /openapi.json': {
    request: () => ({ path: '/openapi.json' }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      -       ok   ok   ok   ok   ok   ok   ok   ok   ok
    `,
  },
  'POST /media/uploads': {
    request: () => ({
      path: '/media/uploads',
      body: { contentType: 'image/jpeg', sizeBytes: 2048, fileName: 'photo.jpg' },
    }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      -       401  ok   ok   ok   ok   ok   ok   ok   ok
    `,
  },
  'POST /media/{id}/complete': {
    // 200 for a file already complete, 409 for a slot nothing was uploaded to: both are the owner's.
    allowed: [200, 409],
    request: (target, fx) => ({ path: `/media/${fixture(fx, `media.${target}`)}/complete` }),
    expect: `
      target        anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      looseA        401  ok   404  404  404  404  404  404  404
      aPrivate      401  ok   404  404  404  404  404  404  404
      evidence      401  404  404  ok   404  404  404  404  404
      pendingB      401  404  ok   404  404  404  404  404  404
    `,
  },
  'GET /media/{id}': {
    request: (target, fx) => {
      const [variant, name = ''] = target.split(':');
      const id = name === 'missing' ? 'no-such-media' : fixture(fx, `media.${name}`);
      return { path: `/media/${id}${variant === 'original' ? '?variant=original' : ''}` };
    },
    expect: `
      target                  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      public:aPrivate         401  ok   404  404  404  404  404  ok   ok
      original:aPrivate       401  ok   404  404  404  404  404  ok   ok
      public:aPublic          401  ok   ok   404  404  404  404  ok   ok
      original:aPublic        401  ok   404  404  404  404  404  ok   ok
      public:bPrivate         401  404  ok   404  404  404  404  ok   ok
      original:bPrivate       401  404  ok   404  404  404  404  ok   ok
      public:dispatched       401  ok   404  ok   ok   404  404  ok   ok
      original:dispatched     401  ok   404  ok   ok   404  404  ok   ok
      public:dispatchedCo     401  ok   404  ok   ok   ok   ok   ok   ok
      original:dispatchedCo   401  ok   404  ok   ok   ok   ok   ok   ok
      public:redispatched     401  ok   404  404  404  ok   ok   ok   ok
      original:redispatched   401  ok   404  404  404  ok   ok   ok   ok
      public:evidence         401  ok   404  ok   ok   ok   ok   ok   ok
      original:evidence       401  404  404  ok   ok   ok   ok   ok   ok
      public:comment          401  ok   ok   404  404  404  404  ok   ok
      original:comment        401  404  ok   404  404  404  404  ok   ok
      public:sug.assigned     401  ok   ok   ok   ok   ok   ok   ok   ok
      original:sug.assigned   401  ok   404  ok   ok   ok   ok   ok   ok
      public:sug.lead1        401  404  ok   ok   ok   404  404  ok   ok
      original:sug.lead1      401  404  ok   ok   ok   404  404  ok   ok
      public:sug.unassigned   401  ok   404  404  404  404  404  ok   ok
      original:sug.unassigned 401  ok   404  404  404  404  404  ok   ok
      public:sug.handedBack   401  ok   404  404  404  ok   ok   ok   ok
      original:sug.handedBack 401  ok   404  404  404  ok   ok   ok   ok
      public:sug.split        401  ok   404  ok   ok   404  404  ok   ok
      original:sug.split      401  ok   404  ok   ok   404  404  ok   ok
      public:looseA           401  ok   404  404  404  404  404  404  404
      original:looseA         401  ok   404  404  404  404  404  404  404
      public:looseHandler1    401  404  404  ok   404  404  404  404  404
      original:looseHandler1  401  404  404  ok   404  404  404  404  404
      public:missing          401  404  404  404  404  404  404  404  404
    `,
  },
};
