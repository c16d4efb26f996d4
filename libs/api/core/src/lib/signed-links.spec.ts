import { LinkSigner } from './signed-links';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const NOW = Date.UTC(2026, 10, 27, 10, 30, 25);

describe('LinkSigner', () => {
  const signer = new LinkSigner<{ u: string }>(SECRET, 'test-links');

  it('gives back the claims of its own token until it expires, counted from the minute', () => {
    const token = signer.sign({ u: 'anna' }, 10, NOW);
    expect(signer.verify(token, NOW)).toEqual({ u: 'anna', e: (NOW - 25_000) / 1000 + 600 });
    // Same minute, same token (stable links on one page).
    expect(signer.sign({ u: 'anna' }, 10, NOW + 30_000)).toBe(token);
    expect(signer.verify(token, NOW - 25_000 + 600_000 - 1)).not.toBeNull();
    expect(signer.verify(token, NOW - 25_000 + 600_000)).toBeNull();
  });

  it('refuses a changed claim, a changed signature, another purpose’s token and garbage', () => {
    const token = signer.sign({ u: 'anna' }, 10, NOW);
    const [payload, mac] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const other = Buffer.from(JSON.stringify({ ...claims, u: 'bartosz' })).toString('base64url');
    expect(signer.verify(`${other}.${mac}`, NOW)).toBeNull();
    expect(
      signer.verify(`${payload}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`, NOW),
    ).toBeNull();
    expect(signer.verify(`${token}.extra`, NOW)).toBeNull();
    expect(
      signer.verify(new LinkSigner(SECRET, 'other').sign({ u: 'anna' }, 10, NOW), NOW),
    ).toBeNull();
    expect(
      signer.verify(new LinkSigner(`${SECRET}!`, 'test-links').sign({ u: 'anna' }, 10, NOW), NOW),
    ).toBeNull();
    for (const junk of ['', '.', 'abc', 'a.b', `${payload}.`])
      expect(signer.verify(junk, NOW)).toBeNull();
  });
});
